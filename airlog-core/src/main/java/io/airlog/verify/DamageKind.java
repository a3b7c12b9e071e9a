package io.airlog.verify;

/**
 * What a verifier found. Every kind is damage except the notices ({@link #isDamage()} false),
 * which a report lists apart: they say what is not (yet) anchored, not that anything changed.
 */
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
    HEAD_MISMATCH,
    /** A stored checkpoint cannot be read as a signed checkpoint note. */
    CHECKPOINT_MALFORMED,
    /**
     * A stored checkpoint carries no signature by a trusted key: signed by someone else's key
     * (or by a key the check was not given; rotated keys stay trusted until removed).
     */
    CHECKPOINT_UNTRUSTED,
    /** A stored checkpoint's signature by a trusted key does not verify: the checkpoint was altered. */
    CHECKPOINT_SIGNATURE_INVALID,
    /** A validly signed checkpoint of another log was placed in this one. */
    CHECKPOINT_FOREIGN,
    /**
     * A validly signed checkpoint disagrees with the stored events: they do not hash to its
     * root (events changed, rewritten with recomputed checksums, inserted or removed before
     * it), or it covers more events than are stored (events lost at the end).
     */
    CHECKPOINT_MISMATCH,
    /** A checkpoint the witness holds is not among the stored checkpoints: it was removed. */
    CHECKPOINT_MISSING,
    /**
     * The store holds fewer events than the newest checkpoint its witness holds: events were
     * lost at the end (cut off, deleted with the head set back) or an older backup was restored.
     */
    BEHIND_WITNESS,
    /**
     * The stored events up to the witnessed size do not hash to the witnessed root: the log
     * was rewritten or re-created.
     */
    WITNESS_MISMATCH,
    /** A record of the witness is altered or unreadable. */
    WITNESS_DAMAGED,
    /** The witness holds nothing at all although the store holds signed checkpoints: it was removed. */
    WITNESS_MISSING,
    /**
     * Events after the newest checkpoint that a trusted key signed, in a check that requires every
     * event to be signed ({@code requireSigned}: the writer signs every batch in its transaction),
     * so they were added by someone without the key.
     */
    UNSIGNED_EVENTS,
    /**
     * Not damage: events after the newest checkpoint that a trusted key signed and that
     * matched (events committed within the checkpoint interval, or appended by someone
     * without the key: only a later signed checkpoint tells which).
     */
    UNSIGNED_TAIL(false),
    /**
     * Not damage: the witness is older than the store's newest signed checkpoint (within the
     * window after a commit, after a crash between commit and publish, or the witness lost
     * its newest records). The store is still checked against what the witness holds.
     */
    WITNESS_BEHIND(false),
    /** Not damage: something about the witness worth knowing (an incomplete last record left by a crash). */
    WITNESS_NOTICE(false),
    /**
     * Not damage: a stored checkpoint that the check does not rely on, in a store where whoever may
     * append events may also insert checkpoints (a database's application role): no trusted key
     * validly signed it (untrusted key, bad signature, unreadable, another log), or its row's other
     * columns disagree with its note. It is ignored, so that such an insert causes no permanent
     * false alarm; if the witness holds a trusted checkpoint of that size, its absence is damage
     * ({@link #CHECKPOINT_MISSING}).
     */
    CHECKPOINT_IGNORED(false);

    private final boolean damage;

    DamageKind() {
        this(true);
    }

    DamageKind(boolean damage) {
        this.damage = damage;
    }

    /** Whether this kind is damage; false for notices. */
    public boolean isDamage() {
        return damage;
    }
}
