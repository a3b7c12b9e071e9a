package io.airlog.payara;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up check on Payara: a first server records a few events in a fresh H2 database
 * and stops; a second server started on a copy of that database deploys and continues the
 * chain, and a third one started on a copy in which the owner changed one stored row fails its
 * deployment, naming the log and the sequence in its output.
 */
class TamperedDatabaseIT {
    private static final String LOG_ID = "payara-demo";
    private static Path recorded;

    @BeforeAll
    static void recordEventsWithAFirstServer() throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("payara.work.dir")));
        recorded = Files.createTempDirectory(work, "tamper-db-");
        try (PayaraMicro server = PayaraMicro.launch("tamper-record", recorded)) {
            server.awaitApplication();
            DemoClient client = new DemoClient(server);
            assertThat(client.call("PUT", "/api/accounts/t-1?balance=100", "alice").statusCode()).isEqualTo(200);
            assertThat(client.call("POST", "/api/accounts/t-1/withdrawals?amount=10", "alice").statusCode())
                    .isEqualTo(200);
            assertThat(client.call("POST", "/api/accounts/t-1/withdrawals?amount=20", "alice").statusCode())
                    .isEqualTo(200);
            assertThat(client.eventsOf("t-1")).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void restartOnTheIntactDatabaseVerifiesItAndContinuesTheChain() throws IOException {
        Path db = copyOf(recorded);

        try (PayaraMicro server = PayaraMicro.launch("tamper-intact", db)) {
            server.awaitApplication();
            DemoClient client = new DemoClient(server);
            client.call("PUT", "/api/accounts/t-1?balance=5", "bob");

            // 1-3: the accounts; 4: the first server's search of them; 5: bob's open
            List<AuditEvent> events = client.allEvents();
            assertThat(events).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(events.get(3).action()).isEqualTo("audit.search");
            assertThat(events.get(4).follows(events.get(3))).isTrue();
            assertThat(events.get(4).principal().subject()).isEqualTo("bob");
            assertThat(client.verification()).containsEntry("intact", true).containsEntry("eventsRead", 6L);
            assertThat(server.output()).doesNotContain("AuditIntegrityException");
        }
    }

    @Test
    void changedRowFailsTheDeploymentNamingTheLogAndTheSequence() throws IOException, SQLException,
            InterruptedException {
        Path db = copyOf(recorded);
        changeSecondEventAsTheOwner(db);

        try (PayaraMicro server = PayaraMicro.launch("tamper-changed", db)) {
            server.awaitBoot();

            assertThat(server.answers(server.uri("/api/ping"))).as("the demo is not deployed").isFalse();
            assertThat(server.output())
                    .contains("io.airlog.AuditIntegrityException: log '" + LOG_ID + "', sequence 2")
                    .contains("first bad sequence 2 (CHANGED)")
                    .contains("airlog.verify.on-failure=fail")
                    .contains("Startup of context /payara-demo failed");
        }
    }

    /**
     * What an owner of the H2 file can do: drop airlog's insert-only trigger and rewrite a row
     * (the withdrawal of sequence 2 now reads as a different amount).
     */
    private static void changeSecondEventAsTheOwner(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + "/airlog",
                "demo", "demo-pw");
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER airlog_event_insert_only");
            int changed = s.executeUpdate("UPDATE airlog_event SET context = REPLACE(context, '\"amount\":10,',"
                    + " '\"amount\":1000,') WHERE log_id = '" + LOG_ID + "' AND seq = 2"
                    + " AND context LIKE '%\"amount\":10,%'");
            assertThat(changed).isEqualTo(1);
        }
    }

    private static Path copyOf(Path source) throws IOException {
        Path copy = Files.createTempDirectory(source.getParent(), source.getFileName() + "-copy-");
        try (Stream<Path> files = Files.list(source)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return copy;
    }
}
