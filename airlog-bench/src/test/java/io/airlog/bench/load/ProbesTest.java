package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The probes printed with the load tables measure what they say and leave no tables behind. */
class ProbesTest {
    private final BenchDatabase db = BenchDatabase.h2Memory("probes-" + UUID.randomUUID());

    @Test
    void commitProbeTimesEachMeasuredCommit() throws Exception {
        Histogram latency = CommitProbe.measure(db, 200);

        assertThat(latency.getTotalCount()).isEqualTo(200);
        assertThat(tables()).isEmpty();
    }

    @Test
    void insertCeilingInsertsTheRowsIntoTheEventTableAndDropsIt() throws Exception {
        double rowsPerSecond = InsertCeiling.measure(db, 2 * InsertCeiling.ROWS_PER_TRANSACTION + 500);

        assertThat(rowsPerSecond).isPositive();
        assertThat(tables()).isEmpty();
    }

    @Test
    void insertCeilingRunsOnPostgreSql() throws Exception {
        assertThat(InsertCeiling.measure(BenchDatabase.postgresql(BenchDatabase.DEFAULT_POSTGRESQL_URL), 1_000))
                .isPositive();
    }

    @Test
    void batchAnatomyTimesEveryStepOfBothWaysAndDropsItsTables() throws Exception {
        BatchAnatomy.Result result = BatchAnatomy.measure(db, 16, 50);

        assertThat(result.underLock()).containsOnlyKeys(BatchAnatomy.STEPS);
        assertThat(result.atExpectedHead()).containsOnlyKeys(BatchAnatomy.STEPS.subList(1, BatchAnatomy.STEPS.size()));
        assertThat(result.underLock().values()).allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(result.atExpectedHead().values()).allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(BatchAnatomy.Result.total(result.underLock()))
                .isEqualTo(result.underLock().values().stream().mapToDouble(Double::doubleValue).sum());
        assertThat(tables()).isEmpty();
    }

    @Test
    void batchAnatomyRunsOnPostgreSql() throws Exception {
        BatchAnatomy.Result result = BatchAnatomy.measure(
                BenchDatabase.postgresql(BenchDatabase.DEFAULT_POSTGRESQL_URL), 16, 20);
        assertThat(BatchAnatomy.Result.total(result.atExpectedHead())).isPositive();
    }

    private List<String> tables() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
