package io.airlog.bench.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.bench.load.BenchDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code airlog verify} runs on a log the writer signed, with its key and witness, fully and incrementally. */
class CliVerificationBenchTest {

    @Test
    void signedLogVerifiesThroughTheCommandFullyAndIncrementally() throws Exception {
        BenchDatabase db = BenchDatabase.h2Memory("cli-verify-" + UUID.randomUUID());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        CliVerificationBench.Result result = new CliVerificationBench(db, new PrintStream(progress, true,
                StandardCharsets.UTF_8)).run(3_000, 400);

        assertThat(result.rows()).isEqualTo(3_000);
        assertThat(result.checkpoints()).isPositive();
        assertThat(result.fullSeconds()).hasSize(2);
        assertThat(result.fullSeconds()[0]).isPositive();
        assertThat(result.fullSeconds()[1]).isPositive();
        assertThat(result.incrementalReport()).contains("intact: 400 events read, verified through sequence 3400")
                .contains("signed through 3000").contains("witnessed through 3000");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("wrote 3,000 events with")
                .contains("airlog verify, run 2");
    }

    @Test
    void aCommandThatDoesNotExitIntactIsAnErrorNamingItsOutput() {
        assertThatThrownBy(() -> CliVerificationBench.airlog(List.of("verify", "--log", "bench")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited 2")
                .hasMessageContaining("name one store");
    }

    @Test
    void tableShowsFullAndIncrementalRates() {
        CliVerificationBench.Result result = new CliVerificationBench.Result("PostgreSQL", 100_000, 7, 8.0,
                new double[] {4.0, 2.0}, 10_000, 0.5, "intact");

        String table = CliVerificationBench.table(List.of(result)).render();

        assertThat(table).contains("| PostgreSQL ").contains("25,000").contains("50,000").contains("20,000")
                .contains("7 signed checkpoints");
    }
}
