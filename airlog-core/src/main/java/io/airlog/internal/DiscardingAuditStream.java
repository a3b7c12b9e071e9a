package io.airlog.internal;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.RecordResult;
import io.airlog.StreamHealth;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stream of backend {@code none} (and, in airlog-cdi, of every stream when
 * {@code airlog.enabled=false}):
 * it accepts drafts and stores nothing: {@link #submit} reports each as dropped (so
 * {@link #record} throws {@link io.airlog.AuditDroppedException}).
 * Its health says so and counts the discarded drafts.
 */
public final class DiscardingAuditStream implements AuditStream {
    private final String name;
    private final String reason;
    private final AtomicLong discarded = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param name the stream's name
     * @param reason why it discards, for its health (e.g. {@code airlog.backend=none})
     */
    public DiscardingAuditStream(String name, String reason) {
        this.name = name;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AuditEvent record(AuditDraft draft) {
        return submit(draft).orElseThrow();
    }

    @Override
    public RecordResult submit(AuditDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (closed) {
            throw new IllegalStateException("audit stream '" + name + "' is closed");
        }
        discarded.incrementAndGet();
        return new RecordResult.Dropped(draft.eventId(), "audit stream '" + name + "' discards every draft (" + reason
                + ")");
    }

    @Override
    public CompletionStage<RecordResult> submitAsync(AuditDraft draft) {
        try {
            return CompletableFuture.completedFuture(submit(draft));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    @Override
    public StreamHealth health() {
        return new StreamHealth(StreamHealth.status(!closed), 0, 0, 0, (closed ? "closed; " : "") + reason + ": " + discarded.get()
                + " draft(s) discarded");
    }

    @Override
    public void close() {
        closed = true;
    }
}
