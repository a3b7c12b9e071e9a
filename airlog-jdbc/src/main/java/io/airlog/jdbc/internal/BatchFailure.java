package io.airlog.jdbc.internal;

/**
 * A batch transaction did not commit: it was rolled back, or its commit outcome could not be
 * established. Nothing of it is in the log, unless {@link #inDoubt()}.
 */
final class BatchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean conflict;
    private final boolean inDoubt;

    private BatchFailure(String message, Throwable cause, boolean conflict, boolean inDoubt) {
        super(message, cause);
        this.conflict = conflict;
        this.inDoubt = inDoubt;
    }

    /** The transaction was rolled back. */
    static BatchFailure rolledBack(String message, Throwable cause, boolean conflict) {
        return new BatchFailure(message, cause, conflict, false);
    }

    /** The commit was sent, but whether it took effect is unknown. */
    static BatchFailure inDoubt(String message, Throwable cause) {
        return new BatchFailure(message, cause, false, true);
    }

    /**
     * Whether the database rejected a row as a duplicate (an event id stored before): the
     * other events of the batch may well be storable on their own.
     */
    boolean conflict() {
        return conflict;
    }

    /** Whether the events may have been stored although the caller is told they were not. */
    boolean inDoubt() {
        return inDoubt;
    }
}
