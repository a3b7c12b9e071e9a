package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The storage side of a {@link GroupCommitWriter}: seals and stores one batch of drafts as
 * the next events of a log, all or nothing. The writer's thread is its only user, so an
 * implementation need not be safe for concurrent use; it may keep a connection between
 * batches.
 *
 * <p>airlog-jdbc's appender stores a batch in one transaction under a lock on the log's head
 * row. Another backend implements {@link #append} (and the counters) and gets the writer's
 * queue, batching, back-pressure, write timeout, backoff, failure handling and shutdown as
 * they are. Two steps are optional: {@link #resolve} lets the writer find out whether a batch
 * whose outcome was cut off is stored, and {@link #findStored} makes recording the same draft
 * twice return the stored event; without them a cut-off batch's callers learn that the outcome
 * is unknown, and a draft whose event id is stored fails alone.
 *
 * <p>An appender should bound each of its own waits for the storage by the writer's write
 * timeout, so that a storage that stops answering cannot hold the writer thread for ever.
 */
public interface BatchAppender extends AutoCloseable {

    /**
     * The drafts of one batch. The appender asks for them once it holds the log's head (for
     * example, once the transaction holds the head row's lock), so that what was queued while
     * it waited joins the batch; it may ask again, and then gets the drafts of the earlier
     * call first, followed by any that joined since.
     */
    @FunctionalInterface
    interface DraftSource {
        /** The drafts to store, at least one, in order. */
        List<AuditDraft> drafts();
    }

    /** What {@link #resolve} found about a batch whose outcome was cut off. */
    enum Resolution {
        /** The whole batch is stored, as sealed. */
        STORED,
        /** None of it is stored; the log is as it was before the batch. */
        NOT_STORED,
        /** This appender cannot tell: the batch's callers learn that the outcome is unknown. */
        UNKNOWN
    }

    /**
     * Seals and stores a batch of drafts as the next events of the log, in order, all or
     * nothing.
     *
     * @param source gives the drafts (not asked at all if the storage cannot be reached)
     * @return the stored events, in the order of the drafts
     * @throws BatchFailure if the batch was not stored, or whether it was is unknown
     *         ({@link BatchFailure#inDoubt(String, Throwable, List)} with its sealed events, to
     *         have it resolved)
     */
    List<AuditEvent> append(DraftSource source) throws BatchFailure;

    /**
     * Whether a batch that {@link #append} reported in doubt is stored. The writer asks before
     * it hands over any new batch, and again (after a backoff) for as long as this throws.
     *
     * @param events the batch's sealed events, in order, as given by its {@link BatchFailure}
     * @return the answer; the default, {@link Resolution#UNKNOWN}, for storage that cannot tell
     * @throws BatchFailure if the storage cannot be asked now
     */
    default Resolution resolve(List<AuditEvent> events) throws BatchFailure {
        return Resolution.UNKNOWN;
    }

    /**
     * The stored events with these ids, for drafts of a batch rejected as
     * {@linkplain BatchFailure.Kind#CONFLICT conflicting}: a draft equal to its stored event is
     * answered with it, one that differs fails naming the fields, and the others are stored.
     *
     * @param eventIds the batch's event ids
     * @return the stored events among them, by id; the default, empty, for storage that cannot
     *         look events up by id (the batch's drafts are then stored one at a time, so that
     *         only the conflicting one fails)
     * @throws BatchFailure if the storage cannot be read (the batch's callers fail)
     */
    default Map<UUID, AuditEvent> findStored(Collection<UUID> eventIds) throws BatchFailure {
        return Map.of();
    }

    /** How many connections to its storage this appender has opened (0 for storage without connections). */
    long connectionsOpened();

    /**
     * How many batches found that another writer (in this JVM or another) had appended to the
     * log since this appender's previous batch (0 for a log with a single writer).
     */
    long foreignAppends();

    /** Releases the storage; called once, by the writer's thread when it stops. */
    @Override
    void close();
}
