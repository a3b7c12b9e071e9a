package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A batch appender that keeps its log in memory: seals each batch from its head and stores it,
 * all or nothing, refusing a batch with an event id it holds already (as
 * {@link BatchFailure.Kind#CONFLICT}, without looking events up by id). It can be held at the
 * start of the next batch (to show that callers of an asynchronous stream do not wait), made to
 * fail the next batch, and made to cut the next batch off after storing it or not (then it
 * {@linkplain #resolve resolves} it from what it holds).
 */
public final class MemoryAppender implements BatchAppender {
    private final String logId;
    private final List<AuditEvent> events = new ArrayList<>();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private final AtomicReference<BatchFailure> nextFailure = new AtomicReference<>();
    private final AtomicReference<Boolean> cutOffStoring = new AtomicReference<>();
    private final Map<UUID, AuditEvent> byId = new HashMap<>();
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

    /** The next batch is stored (or not) and then reported in doubt, with its sealed events. */
    public void cutOffNextBatch(boolean stored) {
        cutOffStoring.set(stored);
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
        for (AuditDraft draft : drafts) {
            if (byId.containsKey(draft.eventId())) {
                throw BatchFailure.of(BatchFailure.Kind.CONFLICT, "event id " + draft.eventId() + " is stored", null);
            }
        }
        List<AuditEvent> sealed = new ArrayList<>(drafts.size());
        ChainPosition position = head;
        for (AuditDraft draft : drafts) {
            AuditEvent event = draft.seal(logId, position.nextSequence(), position.lastChecksum());
            sealed.add(event);
            position = event.position();
        }
        Boolean cutOff = cutOffStoring.getAndSet(null);
        if (cutOff == null || cutOff) {
            synchronized (events) {
                events.addAll(sealed);
            }
            sealed.forEach(e -> byId.put(e.eventId(), e));
            head = position;
            batches.incrementAndGet();
        }
        if (cutOff != null) {
            throw BatchFailure.inDoubt("the answer was cut off", null, sealed);
        }
        return sealed;
    }

    /** Stored if the batch's last event is held with its checksum. */
    @Override
    public Resolution resolve(List<AuditEvent> batch) {
        AuditEvent last = batch.get(batch.size() - 1);
        AuditEvent held = byId.get(last.eventId());
        return held != null && held.checksum().equals(last.checksum()) ? Resolution.STORED : Resolution.NOT_STORED;
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
