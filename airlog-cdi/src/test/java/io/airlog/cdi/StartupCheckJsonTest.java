package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.cdi.health.AirlogReadinessCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check of a JSON-lines log (the JDBC one is in {@link JdbcStartupCheckTest}). */
class StartupCheckJsonTest {
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeThreeEvents() {
        file = dir.resolve("audit.jsonl");
        try (TestContainer c = json("full", "fail").start()) {
            AccountService accounts = c.select(AccountService.class);
            accounts.open("A-1", "EUR");
            accounts.open("A-2", "EUR");
            accounts.open("A-3", "EUR");
        }
    }

    private TestContainer.Builder json(String onStartup, String onFailure) {
        return TestContainer.builder().property("airlog.backend", "json").property("airlog.json.file", file)
                .property("airlog.log-id", "ledger").property("airlog.verify.on-startup", onStartup)
                .property("airlog.verify.on-failure", onFailure).beans(AccountService.class);
    }

    private void tamperSecondLine() throws IOException {
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replace("A-2", "A-9"));
        Files.write(file, lines);
    }

    private static HealthCheckResponse readiness(TestContainer c) {
        return c.select(HealthCheck.class, Readiness.Literal.INSTANCE).call();
    }

    @Test
    void intactLogStartsAndIsReady() {
        try (TestContainer c = json("full", "fail").start()) {
            HealthCheckResponse r = readiness(c);

            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(r.getData().orElseThrow()).containsEntry("default.chain", "intact");
        }
    }

    @Test
    void damagedLogFailsTheStartNamingTheLogTheSequenceAndTheDamage() throws IOException {
        tamperSecondLine();

        assertThat(json("full", "fail").startFailure()).hasStackTraceContaining("log 'ledger'")
                .hasStackTraceContaining("first bad sequence 2 (CHANGED)");
    }

    @Test
    void damagedLogWithWarnStartsAndIsNotReady() throws IOException {
        tamperSecondLine();

        try (TestContainer c = json("full", "warn").start()) {
            HealthCheckResponse r = readiness(c);

            assertThat(r.getName()).isEqualTo(AirlogReadinessCheck.NAME);
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(r.getData().orElseThrow()).containsEntry("default.chain", "damaged")
                    .hasEntrySatisfying("default.verification", v -> assertThat(v.toString())
                            .contains("first bad sequence 2 (CHANGED)"));
        }
    }

    @Test
    void incrementalCheckOfAJsonFileLooksAtTheLastEventOnly() throws IOException {
        tamperSecondLine();

        try (TestContainer c = json("incremental", "fail").start()) {
            assertThat(readiness(c).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        }
    }
}
