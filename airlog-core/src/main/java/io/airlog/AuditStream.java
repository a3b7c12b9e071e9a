package io.airlog;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where audit events go: an append-only stream. Events can be recorded, never changed or
 * removed.
 *
 * <p>Implementations are safe for concurrent use by any number of threads. A stream that
 * owns a log seals each draft under that log's single sequencer, so sequence order is the
 * order in which events are stored.
 */
public interface AuditStream extends AutoCloseable {

    /** The name of this stream (e.g. {@code "default"}, {@code "security"}). */
    String name();

    /**
     * Records a draft and returns the event as stored: sealed, after every middleware.
     *
     * @param draft the draft
     * @return the sealed event; never null
     * @throws AuditDroppedException if the stream's middleware or routing dropped the draft
     *         on purpose (only streams with middleware or routing drop; call
     *         {@link #submit(AuditDraft)} on those to get the drop as a result instead)
     * @throws AuditOutcomeUnknownException if whether the event was stored is not known (see
     *         there: record the same draft again to find out)
     * @throws AuditException (any other subtype) if the event was not stored; the log is
     *         unchanged
     * @throws IllegalStateException if the stream is closed
     */
    AuditEvent record(AuditDraft draft);

    /** Builds the draft and {@linkplain #record(AuditDraft) records} it. */
    default AuditEvent record(AuditDraft.Builder draft) {
        return record(draft.build());
    }

    /**
     * Records a draft and says explicitly whether it was stored or dropped on purpose by a
     * middleware or routing rule. Streams without middleware or routing always store (or
     * throw); for them this is {@link #record(AuditDraft)} wrapped in
     * {@link RecordResult.Stored}.
     *
     * @param draft the draft
     * @return {@link RecordResult.Stored} with the sealed event, or {@link RecordResult.Dropped}
     *         with the reason
     * @throws AuditOutcomeUnknownException if whether the event was stored is not known
     * @throws AuditException (any other subtype) if the event was not stored
     * @throws IllegalStateException if the stream is closed
     */
    default RecordResult submit(AuditDraft draft) {
        return new RecordResult.Stored(record(draft));
    }

    /**
     * Records a draft without waiting when the stream has the {@link Capability#ASYNC}
     * capability; otherwise records it synchronously and returns a completed stage. The stage
     * fails with the exception {@link #record(AuditDraft)} would throw (an
     * {@link AuditDroppedException} for a dropped draft).
     */
    default CompletionStage<AuditEvent> recordAsync(AuditDraft draft) {
        try {
            return CompletableFuture.completedFuture(record(draft));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@link #submit(AuditDraft)} without waiting when the stream has the
     * {@link Capability#ASYNC} capability: the stage completes with the result, or fails with
     * the exception {@code submit} would throw.
     */
    default CompletionStage<RecordResult> submitAsync(AuditDraft draft) {
        return recordAsync(draft).thenApply(RecordResult.Stored::new);
    }

    /** What this stream supports besides recording. */
    Set<Capability> capabilities();

    /** The current state of the stream. */
    StreamHealth health();

    /**
     * Stores what is pending and releases resources. Recording after close fails with
     * {@link IllegalStateException}. Closing twice is harmless.
     */
    @Override
    void close();
}
