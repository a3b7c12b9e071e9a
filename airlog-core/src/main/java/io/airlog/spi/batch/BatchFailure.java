package io.airlog.spi.batch;

/**
 * A batch was not stored: it was rolled back, or whether it was stored cannot be established.
 * Nothing of it is in the log, unless its kind is {@link Kind#IN_DOUBT}. Thrown by a
 * {@link BatchAppender}; the {@link GroupCommitWriter} decides by its kind whether to try
 * again, to store the batch's drafts one by one, or to fail its callers.
 */
public final class BatchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the batch was not stored, and what the writer can do about it. */
    public enum Kind {
        /** Rolled back; the same batch would fail again (a table is missing, the database is down, ...). */
        ROLLED_BACK,
        /**
         * Rolled back because the storage rejected a draft as a duplicate (an event id stored
         * before): the other drafts of the batch may well be storable on their own.
         */
        CONFLICT,
        /**
         * Rolled back by the storage to break a deadlock or a serialisation conflict: the
         * same batch may succeed when tried again.
         */
        TRANSIENT,
        /** The batch was sent, but whether it was stored is unknown. */
        IN_DOUBT
    }

    private final Kind kind;

    private BatchFailure(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    /**
     * A batch that was not stored, for the reason {@code kind} says.
     *
     * @param kind why; {@link Kind#IN_DOUBT} when it may have been stored
     * @param message what failed
     * @param cause the underlying failure, or null
     * @return the failure
     */
    public static BatchFailure of(Kind kind, String message, Throwable cause) {
        return new BatchFailure(message, cause, java.util.Objects.requireNonNull(kind, "kind"));
    }

    /** The batch was rolled back because of {@code cause}, and would fail again. */
    public static BatchFailure rolledBack(String message, Throwable cause) {
        return of(Kind.ROLLED_BACK, message, cause);
    }

    /** The batch was sent, but whether it was stored is unknown. */
    public static BatchFailure inDoubt(String message, Throwable cause) {
        return of(Kind.IN_DOUBT, message, cause);
    }

    /** Why the batch was not stored. */
    public Kind kind() {
        return kind;
    }
}
