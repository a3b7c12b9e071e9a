package io.airlog.micrometer;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.pipeline.Delivery;
import io.airlog.pipeline.PipelineListener;
import io.airlog.spi.CheckpointStatus;
import io.airlog.spi.CheckpointingStream;
import io.airlog.spi.batch.GroupCommitAuditStream;
import io.airlog.witness.WitnessStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * airlog's meters. Bind it to a registry ({@link #bindTo}), add it to pipelines as a
 * {@link PipelineListener} (airlog-cdi does both for its bean, see
 * {@link io.airlog.micrometer.cdi.AirlogMeterBinder}), {@linkplain #watch watch} backend
 * streams and report {@linkplain #verified start-up checks}:
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 * <tr><td>{@value #EVENTS}</td><td>counter</td><td>stream, outcome</td><td>events stored, by destination stream and outcome</td></tr>
 * <tr><td>{@value #FAILURES}</td><td>counter</td><td>stream, delivery</td><td>deliveries that failed ({@code required}: the call failed; {@code best-effort}: counted only)</td></tr>
 * <tr><td>{@value #DROPPED}</td><td>counter</td><td>stream</td><td>drafts dropped on purpose (middleware, drop rules)</td></tr>
 * <tr><td>{@value #WRITE}</td><td>timer, percentiles 0.5, 0.95, 0.99</td><td>stream</td><td>time to store an event (to commit, for a batching backend)</td></tr>
 * <tr><td>{@value #QUEUE}</td><td>gauge</td><td>stream</td><td>drafts waiting in the backend's queue</td></tr>
 * <tr><td>{@value #BATCHES}</td><td>function counter</td><td>stream</td><td>batches committed (backends on the group-commit writer)</td></tr>
 * <tr><td>{@value #BATCH_MEAN}, {@value #BATCH_MAX}</td><td>gauges</td><td>stream</td><td>mean and largest events per committed batch</td></tr>
 * <tr><td>{@value #VERIFIED}</td><td>gauge</td><td>stream</td><td>last start-up check: 1 intact, 0 damaged, -1 not verified</td></tr>
 * <tr><td>{@value #VERIFIED_AGE}</td><td>time gauge (seconds)</td><td>stream</td><td>time since that check</td></tr>
 * <tr><td>{@value #CHECKPOINTS}</td><td>function counter</td><td>stream</td><td>checkpoints signed (streams whose log is signed)</td></tr>
 * <tr><td>{@value #SIGNING}</td><td>function timer</td><td>stream</td><td>time spent signing them</td></tr>
 * <tr><td>{@value #WITNESS_PUBLISHED}</td><td>function counter</td><td>stream</td><td>checkpoints written to the witness</td></tr>
 * <tr><td>{@value #WITNESS_FAILURES}</td><td>function counter</td><td>stream</td><td>attempts to write the witness that failed</td></tr>
 * <tr><td>{@value #WITNESS_LAG}</td><td>gauge (events)</td><td>stream</td><td>events signed but not yet witnessed: signed tree size minus witnessed size</td></tr>
 * </table>
 * Events recorded before the first {@code bindTo} are not counted. Safe for concurrent use.
 */
public final class AirlogMetrics implements PipelineListener, MeterBinder {
    /** Events stored. */
    public static final String EVENTS = "airlog.events";
    /** Failed deliveries. */
    public static final String FAILURES = "airlog.delivery.failures";
    /** Drafts dropped on purpose. */
    public static final String DROPPED = "airlog.dropped";
    /** Write latency. */
    public static final String WRITE = "airlog.write";
    /** Queue depth. */
    public static final String QUEUE = "airlog.queue.depth";
    /** Committed batches. */
    public static final String BATCHES = "airlog.batches";
    /** Mean events per batch. */
    public static final String BATCH_MEAN = "airlog.batch.size.mean";
    /** Largest batch. */
    public static final String BATCH_MAX = "airlog.batch.size.max";
    /** Last start-up verification result. */
    public static final String VERIFIED = "airlog.verification.result";
    /** Age of the last start-up verification. */
    public static final String VERIFIED_AGE = "airlog.verification.age";

    /** Checkpoints signed. */
    public static final String CHECKPOINTS = "airlog.checkpoints.signed";
    /** Time spent signing checkpoints. */
    public static final String SIGNING = "airlog.checkpoints.signing";
    /** Checkpoints written to the witness. */
    public static final String WITNESS_PUBLISHED = "airlog.witness.published";
    /** Failed attempts to write the witness. */
    public static final String WITNESS_FAILURES = "airlog.witness.failures";
    /** Tree size signed but not yet witnessed. */
    public static final String WITNESS_LAG = "airlog.witness.lag";

    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Map<String, AuditStream> streams = new ConcurrentHashMap<>();
    private final Map<String, Check> checks = new ConcurrentHashMap<>();

    /** The result of one stream's last start-up check. */
    private record Check(int result, Instant at) {
    }

    /** Meters bound to no registry yet. */
    public AirlogMetrics() {
    }

    /** Registers the meters in {@code registry} (once per registry; later calls are ignored). */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (registries.contains(registry)) {
            return;
        }
        registries.add(registry);
        streams.forEach((name, stream) -> streamMeters(registry, name, stream));
        checks.keySet().forEach(name -> checkMeters(registry, name));
    }

    /**
     * Watches a backend stream: its queue depth, when it batches its batches, and when it
     * signs checkpoints ({@link CheckpointingStream}) its checkpoints and witness.
     *
     * @param stream the configured stream's name
     * @param backend the backend's stream
     */
    public synchronized void watch(String stream, AuditStream backend) {
        if (streams.putIfAbsent(stream, backend) == null) {
            registries.forEach(registry -> streamMeters(registry, stream, backend));
        }
    }

    /**
     * Reports a stream's start-up check.
     *
     * @param stream the stream
     * @param verified whether stored events were verified
     * @param intact whether no damage was found
     * @param at when the check ended
     */
    public synchronized void verified(String stream, boolean verified, boolean intact, Instant at) {
        boolean known = checks.containsKey(stream);
        checks.put(stream, new Check(!intact ? 0 : verified ? 1 : -1, at));
        if (!known) {
            registries.forEach(registry -> checkMeters(registry, stream));
        }
    }

    private void streamMeters(MeterRegistry registry, String name, AuditStream stream) {
        Gauge.builder(QUEUE, stream, s -> s.health().queued()).tag("stream", name)
                .description("drafts waiting in the backend's queue").strongReference(true).register(registry);
        if (stream instanceof GroupCommitAuditStream batching) {
            FunctionCounter.builder(BATCHES, batching, s -> s.statistics().committedBatches()).tag("stream", name)
                    .description("batches committed").register(registry);
            Gauge.builder(BATCH_MEAN, batching, s -> s.statistics().meanBatchSize()).tag("stream", name)
                    .description("mean events per committed batch").strongReference(true).register(registry);
            Gauge.builder(BATCH_MAX, batching, s -> s.statistics().largestBatch()).tag("stream", name)
                    .description("most events in one committed batch").strongReference(true).register(registry);
        }
        if (stream instanceof CheckpointingStream signing && signing.checkpointStatus().isPresent()) {
            checkpointMeters(registry, name, signing);
        }
    }

    private static void checkpointMeters(MeterRegistry registry, String name, CheckpointingStream stream) {
        FunctionCounter.builder(CHECKPOINTS, stream, s -> status(s).signed()).tag("stream", name)
                .description("checkpoints signed").register(registry);
        FunctionTimer.builder(SIGNING, stream, s -> status(s).signed(), s -> status(s).signingTime().toNanos(),
                TimeUnit.NANOSECONDS).tag("stream", name).description("time spent signing checkpoints")
                .register(registry);
        if (status(stream).witness().isEmpty()) {
            return;
        }
        FunctionCounter.builder(WITNESS_PUBLISHED, stream, s -> witness(s).published()).tag("stream", name)
                .description("checkpoints written to the witness").register(registry);
        FunctionCounter.builder(WITNESS_FAILURES, stream, s -> witness(s).failures()).tag("stream", name)
                .description("attempts to write the witness that failed").register(registry);
        Gauge.builder(WITNESS_LAG, stream, s -> status(s).signedSize() - witness(s).publishedSize())
                .tag("stream", name).baseUnit("events").description("events signed but not yet witnessed")
                .strongReference(true).register(registry);
    }

    private static CheckpointStatus status(CheckpointingStream stream) {
        return stream.checkpointStatus().orElseThrow();
    }

    private static WitnessStatus witness(CheckpointingStream stream) {
        return status(stream).witness().orElseThrow();
    }

    private void checkMeters(MeterRegistry registry, String name) {
        Gauge.builder(VERIFIED, checks, c -> c.get(name).result()).tag("stream", name)
                .description("last start-up check of the stored log: 1 intact, 0 damaged, -1 not verified")
                .strongReference(true).register(registry);
        TimeGauge.builder(VERIFIED_AGE, checks, TimeUnit.SECONDS,
                c -> Duration.between(c.get(name).at(), Instant.now()).toMillis() / 1000.0).tag("stream", name)
                .description("time since the last start-up check").register(registry);
    }

    @Override
    public void stored(String stream, AuditEvent event, long nanos) {
        for (MeterRegistry registry : registries) {
            Counter.builder(EVENTS).tag("stream", stream).tag("outcome", event.outcome().name())
                    .description("audit events stored").register(registry).increment();
            writeTimer(registry, stream).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void failed(String stream, AuditDraft draft, Delivery delivery, Throwable error, long nanos) {
        for (MeterRegistry registry : registries) {
            Counter.builder(FAILURES).tag("stream", stream)
                    .tag("delivery", delivery.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .description("deliveries of audit events that failed").register(registry).increment();
            writeTimer(registry, stream).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void dropped(String pipeline, AuditDraft draft) {
        for (MeterRegistry registry : registries) {
            Counter.builder(DROPPED).tag("stream", pipeline).description("audit drafts dropped on purpose")
                    .register(registry).increment();
        }
    }

    private static Timer writeTimer(MeterRegistry registry, String stream) {
        return Timer.builder(WRITE).tag("stream", stream).description("time to store an audit event")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }
}
