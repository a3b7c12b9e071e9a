package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditOutcomeUnknownException;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.StreamHealth;
import io.airlog.WriteMode;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Base class of a stream that stores its log through a {@link GroupCommitWriter}: callers put
 * drafts into the writer's bounded queue and its thread hands them, in batches, to the
 * stream's {@link BatchAppender}, which seals and stores them. airlog-jdbc's
 * {@code JdbcAuditStream} is one; a backend author supplies the appender and gets queueing,
 * group commit, back-pressure ({@link io.airlog.QueueFullPolicy}) with memory bounded by the
 * queue capacity, asynchronous recording ({@link WriteMode#ASYNC}), a write timeout on every
 * caller's wait, backoff after failures, in-doubt batches resolved (when the appender can
 * tell, {@link BatchAppender#resolve}), failure reporting and a draining close.
 *
 * <p>{@link #record} returns once the event's batch is stored, and waits at most the write
 * timeout in all. {@link #recordAsync} does the same in {@link WriteMode#SYNC}; in
 * {@link WriteMode#ASYNC} it returns with a stage that completes (never on the writer thread)
 * when the batch is stored, at the latest when the write timeout has passed, and the stream
 * declares {@link Capability#ASYNC}. Safe for concurrent use.
 */
public abstract class GroupCommitAuditStream implements AuditStream {
    private final String name;
    private final String logId;
    private final WriteMode writeMode;
    private final GroupCommitWriter writer;

    /**
     * Starts the writer thread.
     *
     * @param name the stream's name
     * @param logId the log it writes
     * @param appender seals and stores the batches; closed when the writer stops
     * @param settings queue, batch and time settings; {@code asyncCallers} selects
     *                 {@link WriteMode#ASYNC}
     */
    protected GroupCommitAuditStream(String name, String logId, BatchAppender appender,
                                     GroupCommitWriter.Settings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.logId = Objects.requireNonNull(logId, "logId");
        this.writeMode = settings.asyncCallers() ? WriteMode.ASYNC : WriteMode.SYNC;
        this.writer = new GroupCommitWriter(name, logId, Objects.requireNonNull(appender, "appender"), settings);
    }

    @Override
    public final String name() {
        return name;
    }

    /** The log this stream writes. */
    public String logId() {
        return logId;
    }

    /**
     * Records a draft and returns it as stored, after its batch was stored. Waits at most the
     * write timeout in all (room in the queue included). With an appender that looks events up
     * by id ({@link BatchAppender#findStored}), recording a draft whose event id is already
     * stored returns the stored event when the draft is the same (every field equal, same
     * log), and fails naming the differing fields when it is not.
     *
     * @throws AuditOutcomeUnknownException if whether it was stored is not known: its batch
     *         was being stored when the write timeout passed (or the thread was interrupted),
     *         the stream closed before the storage could tell, or the appender cannot tell;
     *         record the same draft again to find out
     * @throws AuditException if it was not stored: its batch failed and the log is unchanged,
     *         the queue stayed full, it was still queued when the write timeout passed, its
     *         event id is stored with other content
     * @throws IllegalStateException if the stream is closed
     */
    @Override
    public final AuditEvent record(AuditDraft draft) {
        return writer.record(draft);
    }

    /**
     * In {@link WriteMode#ASYNC}, queues the draft and returns; the stage completes (never on
     * the writer thread) after the batch was stored, or fails with the exception
     * {@link #record} would throw, at the latest when the write timeout has passed. The call
     * itself returns at once while the queue has room; when it is full it waits up to the
     * block timeout ({@link io.airlog.QueueFullPolicy#BLOCK}) or fails at once
     * ({@link io.airlog.QueueFullPolicy#FAIL}), the returned stage then failing with the
     * {@link AuditException}. In {@link WriteMode#SYNC}, waits like {@code record}.
     */
    @Override
    public final CompletionStage<AuditEvent> recordAsync(AuditDraft draft) {
        if (writeMode == WriteMode.SYNC) {
            return AuditStream.super.recordAsync(draft);
        }
        try {
            return writer.submit(draft);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@link Capability#BATCHING}, and {@link Capability#ASYNC} in {@link WriteMode#ASYNC};
     * subclasses add what their storage gives.
     */
    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.of(Capability.BATCHING);
        if (writeMode == WriteMode.ASYNC) {
            capabilities.add(Capability.ASYNC);
        }
        return capabilities;
    }

    /**
     * {@code DOWN} while closed, after a failed batch until a batch is stored again, while a
     * batch is in doubt (its outcome was cut off and the storage cannot say yet whether it is
     * stored), and while one wait for the storage has lasted longer than the write timeout
     * (a storage that does not answer); {@code UP} otherwise. The detail says why.
     */
    @Override
    public StreamHealth health() {
        WriterStatistics stats = writer.statistics();
        String problem = writer.problem();
        return new StreamHealth(problem == null ? StreamHealth.Status.UP : StreamHealth.Status.DOWN,
                stats.committedEvents(), stats.failedEvents(), stats.queued(), problem == null ? "" : problem);
    }

    /** The group-commit writer's counters (batches, events, failures, queue depth). */
    public final WriterStatistics statistics() {
        return writer.statistics();
    }

    /** The write mode this stream was built with. */
    public final WriteMode writeMode() {
        return writeMode;
    }

    /** Stores everything queued, then stops the writer. Idempotent. */
    @Override
    public void close() {
        writer.close();
    }
}
