package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acceptance: a tampered H2 log fails the start, or (warn) starts with readiness DOWN. */
class JdbcStartupCheckTest {
    private String url;

    @BeforeEach
    void fiveEvents() {
        url = "jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (TestContainer c = jdbc().property("airlog.jdbc.schema", "create").start()) {
            AccountService accounts = c.select(AccountService.class);
            for (int i = 1; i <= 5; i++) {
                accounts.open("A-" + i, "EUR");
            }
        }
    }

    private TestContainer.Builder jdbc() {
        return TestContainer.builder().property("test.h2.url", url).property("airlog.log-id", "ledger")
                .beans(AccountService.class, H2DataSources.class);
    }

    /** What an owner of the tables can do: drop the insert-only trigger, edit a row, put the trigger back. */
    private void tamperWithSequence(int sequence) throws SQLException {
        try (Connection c = H2DataSources.h2(url).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER airlog_event_insert_only");
            s.executeUpdate("UPDATE airlog_event SET resource_id = 'A-99' WHERE log_id = 'ledger' AND seq = " + sequence);
            s.execute("CREATE TRIGGER airlog_event_insert_only BEFORE UPDATE, DELETE ON airlog_event FOR EACH ROW"
                    + " CALL 'io.airlog.jdbc.internal.H2InsertOnlyTrigger'");
        }
    }

    private static HealthCheckResponse readiness(TestContainer c) {
        return c.select(HealthCheck.class, Readiness.Literal.INSTANCE).call();
    }

    @Test
    void intactLogStartsAndIsReady() {
        try (TestContainer c = jdbc().start()) {
            HealthCheckResponse r = readiness(c);

            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(r.getData().orElseThrow()).containsEntry("default.chain", "intact")
                    .containsEntry("default.backend", "jdbc").containsEntry("default.queued", 0L);
        }
    }

    @Test
    void tamperedLogFailsTheStartNamingTheLogTheFirstBadSequenceAndTheDamage() throws SQLException {
        tamperWithSequence(3);

        Throwable failure = jdbc().property("airlog.verify.on-failure", "fail").startFailure();

        assertThat(failure).hasStackTraceContaining("log 'ledger'").hasStackTraceContaining("first bad sequence 3 (CHANGED)");
    }

    @Test
    void badRedactionKeyFailsTheStartAndLeavesNoWriterThreadRunning() {
        Throwable failure = jdbc().property("airlog.redact.keys", "password,---").startFailure();

        assertThat(failure).hasStackTraceContaining("airlog.redact.keys").hasStackTraceContaining("'---'");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.isAlive() && t.getName().equals("airlog-default-writer"));
    }

    @Test
    void tamperedLogFailsAFullCheckToo() throws SQLException {
        tamperWithSequence(2);

        assertThat(jdbc().property("airlog.verify.on-startup", "full").startFailure())
                .hasStackTraceContaining("first bad sequence 2 (CHANGED)");
    }

    @Test
    void tamperedLogWithWarnStartsAndIsNotReady() throws SQLException {
        tamperWithSequence(3);

        try (TestContainer c = jdbc().property("airlog.verify.on-failure", "warn").start()) {
            HealthCheckResponse r = readiness(c);

            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(r.getData().orElseThrow()).containsEntry("default.chain", "damaged")
                    .hasEntrySatisfying("default.verification",
                            v -> assertThat(v.toString()).contains("first bad sequence 3 (CHANGED)"));
        }
    }

    @Test
    void checkOffStartsWithoutReadingTheLog() throws SQLException {
        tamperWithSequence(3);

        try (TestContainer c = jdbc().property("airlog.verify.on-startup", "off").start()) {
            assertThat(readiness(c).getData().orElseThrow()).containsEntry("default.chain", "not verified");
        }
    }

    @Test
    void incrementalCheckWithoutSignedCheckpointsReadsTheWholeLogAtEveryStart() throws SQLException {
        for (int start = 0; start < 2; start++) {
            try (TestContainer c = jdbc().start()) {
                assertThat(readiness(c).getData().orElseThrow().get("default.verification").toString())
                        .contains("5 events read");
            }
        }
    }
}
