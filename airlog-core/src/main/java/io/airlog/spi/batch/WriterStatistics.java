package io.airlog.spi.batch;

/**
 * Counters of a {@link GroupCommitWriter} since its stream was opened: how well batching
 * works and what failed. A consistent-enough snapshot for metrics; the counters are read one
 * by one, not under a lock.
 *
 * @param committedBatches transactions that committed
 * @param committedEvents events stored by those transactions
 * @param failedBatches transactions that did not commit: rolled back, or their commit outcome
 *                      unknown; this includes a batch the database rolled back to break a
 *                      deadlock and that was tried again, and a batch that was then stored one
 *                      draft at a time because one of its event ids was stored before
 * @param failedEvents events whose callers got an {@link io.airlog.AuditException} because
 *                     their batch failed, the queue was full, or their draft was rejected
 * @param largestBatch the most events stored by one transaction
 * @param queued drafts waiting in the queue now
 * @param connections connections to its storage the appender has opened
 *                    ({@link BatchAppender#connectionsOpened()}; the JDBC appender: one, plus
 *                    one after each failed batch)
 * @param foreignAppends batches that found the log's head moved by another writer (in this
 *                       JVM or another) since this writer's previous batch
 *                       ({@link BatchAppender#foreignAppends()})
 */
public record WriterStatistics(long committedBatches, long committedEvents, long failedBatches, long failedEvents,
                               int largestBatch, int queued, long connections, long foreignAppends) {

    /** The mean number of events per committed transaction, 0 before the first commit. */
    public double meanBatchSize() {
        return committedBatches == 0 ? 0 : (double) committedEvents / committedBatches;
    }
}
