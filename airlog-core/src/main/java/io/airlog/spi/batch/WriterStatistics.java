package io.airlog.spi.batch;

/**
 * Counters of a {@link GroupCommitWriter} since its stream was opened: how well batching
 * works, what failed, and how batches whose outcome was cut off ended. A consistent-enough
 * snapshot for metrics; the counters are read one by one, not under a lock.
 *
 * @param committedBatches batches that were stored (in-doubt batches found stored included)
 * @param committedEvents events stored by those batches
 * @param failedBatches batches that were not stored: rolled back, or their outcome unknown at
 *                      first; this includes a batch the storage rolled back to break a
 *                      deadlock and that was tried again, and a batch rejected because one of
 *                      its event ids was stored before
 * @param failedEvents events that were not stored and whose callers were told so with an
 *                     {@link io.airlog.AuditException} (their batch failed, the queue was full,
 *                     the write timeout passed while they were queued, their event id was stored
 *                     with other content), or would have been had they not timed out already
 * @param largestBatch the most events stored by one batch
 * @param queued drafts waiting in the queue now
 * @param connections connections to its storage the appender has opened
 *                    ({@link BatchAppender#connectionsOpened()}; the JDBC appender: one, plus
 *                    one after each failure but a refused row, such as a repeated event id)
 * @param foreignAppends batches that found the log's head moved by another writer (in this
 *                       JVM or another) since this writer's previous batch
 *                       ({@link BatchAppender#foreignAppends()})
 * @param inDoubtBatches batches whose outcome was cut off (for the JDBC appender: connection
 *                       lost during the commit, no answer within the write timeout), so that it
 *                       had to be established ({@link BatchAppender#resolve})
 * @param inDoubtStored events of in-doubt batches that turned out to be stored
 * @param inDoubtNotStored events of in-doubt batches that turned out not to be stored
 * @param unresolved events of an in-doubt batch whose outcome is not known yet (the writer
 *                   keeps asking the storage before it writes anything else; after close, or
 *                   when the appender cannot tell, those it never learned)
 * @param timedOut callers that stopped waiting at the write timeout (or when interrupted):
 *                 not stored if their draft was still queued, outcome unknown to them if
 *                 their batch was in flight
 * @param repeatedDrafts drafts whose event id was already stored with the same content, answered
 *                       with the stored event instead of a second copy
 * @param inFlight drafts queued or being stored now, plus completed ones whose asynchronous
 *                 callers' code has not run yet: never more than the queue capacity
 */
public record WriterStatistics(long committedBatches, long committedEvents, long failedBatches, long failedEvents,
                               int largestBatch, int queued, long connections, long foreignAppends,
                               long inDoubtBatches, long inDoubtStored, long inDoubtNotStored, int unresolved,
                               long timedOut, long repeatedDrafts, int inFlight) {

    /** The mean number of events per stored batch, 0 before the first one. */
    public double meanBatchSize() {
        return committedBatches == 0 ? 0 : (double) committedEvents / committedBatches;
    }
}
