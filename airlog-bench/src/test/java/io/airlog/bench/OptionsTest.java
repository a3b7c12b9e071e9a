package io.airlog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.bench.load.BenchDatabase;
import io.airlog.bench.load.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsMeasureBothDatabasesAtTheFourCallerCounts() {
        Options o = Options.parse("load");

        assertThat(o.databases()).containsExactly(BenchDatabase.Kind.H2, BenchDatabase.Kind.POSTGRESQL);
        assertThat(o.callers()).containsExactly(1, 4, 16, 64);
        assertThat(o.rounds()).isEqualTo(3);
        assertThat(o.window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.rows()).isEqualTo(1_000_000);
        assertThat(o.signedRows()).isEqualTo(100_000);
        assertThat(o.memorySeconds()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void signedRowsSetTheSizeOfTheLogThatAirlogVerifyChecks() {
        assertThat(Options.parse("verify", "--signed-rows", "5000").signedRows()).isEqualTo(5_000);
        assertThatThrownBy(() -> Options.parse("verify", "--signed-rows", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--signed-rows must be at least 1");
    }

    @Test
    void signedScenariosHaveCommandLineNames() {
        assertThat(Options.parse("load", "--scenarios", "airlog-sync-signed-1s,airlog-sync-signed-every-batch")
                .scenarios()).containsExactly(Scenario.AIRLOG_SYNC_SIGNED_1S, Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH);
    }

    @Test
    void optionsOverrideDefaults() {
        Options o = Options.parse("load", "--db", "postgresql", "--seconds", "2", "--callers", "16, 64");

        assertThat(o.databases()).containsExactly(BenchDatabase.Kind.POSTGRESQL);
        assertThat(o.window()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.callers()).containsExactly(16, 64);
    }

    @Test
    void severalDatabasesAreChosenWithCommasAndMariaDbOnlyWhenNamed() {
        Options o = Options.parse("load", "--db", "mariadb,all", "--rounds", "5");

        assertThat(o.databases()).containsExactly(BenchDatabase.Kind.MARIADB, BenchDatabase.Kind.H2,
                BenchDatabase.Kind.POSTGRESQL);
        assertThat(o.rounds()).isEqualTo(5);
        assertThat(o.mariadbUrl()).isEqualTo(BenchDatabase.DEFAULT_MARIADB_URL);
    }

    @Test
    void theLog4jContendersAndTheFileScenariosHaveCommandLineNames() {
        Options o = Options.parse("load", "--scenarios", "log4j-jdbc,log4j-jdbc-batched,log4j-async-jdbc,log4j-file,"
                + "airlog-file");

        assertThat(o.scenarios()).containsExactly(Scenario.LOG4J_JDBC, Scenario.LOG4J_JDBC_BATCHED,
                Scenario.LOG4J_ASYNC_JDBC, Scenario.LOG4J_FILE, Scenario.AIRLOG_FILE);
    }

    @Test
    void scenariosAreChosenByTheirCommandLineNames() {
        Options o = Options.parse("load", "--scenarios", "airlog-sync,naive-chained");

        assertThat(o.scenarios()).containsExactly(Scenario.AIRLOG_SYNC, Scenario.NAIVE_CHAINED);
        assertThat(Options.parse("load").scenarios()).containsExactly(Scenario.values());
    }

    @Test
    void unknownScenarioIsNamed() {
        assertThatThrownBy(() -> Options.parse("load", "--scenarios", "fast"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fast'")
                .hasMessageContaining("naive-chained");
    }

    @Test
    void argumentsAfterDoubleDashGoToJmh() {
        Options o = Options.parse("jmh", "--", "-f", "1", "Interceptor");

        assertThat(o.jmhArgs()).isEqualTo(List.of("-f", "1", "Interceptor"));
    }

    @Test
    void unknownCommandIsNamed() {
        assertThatThrownBy(() -> Options.parse("bench")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bench'");
    }

    @Test
    void unknownOptionIsNamed() {
        assertThatThrownBy(() -> Options.parse("load", "--threads", "4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--threads");
    }

    @Test
    void nonPositiveNumberIsRejectedWithItsOption() {
        assertThatThrownBy(() -> Options.parse("load", "--seconds", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seconds");
        assertThatThrownBy(() -> Options.parse("load", "--rows", "many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rows");
    }

    @Test
    void optionWithoutValueIsRejected() {
        assertThatThrownBy(() -> Options.parse("load", "--db")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--db");
    }
}
