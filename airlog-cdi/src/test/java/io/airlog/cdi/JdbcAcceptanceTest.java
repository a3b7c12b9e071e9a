package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditStream;
import io.airlog.Outcome;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: ten audited calls stored in an H2 JDBC log that only MicroProfile Config
 * properties configure; the chain verifies.
 */
class JdbcAcceptanceTest {
    private String url;

    @BeforeEach
    void newDatabase() {
        url = "jdbc:h2:mem:acceptance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private TestContainer.Builder jdbc() {
        return TestContainer.builder().property("test.h2.url", url).property("airlog.backend", "jdbc")
                .property("airlog.jdbc.datasource", "audit").property("airlog.jdbc.schema", "create")
                .property("airlog.log-id", "bank").beans(AccountService.class, H2DataSources.class);
    }

    private static void tenCalls(AccountService accounts) {
        for (int i = 1; i <= 5; i++) {
            accounts.open("A-" + i, "EUR");
        }
        for (int i = 6; i <= 8; i++) {
            String id = "A-" + i;
            assertThatThrownBy(() -> accounts.close(id)).isInstanceOf(IllegalStateException.class);
        }
        for (int i = 9; i <= 10; i++) {
            String id = "A-" + i;
            assertThatThrownBy(() -> accounts.freeze(id)).isInstanceOf(SecurityException.class);
        }
    }

    @Test
    void tenCallsGiveTenEventsWithTheirOutcomesInAVerifiedChain() {
        List<AuditEvent> events;
        try (TestContainer c = jdbc().start()) {
            tenCalls(c.select(AccountService.class));
            events = ((AuditLogReader) c.select(AuditStream.class)).replay(1, Long.MAX_VALUE).toList();
        }

        assertThat(events).hasSize(10);
        Map<Outcome, Long> outcomes = events.stream()
                .collect(Collectors.groupingBy(AuditEvent::outcome, Collectors.counting()));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                Map.of(Outcome.SUCCESS, 5L, Outcome.FAILURE, 3L, Outcome.DENIED, 2L));
        assertThat(events).extracting(AuditEvent::action).containsExactly("open", "open", "open", "open", "open",
                "close", "close", "close", "freeze", "freeze");
        assertThat(events).extracting(AuditEvent::resource).containsOnly("Account");
        assertThat(events).extracting(AuditEvent::resourceId).containsExactly("A-1", "A-2", "A-3", "A-4", "A-5",
                "A-6", "A-7", "A-8", "A-9", "A-10");
        assertThat(events).extracting(e -> (Long) e.context().get("durationNanos")).allMatch(d -> d >= 0);
        assertThat(events).extracting(AuditEvent::logId).containsOnly("bank");

        VerificationReport report = new JdbcChainVerifier(H2DataSources.h2(url), TableNames.DEFAULT).verifyFull("bank");
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.eventsRead()).isEqualTo(10);
    }

    @Test
    void defaultDataSourceBeanIsUsedWhenNoneIsNamed() {
        try (TestContainer c = TestContainer.builder().property("test.h2.url", url).property("airlog.jdbc.schema", "create")
                .beans(AccountService.class, H2DataSources.class).start()) {
            c.select(AccountService.class).open("A-1", "EUR");
        }

        assertThat(new JdbcChainVerifier(H2DataSources.h2(url), TableNames.DEFAULT).verifyFull("default").eventsRead())
                .isEqualTo(1);
    }

    @Test
    void asyncWriteModeStoresEveryEventByTheTimeTheContainerHasShutDown() {
        try (TestContainer c = jdbc().property("airlog.write-mode", "async").start()) {
            tenCalls(c.select(AccountService.class));
        }

        VerificationReport report = new JdbcChainVerifier(H2DataSources.h2(url), TableNames.DEFAULT).verifyFull("bank");
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsRead()).isEqualTo(10);
    }

    @Test
    void asyncWriteModeReturnsBeforeTheEventIsCommitted() throws Exception {
        url = url + ";LOCK_TIMEOUT=120000";
        try (TestContainer c = jdbc().property("airlog.write-mode", "async").start()) {
            AccountService accounts = c.select(AccountService.class);
            accounts.open("A-1", "EUR");
            AuditLogReader log = (AuditLogReader) c.select(AuditStream.class);
            while (log.head().size() < 1) {
                Thread.onSpinWait();
            }
            try (Connection blocker = H2DataSources.h2(url).getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement lock = blocker.createStatement()) {
                    lock.executeQuery("SELECT size FROM airlog_head WHERE log_id = 'bank' FOR UPDATE").close();
                }

                assertThat(accounts.open("A-2", "EUR")).isEqualTo("opened A-2");
                assertThat(log.head().size()).as("the call returned while the writer waits for the head row")
                        .isEqualTo(1);
                blocker.commit();
            }
            while (log.head().size() < 2) {
                Thread.onSpinWait();
            }
            assertThat(log.find(io.airlog.AuditQuery.builder().build())).extracting(AuditEvent::resourceId)
                    .containsExactly("A-1", "A-2");
        }
    }

    @Test
    void tablePrefixAndBatchSettingsReachTheWriter() {
        try (TestContainer c = jdbc().property("airlog.jdbc.table-prefix", "audit_").property("airlog.batch.max-size", 2)
                .property("airlog.batch.max-delay", "0").start()) {
            tenCalls(c.select(AccountService.class));
        }

        assertThat(new JdbcChainVerifier(H2DataSources.h2(url), TableNames.of("audit_")).verifyFull("bank").eventsRead())
                .isEqualTo(10);
    }

    @Test
    void theWriteIndexProfileCreatesTheEventTableWithoutSecondaryIndexes() throws Exception {
        try (TestContainer c = jdbc().property("airlog.jdbc.index-profile", "write").start()) {
            tenCalls(c.select(AccountService.class));
        }

        try (Connection connection = H2DataSources.h2(url).getConnection(); Statement st = connection.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                     + " WHERE TABLE_NAME = 'AIRLOG_EVENT' AND INDEX_NAME LIKE 'AIRLOG_EVENT_%_IDX'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(new JdbcChainVerifier(H2DataSources.h2(url), TableNames.DEFAULT).verifyFull("bank").eventsRead())
                .isEqualTo(10);
    }

    @Test
    void anUnknownIndexProfileFailsTheStartNamingTheKey() {
        Throwable failure = jdbc().property("airlog.jdbc.index-profile", "fast").startFailure();

        assertThat(failure).hasStackTraceContaining("airlog.jdbc.index-profile");
    }

    @Test
    void missingTablesWithSchemaValidateFailTheStart() {
        Throwable failure = jdbc().property("airlog.jdbc.schema", "validate").startFailure();

        assertThat(failure).hasStackTraceContaining("audit stream 'default' (airlog.jdbc.schema=validate)");
    }

    @Test
    void unknownDataSourceFailsTheStartNamingTheKey() {
        Throwable failure = jdbc().property("airlog.jdbc.datasource", "nowhere").startFailure();

        assertThat(failure).hasStackTraceContaining("airlog.jdbc.datasource: no data source named 'nowhere' found");
    }

    @Test
    void batchSizeTheWriterRejectsFailsTheStartNamingTheKey() {
        Throwable failure = jdbc().property("airlog.batch.max-size", 20_000).startFailure();

        assertThat(failure).hasStackTraceContaining("airlog.batch.max-size: invalid value '20000'");
    }

}
