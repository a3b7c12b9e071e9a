package io.airlog.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.Outcome;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.pipeline.AuditMiddleware;
import io.airlog.pipeline.AuditPipeline;
import io.airlog.pipeline.AuditStreamRegistry;
import io.airlog.pipeline.Delivery;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.stream.JsonLinesAuditStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirlogMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AirlogMetrics metrics = new AirlogMetrics();
    private final InMemoryAuditStream main = new InMemoryAuditStream("main", "app");
    /** Every write to /dev/full fails with "No space left on device". */
    private final JsonLinesAuditStream full = JsonLinesAuditStream.toFile(Path.of("/dev/full"), "copy");
    private final AuditStreamRegistry streams = new AuditStreamRegistry().register(main).register("copy", full);

    @AfterEach
    void close() {
        try {
            streams.close();
        } catch (UncheckedIOException e) {
            // closing the /dev/full stream fails too (fsync on a device); not what these tests are about
        }
    }

    private AuditPipeline pipeline() {
        metrics.bindTo(registry);
        return AuditPipeline.builder("main").registry(streams).defaultStream("main")
                .use(AuditMiddleware.dropIf(d -> d.action().equals("health")))
                .fanOut("copy", Delivery.BEST_EFFORT).listener(metrics).build();
    }

    @Test
    void eventsAreCountedByStreamAndOutcome() {
        AuditPipeline audit = pipeline();
        audit.record(AuditDraft.builder("a"));
        audit.record(AuditDraft.builder("b").outcome(Outcome.DENIED));
        audit.record(AuditDraft.builder("c").outcome(Outcome.DENIED));

        assertThat(registry.get(AirlogMetrics.EVENTS).tags("stream", "main", "outcome", "SUCCESS").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(AirlogMetrics.EVENTS).tags("stream", "main", "outcome", "DENIED").counter().count())
                .isEqualTo(2);
    }

    @Test
    void failedDeliveriesAreCountedByStreamAndDelivery() {
        AuditPipeline audit = pipeline();
        audit.record(AuditDraft.builder("a"));

        assertThat(registry.get(AirlogMetrics.FAILURES).tags("stream", "copy", "delivery", "best-effort").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void writeLatencyIsTimedPerStreamWithPercentiles() {
        AuditPipeline audit = pipeline();
        audit.record(AuditDraft.builder("a"));
        audit.record(AuditDraft.builder("b"));

        var timer = registry.get(AirlogMetrics.WRITE).tag("stream", "main").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(timer.takeSnapshot().percentileValues()).extracting(v -> v.percentile())
                .containsExactly(0.5, 0.95, 0.99);
    }

    @Test
    void droppedDraftsAreCounted() {
        assertThat(pipeline().submit(AuditDraft.builder("health").build()).stored()).isFalse();

        assertThat(registry.get(AirlogMetrics.DROPPED).tag("stream", "main").counter().count()).isEqualTo(1);
    }

    @Test
    void watchedStreamsReportTheirQueueDepth() {
        metrics.watch("main", main);
        metrics.bindTo(registry);

        assertThat(registry.get(AirlogMetrics.QUEUE).tag("stream", "main").gauge().value()).isZero();
    }

    @Test
    void startupChecksReportTheirResultAndAge() {
        metrics.bindTo(registry);
        metrics.verified("main", true, true, Instant.now().minusSeconds(60));
        metrics.verified("copy", false, true, Instant.now());

        assertThat(registry.get(AirlogMetrics.VERIFIED).tag("stream", "main").gauge().value()).isEqualTo(1);
        assertThat(registry.get(AirlogMetrics.VERIFIED).tag("stream", "copy").gauge().value()).isEqualTo(-1);
        assertThat(registry.get(AirlogMetrics.VERIFIED_AGE).tag("stream", "main").timeGauge().value(TimeUnit.SECONDS))
                .isGreaterThanOrEqualTo(60);
        metrics.verified("main", true, false, Instant.now());
        assertThat(registry.get(AirlogMetrics.VERIFIED).tag("stream", "main").gauge().value()).isZero();
    }

    @Test
    void bindingTwiceToOneRegistryCountsOnce() {
        AuditPipeline audit = pipeline();
        metrics.bindTo(registry);
        audit.record(AuditDraft.builder("a"));

        assertThat(registry.get(AirlogMetrics.EVENTS).tags("stream", "main").counter().count()).isEqualTo(1);
    }

    @Test
    void aSigningStreamShowsCheckpointsSigningTimeAndItsWitness(@TempDir Path dir) throws Exception {
        NoteSigner key = SigningKeys.generate("airlog");
        JsonLinesAuditStream signed = JsonLinesAuditStream.builder(dir.resolve("audit.jsonl"), "signed")
                .signer(key).checkpointInterval(Duration.ZERO).witnessFile(dir.resolve("signed.witness"))
                .witnessWindow(Duration.ofMillis(20)).build();
        streams.register("signed", signed);
        metrics.bindTo(registry);
        metrics.watch("signed", signed);
        signed.record(AuditDraft.builder("a"));
        signed.record(AuditDraft.builder("b"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (registry.get(AirlogMetrics.WITNESS_LAG).tag("stream", "signed").gauge().value() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(registry.get(AirlogMetrics.CHECKPOINTS).tag("stream", "signed").functionCounter().count())
                .isEqualTo(2);
        assertThat(registry.get(AirlogMetrics.SIGNING).tag("stream", "signed").functionTimer().count())
                .isEqualTo(2);
        assertThat(registry.get(AirlogMetrics.SIGNING).tag("stream", "signed").functionTimer()
                .totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get(AirlogMetrics.WITNESS_LAG).tag("stream", "signed").gauge().value()).isZero();
        assertThat(registry.get(AirlogMetrics.WITNESS_PUBLISHED).tag("stream", "signed").functionCounter().count())
                .isPositive();

        Files.delete(dir.resolve("signed.witness"));
        signed.record(AuditDraft.builder("c"));
        while (registry.get(AirlogMetrics.WITNESS_FAILURES).tag("stream", "signed").functionCounter().count() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(registry.get(AirlogMetrics.WITNESS_FAILURES).tag("stream", "signed").functionCounter().count())
                .isPositive();
        assertThat(registry.get(AirlogMetrics.WITNESS_LAG).tag("stream", "signed").gauge().value()).isEqualTo(1);
    }

    @Test
    void aStreamThatDoesNotSignHasNoCheckpointMeters() {
        metrics.bindTo(registry);
        metrics.watch("main", main);

        assertThat(registry.find(AirlogMetrics.CHECKPOINTS).meters()).isEmpty();
    }
}
