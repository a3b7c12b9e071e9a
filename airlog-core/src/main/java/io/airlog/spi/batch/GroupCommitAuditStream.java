package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.StreamHealth;
import io.airlog.WriteMode;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Base class of a stream that stores its log through a {@link GroupCommitWriter}: callers put
 * drafts into the writer's bounded queue and its thread hands them, in batches, to the
 * stream's {@link BatchAppender}, which seals and stores them. airlog-jdbc's
 * {@code JdbcAuditStream} is one; a backend author supplies the appender and gets queueing,
 * group commit, back-pressure ({@link io.airlog.QueueFullPolicy}), asynchronous recording
 * ({@link WriteMode#ASYNC}), failure reporting and a draining close.
 *
 * <p>{@link #record} returns once the event's batch is stored. {@link #recordAsync} does the
 * same in {@link WriteMode#SYNC}; in {@link WriteMode#ASYNC} it returns at once with a stage
 * that completes (never on the writer thread) when the batch is stored, and the stream
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
     * @param settings queue and batch settings; {@code asyncCallers} selects
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
     * Records a draft and returns it as stored, after its batch was stored.
     *
     * @throws AuditException if it could not be stored (its batch failed, the queue stayed
     *         full, the thread was interrupted while waiting)
     * @throws IllegalStateException if the stream is closed
     */
    @Override
    public final AuditEvent record(AuditDraft draft) {
        CompletableFuture<AuditEvent> result = writer.submit(draft, true);
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException) {
                throw new IllegalStateException(cause.getMessage(), cause);
            }
            throw new AuditException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("audit stream '" + name + "': interrupted while waiting for the commit;"
                    + " the event may still be recorded", e);
        }
    }

    /**
     * In {@link WriteMode#ASYNC}, queues the draft and returns at once; the stage completes
     * (never on the writer thread) after the batch was stored, or fails with the exception
     * {@link #record} would throw. In {@link WriteMode#SYNC}, waits like {@code record}.
     */
    @Override
    public final CompletionStage<AuditEvent> recordAsync(AuditDraft draft) {
        if (writeMode == WriteMode.SYNC) {
            return AuditStream.super.recordAsync(draft);
        }
        try {
            return writer.submit(draft, false);
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
     * Up while open and the last batch was stored; down (with the error) after a failed
     * batch, until a batch is stored again.
     */
    @Override
    public StreamHealth health() {
        WriterStatistics stats = writer.statistics();
        String failure = writer.lastFailure();
        boolean closed = writer.isClosed();
        return new StreamHealth(!closed && failure == null, stats.committedEvents(), stats.failedEvents(),
                stats.queued(), closed ? "closed" : failure == null ? "" : "last batch failed: " + failure);
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
