package io.airlog.spi;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditStream;
import io.airlog.ChainPosition;
import io.airlog.StreamHealth;
import io.airlog.internal.Text;
import io.airlog.AuditLimits;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Base class of a stream that owns one log in this JVM and stores each event as soon as it
 * is sealed (in-memory, JSON lines).
 *
 * <p>Concurrency: one lock is the log's sequencer. Under it a draft is sealed at the next
 * sequence, {@link #store} is called, and only when {@code store} returns is the head
 * advanced. A failing {@code store} therefore leaves no gap: the next draft gets the same
 * sequence. Events reach storage in sequence order.
 */
public abstract class SealingAuditStream implements AuditStream {
    private final String name;
    private final String logId;
    private final ReentrantLock sequencer = new ReentrantLock();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private ChainPosition head;
    private volatile boolean closed;

    /**
     * @param name the stream name
     * @param logId the log this stream writes
     * @param head the head of the log as stored ({@link ChainPosition#EMPTY} for a new log)
     */
    protected SealingAuditStream(String name, String logId, ChainPosition head) {
        this.name = Objects.requireNonNull(name, "name");
        this.logId = Text.requiredNonBlank("logId", logId, AuditLimits.LOG_ID);
        this.head = Objects.requireNonNull(head, "head");
    }

    @Override
    public final String name() {
        return name;
    }

    /** The log this stream writes. */
    public final String logId() {
        return logId;
    }

    /** The head of the log after the last stored event. */
    public final ChainPosition head() {
        sequencer.lock();
        try {
            return head;
        } finally {
            sequencer.unlock();
        }
    }

    @Override
    public final AuditEvent record(AuditDraft draft) {
        Objects.requireNonNull(draft, "draft");
        sequencer.lock();
        try {
            if (closed) {
                throw new IllegalStateException("audit stream '" + name + "' is closed");
            }
            AuditEvent event = draft.seal(logId, head.nextSequence(), head.lastChecksum());
            try {
                store(event);
            } catch (Exception e) {
                failed.incrementAndGet();
                throw new AuditException("audit stream '" + name + "' could not store sequence "
                        + event.sequence() + " of log '" + logId + "': " + e.getMessage(), e);
            }
            head = event.position();
            recorded.incrementAndGet();
            return event;
        } finally {
            sequencer.unlock();
        }
    }

    /**
     * Stores one sealed event; called under the sequencer, in sequence order. Throwing means
     * the event was not stored.
     */
    protected abstract void store(AuditEvent event) throws Exception;

    /** Releases the storage; called once, under the sequencer. */
    protected abstract void closeStorage();

    /** Runs {@code action} under the sequencer, so that no event is sealed meanwhile. */
    protected final <T> T underSequencer(java.util.function.Supplier<T> action) {
        sequencer.lock();
        try {
            return action.get();
        } finally {
            sequencer.unlock();
        }
    }

    /** Whether {@link #close()} was called. */
    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public StreamHealth health() {
        return new StreamHealth(StreamHealth.status(!closed), recorded.get(), failed.get(), 0, closed ? "closed" : "");
    }

    @Override
    public final void close() {
        sequencer.lock();
        try {
            if (!closed) {
                closed = true;
                closeStorage();
            }
        } finally {
            sequencer.unlock();
        }
    }
}
