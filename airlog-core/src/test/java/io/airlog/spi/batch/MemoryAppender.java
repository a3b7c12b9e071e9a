package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A batch appender that keeps its log in memory: seals each batch from its head and stores it,
 * all or nothing. It can be held at the start of the next batch (to show that callers of an
 * asynchronous stream do not wait) and made to fail the next batch.
 */
public final class MemoryAppender implements BatchAppender {
    private final String logId;
    private final List<AuditEvent> events = new ArrayList<>();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private final AtomicReference<BatchFailure> nextFailure = new AtomicReference<>();
    private final AtomicInteger batches = new AtomicInteger();
    private ChainPosition head = ChainPosition.EMPTY;
    private volatile boolean closed;

    MemoryAppender(String logId) {
        this.logId = logId;
    }

    /** The next batch waits until the returned latch is counted down. */
    public CountDownLatch holdNextBatch() {
        CountDownLatch latch = new CountDownLatch(1);
        gate.set(latch);
        return latch;
    }

    /** The next batch fails with {@code failure}, storing nothing. */
    public void failNextBatch(BatchFailure failure) {
        nextFailure.set(failure);
    }

    @Override
    public List<AuditEvent> append(DraftSource source) throws BatchFailure {
        CountDownLatch held = gate.getAndSet(null);
        if (held != null) {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw BatchFailure.rolledBack("interrupted", e);
            }
        }
        List<AuditDraft> drafts = source.drafts();
        BatchFailure failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        List<AuditEvent> sealed = new ArrayList<>(drafts.size());
        ChainPosition position = head;
        for (AuditDraft draft : drafts) {
            AuditEvent event = draft.seal(logId, position.nextSequence(), position.lastChecksum());
            sealed.add(event);
            position = event.position();
        }
        synchronized (events) {
            events.addAll(sealed);
        }
        head = position;
        batches.incrementAndGet();
        return sealed;
    }

    /** A copy of what was stored, in order. */
    public List<AuditEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public long connectionsOpened() {
        return 0;
    }

    @Override
    public long foreignAppends() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
