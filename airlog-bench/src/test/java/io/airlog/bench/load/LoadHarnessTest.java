package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
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
