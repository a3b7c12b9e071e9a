package io.airlog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Restarts of the packaged application on its H2 file database: the data survives and the
 * chain verifies; a row changed while the application was stopped stops the next start
 * ({@code airlog.verify.on-failure=fail}) or leaves it running with readiness DOWN and the
 * damage on the verify endpoint ({@code warn}).
 */
class TamperedRestartIT {
    private static final Path WORK = Paths.get(System.getProperty("project.build.directory", "target"))
            .resolve("tamper-it");

    private Path database;
    private Path output;

    @BeforeEach
    void freshDatabase(TestInfo test) throws IOException {
        Path dir = WORK.resolve(test.getTestMethod().orElseThrow().getName());
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        database = dir.resolve("airlog-demo");
        output = dir.resolve("app.log");
    }

    @Test
    void restartKeepsDocumentsAndEventsAndTheChainVerifies() throws Exception {
        String id;
        try (DemoProcess app = DemoProcess.start(database, output).awaitAnswering()) {
            id = createDocuments(app, 3);
        }
        try (DemoProcess app = DemoProcess.start(database, output).awaitAnswering()) {
            assertThat(app.get("/api/documents/" + id, "carol").statusCode()).isEqualTo(200);
            HttpResponse<String> report = app.get("/api/audit/verify", "alice");
            assertThat(report.body()).contains("\"intact\":true", "\"eventsRead\":4");
            assertThat(app.get("/q/health/ready", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void changedRowFailsTheStartNamingTheLogAndTheSequence() throws Exception {
        try (DemoProcess app = DemoProcess.start(database, output).awaitAnswering()) {
            createDocuments(app, 3);
        }
        changeSubjectOfEvent(2, "mallory");

        int exit;
        String printed;
        try (DemoProcess app = DemoProcess.start(database, output)) {
            exit = app.awaitExit();
            printed = app.output();
        }

        assertThat(exit).isNotZero();
        assertThat(printed).contains("log 'demo' DAMAGED", "first bad sequence 2 (CHANGED)",
                "airlog.verify.on-failure=fail");
    }

    @Test
    void changedRowInWarnModeShowsReadinessDownAndTheDamageOnTheVerifyEndpoint() throws Exception {
        try (DemoProcess app = DemoProcess.start(database, output).awaitAnswering()) {
            createDocuments(app, 3);
        }
        changeSubjectOfEvent(2, "mallory");

        try (DemoProcess app = DemoProcess.start(database, output, "-Dairlog.verify.on-failure=warn")
                .awaitAnswering()) {
            HttpResponse<String> ready = app.get("/q/health/ready", null);
            HttpResponse<String> report = app.get("/api/audit/verify", "alice");

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\": \"DOWN\"").contains("damaged");
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains("\"intact\":false", "\"kind\":\"CHANGED\"", "\"position\":2",
                    "\"firstSequence\":2");
            assertThat(app.output()).contains("log 'demo' DAMAGED", "airlog.verify.on-failure=warn");
        }
    }

    private static String createDocuments(DemoProcess app, int count) throws IOException, InterruptedException {
        String id = null;
        for (int i = 1; i <= count; i++) {
            HttpResponse<String> created = app.postJson("/api/documents", "bob", "{\"title\":\"Doc " + i + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        }
        return id;
    }

    /** What a database owner can do while the application is stopped: drop the trigger, edit a row. */
    private void changeSubjectOfEvent(long sequence, String subject) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath(), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER airlog_event_insert_only");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE airlog_event SET principal_subject = ? WHERE log_id = 'demo' AND seq = ?")) {
                ps.setString(1, subject);
                ps.setLong(2, sequence);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }
}
