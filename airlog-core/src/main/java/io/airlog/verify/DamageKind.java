package io.airlog.verify;

/** What kind of damage a verifier found. */
public enum DamageKind {
    /** An event's checksum does not match its fields: a field or the checksum was edited. */
    CHANGED,
    /** Sequences are absent: events were deleted (or never stored). */
    MISSING,
    /** An event appears later (or earlier) in storage than its sequence says. */
    REORDERED,
    /** A sequence appears more than once. */
    DUPLICATED,
    /** A self-consistent event of another log was placed in this one. */
    FOREIGN,
    /**
     * An event verifies on its own but does not link to the event before it: a forged event,
     * or a neighbour whose checksum was recomputed.
     */
    BROKEN_LINK,
    /** A stored record cannot even be read as an event (invalid JSON, unknown outcome, ...). */
    MALFORMED,
    /** The stored head (size, last checksum) does not match the last stored event. */
    HEAD_MISMATCH
}
