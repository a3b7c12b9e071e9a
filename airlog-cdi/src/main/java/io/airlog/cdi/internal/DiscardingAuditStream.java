package io.airlog.cdi.internal;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.StreamHealth;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stream of backend {@code none} (and of every stream when {@code airlog.enabled=false}):
 * it accepts drafts and stores nothing; {@link #record} returns null, as for a dropped draft.
 * Its health says so and counts the discarded drafts.
 */
final class DiscardingAuditStream implements AuditStream {
    private final String name;
    private final String reason;
    private final AtomicLong discarded = new AtomicLong();
    private volatile boolean closed;

    DiscardingAuditStream(String name, String reason) {
        this.name = name;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AuditEvent record(AuditDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (closed) {
            throw new IllegalStateException("audit stream '" + name + "' is closed");
        }
        discarded.incrementAndGet();
        return null;
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
