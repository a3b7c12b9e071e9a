package io.airlog.jdbc;

/**
 * Counters of a {@link JdbcAuditStream}'s group-commit writer since the stream was opened:
 * how well batching works, what failed, and how batches whose commit was cut off ended. A
 * consistent-enough snapshot for metrics; the counters are read one by one, not under a lock.
 *
 * @param committedBatches transactions that committed (in-doubt batches found stored included)
 * @param committedEvents events stored by those transactions
 * @param failedBatches transactions that did not commit: rolled back, or their commit outcome
 *                      unknown at first; this includes a batch the database rolled back to
 *                      break a deadlock and that was tried again, and a batch rejected because
 *                      one of its event ids was stored before
 * @param failedEvents events that were not stored and whose callers were told so with an
 *                     {@link io.airlog.AuditException} (their batch failed, the queue was full,
 *                     the write timeout passed while they were queued, their event id was stored
 *                     with other content), or would have been had they not timed out already
 * @param largestBatch the most events stored by one transaction
 * @param queued drafts waiting in the queue now
 * @param connections connections the writer has opened: one, plus one after each failure
 *                    (the writer replaces its connection after any failure but a refused row,
 *                    such as a repeated event id)
 * @param foreignAppends batches that found the log's head moved by another writer (in this
 *                       JVM or another) since this writer's previous batch; such batches lock
 *                       the head before they seal
 * @param inDoubtBatches batches whose commit was cut off (connection lost, no answer within
 *                       the write timeout), so that their outcome had to be established
 * @param inDoubtStored events of in-doubt batches that turned out to be stored
 * @param inDoubtNotStored events of in-doubt batches that turned out not to be stored
 * @param unresolved events of an in-doubt batch whose outcome is not known yet (the writer
 *                   keeps asking the database before it writes anything else; after close,
 *                   those it never learned)
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

    /** The mean number of events per committed transaction, 0 before the first commit. */
    public double meanBatchSize() {
        return committedBatches == 0 ? 0 : (double) committedEvents / committedBatches;
    }
}
