package io.airlog.checkpoint;

import java.util.Objects;

/**
 * A checkpoint note that must not be trusted, and why. The message names what is wrong.
 */
public final class RejectedCheckpointException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why a note was rejected. */
    public enum Reason {
        /** Not a signed note, or its text is not a checkpoint body. */
        MALFORMED,
        /** No signature comes from a trusted key (unknown or rotated-out keys only). */
        UNTRUSTED_KEY,
        /** A signature claims a trusted key (its name and key ID) but does not verify: the note was altered. */
        BAD_SIGNATURE,
        /** Validly signed, but for another log: its origin is not the expected one. */
        OTHER_LOG
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what is wrong, for people
     */
    public RejectedCheckpointException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the note was rejected. */
    public Reason reason() {
        return reason;
    }
}
