package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.bench.cpu.CpuUse;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** What the tables of a load run show: the median round of each cell, and the CPU time per 1,000 events. */
class RoundsTest {

    @Test
    void theMedianOfThreeRoundsIsTheMiddleOneAndOfTwoTheLowerOfTheMiddleOnes() {
        Rounds rounds = new Rounds(List.of(Scenario.AIRLOG_SYNC));
        rounds.add(16, Scenario.AIRLOG_SYNC, point(3_000, 0, CpuUse.NONE));
        rounds.add(16, Scenario.AIRLOG_SYNC, point(1_000, 0, CpuUse.NONE));
        rounds.add(16, Scenario.AIRLOG_SYNC, point(2_000, 0, CpuUse.NONE));
        rounds.add(64, Scenario.AIRLOG_SYNC, point(5_000, 0, CpuUse.NONE));
        rounds.add(64, Scenario.AIRLOG_SYNC, point(4_000, 0, CpuUse.NONE));

        assertThat(rounds.medianRate(16, Scenario.AIRLOG_SYNC)).isEqualTo(2_000);
        assertThat(rounds.medianRate(64, Scenario.AIRLOG_SYNC)).isEqualTo(4_000);
        assertThat(rounds.medianRate(1, Scenario.AIRLOG_SYNC)).isNaN();
        assertThat(rounds.callerCounts()).containsExactly(16, 64);
    }

    @Test
    void theRateTableShowsTheMedianWithTheErrorsOfEveryRound() {
        Rounds rounds = new Rounds(List.of(Scenario.AIRLOG_SYNC, Scenario.LOG4J_JDBC));
        rounds.add(1, Scenario.AIRLOG_SYNC, point(1_000, 2, CpuUse.NONE));
        rounds.add(1, Scenario.AIRLOG_SYNC, point(1_500, 1, CpuUse.NONE));

        String table = rounds.rates().render();

        assertThat(table).contains("airlog sync").contains("Log4j2 JDBC").contains("1,000 (3 errors)")
                .contains("n/a");
    }

    @Test
    void theCostIsTheCpuSecondsPerThousandEventsWithTheJvmsAndTheServersParts() {
        Rounds rounds = new Rounds(List.of(Scenario.AIRLOG_SYNC));
        // 4,000 events in 1 s with 1.5 s of JVM and 0.5 s of server time: 0.5 s per 1,000.
        rounds.add(16, Scenario.AIRLOG_SYNC, point(4_000, 0, new CpuUse(1.5, 0.5, 0, 0, 0)));

        assertThat(rounds.costs(true).render()).contains("0.500 (0.375 + 0.125)");
        assertThat(rounds.costs(false).render()).contains("0.500 |").doesNotContain("0.375");
    }

    @Test
    void aServerWhoseTimeIsUnknownShowsOnlyTheJvmsPart() {
        Rounds rounds = new Rounds(List.of(Scenario.AIRLOG_SYNC));
        rounds.add(16, Scenario.AIRLOG_SYNC, point(4_000, 0, new CpuUse(1.5, Double.NaN, 0, 0, 0)));

        assertThat(rounds.costs(true).render()).contains("0.375 + ?");
    }

    @Test
    void theServersBackgroundAndEndedSharesAndTheOtherSessionsLeftOutAreNotedUnderTheTables() {
        Rounds rounds = new Rounds(List.of(Scenario.AIRLOG_SYNC));
        rounds.add(16, Scenario.AIRLOG_SYNC, point(4_000, 0, new CpuUse(1.5, 0.5, 0.2, 0.05, 0.25)));
        rounds.add(16, Scenario.AIRLOG_SYNC, point(4_000, 0, new CpuUse(1.5, 0.5, 0.2, 0.05, 0.25)));

        assertThat(rounds.notes()).contains("over all points (1.0 s), 40 % was its background processes")
                .contains("10 % processes that ended").contains("sessions used 0.5 CPU-s more, left out");
        assertThat(new Rounds(List.of(Scenario.AIRLOG_SYNC)).notes()).isEmpty();
    }

    @Test
    void theRatioOfTwoScenariosIsOfTheirMedianRates() {
        Rounds rounds = new Rounds(List.of(Scenario.AIRLOG_SYNC, Scenario.LOG4J_JDBC));
        rounds.add(16, Scenario.AIRLOG_SYNC, point(10_000, 0, CpuUse.NONE));
        rounds.add(16, Scenario.LOG4J_JDBC, point(2_000, 0, CpuUse.NONE));

        assertThat(rounds.rateRatio(16, Scenario.AIRLOG_SYNC, Scenario.LOG4J_JDBC)).isEqualTo("5.00×");
        assertThat(rounds.rateRatio(16, Scenario.AIRLOG_SYNC, Scenario.NAIVE)).isEqualTo("n/a");
    }

    private static Point point(long eventsInOneSecond, long errors, CpuUse cpu) {
        return new Point(new LoadResult(eventsInOneSecond, 1.0, new Histogram(3), errors, null, cpu), 0, "", 0.5);
    }
}
