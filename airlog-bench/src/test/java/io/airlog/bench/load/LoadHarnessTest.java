package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.bench.cpu.CpuUse;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** One short point of the harness on the local PostgreSQL: events, and the CPU time of both sides. */
class LoadHarnessTest {
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());
    private final BenchDatabase postgresql = BenchDatabase.postgresql(BenchDatabase.DEFAULT_POSTGRESQL_URL);

    @Test
    void aPointCountsTheJvmsAndTheServersCpuTimeForItsEvents() throws Exception {
        LoadHarness harness = new LoadHarness(postgresql, new LoadPlan(List.of(Scenario.LOG4J_ASYNC_JDBC), List.of(4),
                1, Duration.ofMillis(500), Duration.ofSeconds(1)), QUIET);

        Point point = harness.measure(Scenario.LOG4J_ASYNC_JDBC, 4);

        LoadResult r = point.result();
        assertThat(r.errors()).isZero();
        assertThat(r.events()).isPositive();
        assertThat(r.cpu().jvm()).isPositive();
        assertThat(r.cpu().database()).isPositive();
        assertThat(point.cost()).isEqualTo(r.cpu().total() * 1000 / r.events());
    }

    @Test
    void aSignedPointAt64CallersVerifiesItsLogWithTheKeyAndTheWitness() throws Exception {
        LoadHarness harness = new LoadHarness(postgresql, new LoadPlan(List.of(Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH),
                List.of(64), 1, Duration.ofMillis(500), Duration.ofSeconds(1)), QUIET);

        Point point = harness.measure(Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH, 64);

        assertThat(point.result().errors()).isZero();
        assertThat(point.chainNote()).contains("signed checkpoints, verified intact with the key and the witness");
    }

    @Test
    void signedRatiosDivideEachSignedRateByTheUnsignedOneOfTheSameRound() {
        Rounds rounds = new Rounds(List.of(Scenario.AIRLOG_SYNC, Scenario.AIRLOG_SYNC_SIGNED_1S,
                Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH));
        long[][] rates = {{1_000, 900, 500}, {2_000, 2_000, 1_000}, {1_500, 1_200, 600}};
        for (long[] round : rates) {
            rounds.add(16, Scenario.AIRLOG_SYNC, point(round[0]));
            rounds.add(16, Scenario.AIRLOG_SYNC_SIGNED_1S, point(round[1]));
            rounds.add(16, Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH, point(round[2]));
        }

        String row = LoadHarness.signedRatios(rounds).render().lines().skip(2).findFirst().orElseThrow();

        assertThat(row.split("\\|")).extracting(String::trim).containsExactly("", "16", "1,500", "1,200",
                "0.80× (0.90×, 1.00×, 0.80×)", "600", "0.40× (0.50×, 0.50×, 0.40×)");
    }

    private static Point point(long eventsInOneSecond) {
        return new Point(new LoadResult(eventsInOneSecond, 1.0, new Histogram(3), 0, null, CpuUse.NONE), 0, "", 0);
    }

    @Test
    void aFileScenarioIsRefusedOnADatabase() {
        assertThatThrownBy(() -> new LoadHarness(postgresql, new LoadPlan(List.of(Scenario.LOG4J_FILE), List.of(1), 1,
                Duration.ZERO, Duration.ofSeconds(1)), QUIET)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("writes a file");
    }

    @Test
    void aPlanNeedsAtLeastOneRound() {
        assertThatThrownBy(() -> new LoadPlan(List.of(Scenario.NAIVE), List.of(1), 0, Duration.ZERO,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds");
    }
}
