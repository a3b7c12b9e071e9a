package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import java.util.List;

/**
 * The storage side of a {@link GroupCommitWriter}: seals and stores one batch of drafts as
 * the next events of a log, all or nothing. The writer's thread is its only user, so an
 * implementation need not be safe for concurrent use; it may keep a connection between
 * batches.
 *
 * <p>airlog-jdbc's appender stores a batch in one transaction under a lock on the log's head
 * row. Another backend implements this interface and gets the writer's queue, batching,
 * back-pressure, failure handling and shutdown as they are.
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

    /**
     * Seals and stores a batch of drafts as the next events of the log, in order, all or
     * nothing.
     *
     * @param source gives the drafts (not asked at all if the storage cannot be reached)
     * @return the stored events, in the order of the drafts
     * @throws BatchFailure if the batch was not stored, or whether it was is unknown
     */
    List<AuditEvent> append(DraftSource source) throws BatchFailure;

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
