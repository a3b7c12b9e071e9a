package io.airlog.cdi.internal;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.StreamHealth;
import io.airlog.pipeline.AuditMiddleware;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A configured stream with middleware (the application's {@link AuditMiddleware} beans, then
 * the configured redaction) in front of its backend. Unlike
 * {@link io.airlog.pipeline.AuditPipeline}, {@link #recordAsync} stays asynchronous when the
 * backend is. It is no reader: {@link Capability#QUERY} is not passed on.
 */
final class MiddlewareStream implements AuditStream {
    private final String name;
    private final AuditMiddleware middleware;
    private final AuditStream backend;
    private final AtomicLong dropped = new AtomicLong();

    MiddlewareStream(String name, AuditMiddleware middleware, AuditStream backend) {
        this.name = name;
        this.middleware = middleware;
        this.backend = backend;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AuditEvent record(AuditDraft draft) {
        AuditDraft out = apply(draft);
        return out == null ? null : backend.record(out);
    }

    @Override
    public CompletionStage<AuditEvent> recordAsync(AuditDraft draft) {
        AuditDraft out;
        try {
            out = apply(draft);
        } catch (AuditException e) {
            return CompletableFuture.failedFuture(e);
        }
        return out == null ? CompletableFuture.completedFuture(null) : backend.recordAsync(out);
    }

    private AuditDraft apply(AuditDraft draft) {
        AuditDraft out;
        try {
            out = middleware.apply(draft);
        } catch (RuntimeException e) {
            throw new AuditException("audit stream '" + name + "': middleware failed: " + e.getMessage(), e);
        }
        if (out == null) {
            dropped.incrementAndGet();
        }
        return out;
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        caps.addAll(backend.capabilities());
        caps.remove(Capability.QUERY);
        return caps;
    }

    @Override
    public StreamHealth health() {
        StreamHealth h = backend.health();
        long d = dropped.get();
        return d == 0 ? h : new StreamHealth(h.status(), h.recorded(), h.failed(), h.queued(),
                (h.detail().isEmpty() ? "" : h.detail() + "; ") + d + " draft(s) dropped by middleware");
    }

    @Override
    public void close() {
        backend.close();
    }
}
