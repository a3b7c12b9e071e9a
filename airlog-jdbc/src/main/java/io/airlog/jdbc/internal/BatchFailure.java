package io.airlog.jdbc.internal;

import java.sql.SQLException;

/**
 * A batch transaction did not commit: it was rolled back, or its commit outcome could not be
 * established. Nothing of it is in the log, unless its kind is {@link Kind#IN_DOUBT}.
 */
final class BatchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the batch did not commit, and what the writer can do about it. */
    enum Kind {
        /** Rolled back; the same batch would fail again (a table is missing, the database is down, ...). */
        ROLLED_BACK,
        /**
         * Rolled back because the database rejected a row as a duplicate (an event id stored
         * before): the other drafts of the batch may well be storable on their own.
         */
        CONFLICT,
        /**
         * Rolled back by the database to break a deadlock or a serialisation conflict
         * (SQLSTATE class 40): the same batch may succeed when tried again.
         */
        TRANSIENT,
        /** The commit was sent, but whether it took effect is unknown. */
        IN_DOUBT
    }

    private final Kind kind;

    private BatchFailure(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    /** The transaction was rolled back because of {@code cause}. */
    static BatchFailure rolledBack(String message, Throwable cause) {
        Kind kind = Kind.ROLLED_BACK;
        if (cause instanceof SQLException sql) {
            if (SqlStates.isIntegrityViolation(sql)) {
                kind = Kind.CONFLICT;
            } else if (SqlStates.isTransactionRollback(sql)) {
                kind = Kind.TRANSIENT;
            }
        }
        return new BatchFailure(message, cause, kind);
    }

    /** The commit was sent, but whether it took effect is unknown. */
    static BatchFailure inDoubt(String message, Throwable cause) {
        return new BatchFailure(message, cause, Kind.IN_DOUBT);
    }

    Kind kind() {
        return kind;
    }
}
