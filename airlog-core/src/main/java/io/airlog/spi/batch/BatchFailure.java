package io.airlog.spi.batch;

import io.airlog.AuditEvent;
import java.util.List;
import java.util.Objects;

/**
 * A batch was not stored: it was rolled back, or whether it was stored cannot be established.
 * Nothing of it is in the log, unless its kind is {@link Kind#IN_DOUBT}. Thrown by a
 * {@link BatchAppender}; the {@link GroupCommitWriter} decides by its kind whether to try
 * again, to answer or store the batch's drafts apart, to find out whether it is stored, or to
 * fail its callers.
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
         * same batch may succeed when tried again (after a short backoff).
         */
        TRANSIENT,
        /**
         * The batch was sent, but whether it was stored is unknown; with the batch's sealed
         * {@linkplain #events() events} the writer asks {@link BatchAppender#resolve} which.
         */
        IN_DOUBT
    }

    private final Kind kind;
    private final transient List<AuditEvent> events;

    private BatchFailure(String message, Throwable cause, Kind kind, List<AuditEvent> events) {
        super(message, cause);
        this.kind = kind;
        this.events = events;
    }

    /**
     * A batch that was not stored, for the reason {@code kind} says.
     *
     * @param kind why; {@link Kind#IN_DOUBT} when it may have been stored (use
     *             {@link #inDoubt(String, Throwable, List)} to let the writer find out)
     * @param message what failed
     * @param cause the underlying failure, or null
     * @return the failure
     */
    public static BatchFailure of(Kind kind, String message, Throwable cause) {
        return new BatchFailure(message, cause, Objects.requireNonNull(kind, "kind"), List.of());
    }

    /** The batch was rolled back because of {@code cause}, and would fail again. */
    public static BatchFailure rolledBack(String message, Throwable cause) {
        return of(Kind.ROLLED_BACK, message, cause);
    }

    /**
     * The batch was sent, but whether it was stored is unknown, and cannot be established: its
     * callers get an {@link io.airlog.AuditOutcomeUnknownException}.
     */
    public static BatchFailure inDoubt(String message, Throwable cause) {
        return of(Kind.IN_DOUBT, message, cause);
    }

    /**
     * The batch of {@code events} was sent, but whether it was stored is unknown; the writer
     * keeps its callers waiting (up to their write timeout) and asks
     * {@link BatchAppender#resolve} with these events, before any new batch, until it knows.
     *
     * @param events the batch's sealed events, in order
     */
    public static BatchFailure inDoubt(String message, Throwable cause, List<AuditEvent> events) {
        return new BatchFailure(message, cause, Kind.IN_DOUBT, List.copyOf(events));
    }

    /** Why the batch was not stored. */
    public Kind kind() {
        return kind;
    }

    /** The sealed events of an {@link Kind#IN_DOUBT} batch that can be resolved; empty otherwise. */
    public List<AuditEvent> events() {
        return events;
    }
}
