package io.airlog.jdbc.internal;

import io.airlog.AuditEvent;
import java.sql.SQLException;
import java.util.List;

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
    private final transient List<AuditEvent> events;

    private BatchFailure(String message, Throwable cause, Kind kind, List<AuditEvent> events) {
        super(message, cause);
        this.kind = kind;
        this.events = events;
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
        return new BatchFailure(message, cause, kind, List.of());
    }

    /**
     * The commit of {@code events} was sent, but whether it took effect is unknown; the
     * events (sealed, in order) are needed to find out.
     */
    static BatchFailure inDoubt(String message, Throwable cause, List<AuditEvent> events) {
        return new BatchFailure(message, cause, Kind.IN_DOUBT, List.copyOf(events));
    }

    Kind kind() {
        return kind;
    }

    /** The sealed events of an {@link Kind#IN_DOUBT} batch; empty for the other kinds. */
    List<AuditEvent> events() {
        return events;
    }
}
