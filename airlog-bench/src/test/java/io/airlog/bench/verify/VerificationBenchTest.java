package io.airlog.bench.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.bench.load.BenchDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The verification measurement generates a log that verifies, and reports what it read. */
class VerificationBenchTest {

    @Test
    void generatedLogVerifiesFullyAndIncrementally() throws Exception {
        BenchDatabase db = BenchDatabase.h2Memory("verify-" + UUID.randomUUID());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        VerificationBench.Result result = new VerificationBench(db, new PrintStream(progress, true,
                StandardCharsets.UTF_8)).run(12_345, 678);

        assertThat(result.rows()).isEqualTo(12_345);
        assertThat(result.newRows()).isEqualTo(678);
        assertThat(result.fullSeconds()).hasSize(2);
        assertThat(result.fullSeconds()[0]).isPositive();
        assertThat(result.fullSeconds()[1]).isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("incremental check: 678 new rows");
    }

    @Test
    void tableShowsFullAndIncrementalRates() {
        VerificationBench.Result result = new VerificationBench.Result("H2", 1_000_000, 10.0, new double[] {4.0, 2.0},
                10_000, 0.05);

        String table = VerificationBench.table(List.of(result)).render();

        assertThat(table).contains("| H2 ").contains("250,000").contains("500,000").contains("200,000");
    }
}
