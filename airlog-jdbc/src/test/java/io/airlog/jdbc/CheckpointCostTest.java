package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What signed checkpoints cost the writer: events per second at 16 synchronous callers on
 * PostgreSQL without checkpoints, with the default interval (1 s) and with a checkpoint in
 * every batch, in interleaved rounds; and the time to sign one checkpoint. The machine is
 * shared, so the bounds are loose; the printed numbers are what docs/jdbc-writer.md reports.
 */
class CheckpointCostTest {
    private static final int CALLERS = 16;
    private static final Duration ROUND = Duration.ofSeconds(3);
    private static final NoteSigner SIGNER = SigningKeys.generate("cost");

    @Test
    void checkpointsAtTheDefaultIntervalCostLittleThroughputAt16CallersOnPostgresql() throws Exception {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        try (Fixture fixture = Fixture.created(TestDatabase.POSTGRESQL)) {
            for (int round = 0; round < 3; round++) {
                for (String config : List.of("off", "1s", "0")) {
                    JdbcAuditStream.Builder b = JdbcAuditStream.builder(fixture.dataSource)
                            .tablePrefix(fixture.tables.prefix()).logId("cost-" + config);
                    if (!config.equals("off")) {
                        b.signer(SIGNER).checkpointInterval(config.equals("0") ? Duration.ZERO : Duration.ofSeconds(1));
                    }
                    try (JdbcAuditStream stream = b.build()) {
                        rates.computeIfAbsent(config, k -> new ArrayList<>()).add(eventsPerSecond(stream));
                    }
                }
            }
        }
        Map<String, Double> best = new LinkedHashMap<>();
        rates.forEach((k, v) -> best.put(k, v.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
        System.out.printf("events/s at %d callers on PostgreSQL (best of 3 rounds of %d s): checkpoints off %.0f,"
                + " interval 1 s %.0f, interval 0 %.0f; all rounds %s%n", CALLERS, ROUND.toSeconds(), best.get("off"),
                best.get("1s"), best.get("0"), rates);
        assertThat(best.get("1s")).as("interval 1 s vs off").isGreaterThan(best.get("off") * 0.5);
        assertThat(best.get("0")).as("interval 0 vs off").isGreaterThan(best.get("off") * 0.25);
    }

    @Test
    void signingACheckpointTakesWellUnderAMillisecond() {
        TreeEdge edge = TreeEdge.empty();
        for (int i = 0; i < 1000; i++) {
            edge = edge.append(Digest.sha256(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        Checkpoint checkpoint = Checkpoint.of(Checkpoint.defaultOrigin("cost"), edge);
        for (int i = 0; i < 2_000; i++) {
            SIGNER.sign(checkpoint); // warm-up
        }
        int n = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            SIGNER.sign(checkpoint);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / n;
        System.out.printf("signing one checkpoint (Ed25519, JDK): %.1f us%n", micros);
        assertThat(micros).isLessThan(1_000);
    }

    /** Runs {@value #CALLERS} callers recording for one round; the committed events per second. */
    private static double eventsPerSecond(JdbcAuditStream stream) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        AtomicLong recorded = new AtomicLong();
        long end = System.nanoTime() + ROUND.toNanos();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            done.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    stream.record(AuditDraft.builder("cost").put("n", recorded.get()));
                    recorded.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return recorded.get() / seconds;
    }
}
