package io.airlog.cdi.internal;

import io.airlog.StreamHealth;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the audit interceptor could not do, per stream: events it could not record (their
 * failure was only logged, with {@code on-write-failure=log} or in {@code async} mode, or
 * handed to the caller with {@code fail}), and argument values it replaced by a marker because
 * they could not be recorded. A stream with such a failure in the last
 * {@link #DEGRADED_FOR} is {@link StreamHealth.Status#DEGRADED} (or worse, if the stream
 * itself is down); the counts stay in the health data.
 */
@ApplicationScoped
public class InterceptorFailures {
    /** How long a stream stays degraded after the interceptor's last failure on it. */
    public static final Duration DEGRADED_FOR = Duration.ofMinutes(1);

    private final Map<String, Counts> byStream = new ConcurrentHashMap<>();

    /** For the container. */
    protected InterceptorFailures() {
    }

    /** An event for {@code stream} was not recorded. */
    void unrecorded(String stream, String reason) {
        Counts c = counts(stream);
        c.unrecorded.incrementAndGet();
        c.failed(reason);
    }

    /** {@code values} argument values of an event for {@code stream} were replaced by a marker. */
    void substituted(String stream, int values, String reason) {
        Counts c = counts(stream);
        c.substituted.addAndGet(values);
        c.failed(reason);
    }

    /** Events for {@code stream} the interceptor could not record. */
    public long unrecorded(String stream) {
        Counts c = byStream.get(stream);
        return c == null ? 0 : c.unrecorded.get();
    }

    /** Argument values recorded as a marker in events for {@code stream}. */
    public long substituted(String stream) {
        Counts c = byStream.get(stream);
        return c == null ? 0 : c.substituted.get();
    }

    /**
     * A stream's own health with the interceptor's failures added: degraded (unless it is
     * worse already) while the last failure is recent, and named in the detail.
     */
    public StreamHealth adjust(String stream, StreamHealth health) {
        Counts c = byStream.get(stream);
        if (c == null) {
            return health;
        }
        long ago = System.nanoTime() - c.lastNanos;
        boolean recent = ago < DEGRADED_FOR.toNanos();
        StreamHealth.Status status = recent ? health.status().worse(StreamHealth.Status.DEGRADED) : health.status();
        String mine = "interceptor: " + c.unrecorded.get() + " event(s) not recorded, " + c.substituted.get()
                + " argument value(s) recorded as a marker; last " + TimeUnit.NANOSECONDS.toSeconds(ago) + " s ago: "
                + c.lastReason;
        return new StreamHealth(status, health.recorded(), health.failed(), health.queued(),
                health.detail().isEmpty() ? mine : health.detail() + "; " + mine);
    }

    private Counts counts(String stream) {
        return byStream.computeIfAbsent(stream, s -> new Counts());
    }

    private static final class Counts {
        final AtomicLong unrecorded = new AtomicLong();
        final AtomicLong substituted = new AtomicLong();
        volatile long lastNanos;
        volatile String lastReason = "";

        void failed(String reason) {
            lastReason = reason;
            lastNanos = System.nanoTime();
        }
    }
}
