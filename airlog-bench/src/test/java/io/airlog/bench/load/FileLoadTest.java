package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file scenarios' run: a point per scenario and round, its tables, and no file left behind. */
class FileLoadTest {

    @Test
    void eachScenarioIsMeasuredInEachRoundAndItsFilesAreDeleted(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        FileLoad load = new FileLoad(dir, new LoadPlan(List.of(Scenario.AIRLOG_FILE, Scenario.LOG4J_FILE), List.of(2),
                2, Duration.ZERO, Duration.ofMillis(500)), new PrintStream(progress, true, StandardCharsets.UTF_8));

        Rounds rounds = load.run();

        assertThat(rounds.of(2, Scenario.AIRLOG_FILE)).hasSize(2)
                .allSatisfy(p -> assertThat(p.result().events()).isPositive());
        assertThat(rounds.of(2, Scenario.LOG4J_FILE)).hasSize(2)
                .allSatisfy(p -> assertThat(p.cost()).isPositive());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("round 2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        load.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("JSON file: events/s")
                .contains("CPU-seconds per 1,000 events").contains("median of 2 rounds");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDatabaseScenarioIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> new FileLoad(dir, new LoadPlan(List.of(Scenario.AIRLOG_SYNC), List.of(1), 1,
                Duration.ZERO, Duration.ofSeconds(1)), System.err)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
    }
}
