package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.bench.cpu.CpuMeter;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import io.airlog.verify.VerificationReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two JVMs (this one and a child) write one PostgreSQL log: one gap-free chain. Needs the local PostgreSQL. */
class TwoJvmLoadTest {

    @Test
    void twoJvmsWriteOneChainThatVerifies() throws Exception {
        BenchDatabase db = BenchDatabase.postgresql(BenchDatabase.DEFAULT_POSTGRESQL_URL);
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("test2jvm"));
        try (CpuMeter meter = CpuMeter.of(db)) {
            LoadResult result = TwoJvmLoad.run(db, tables, "bench", 2, Duration.ZERO, Duration.ofSeconds(1), meter);

            VerificationReport report = new JdbcChainVerifier(db.dataSource(), tables).verifyFull("bench");
            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(result.errors()).isZero();
            assertThat(result.events()).isPositive().isLessThanOrEqualTo(report.end().size());
            assertThat(result.cpu().jvm()).isPositive();
            assertThat(result.cpu().database()).isPositive();
        } finally {
            db.dropTables(tables);
        }
    }
}
