package io.airlog.verify;

/** How two stores' copies of a log differ at some sequences. */
public enum DifferenceKind {
    /** The side named lacks sequences that the other side holds (deleted, or never copied). */
    MISSING,
    /** Both sides hold the sequence, but not the same event (content or checksum differs). */
    DIFFERENT,
    /** An event whose sequence is not above the one before it on its side (a duplicate or a moved record); skipped. */
    OUT_OF_ORDER,
    /** An event of another log stored on this side; skipped. */
    FOREIGN,
    /** A stored record on this side that cannot be read as an event; its sequence is unknown. */
    UNREADABLE
}
