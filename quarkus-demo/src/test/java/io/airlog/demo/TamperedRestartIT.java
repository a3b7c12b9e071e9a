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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Restarts of the packaged application on its H2 file database: the data survives and the
 * chain verifies; a row changed while the application was stopped stops the next start
 * ({@code airlog.verify.on-failure=fail}) or leaves it running with readiness DOWN and the
 * damage on the verify endpoint and the viewer page ({@code warn}).
 */
class TamperedRestartIT {
    private static final Path WORK = Paths.get(System.getProperty("project.build.directory", "target"))
            .resolve("tamper-it");

    @Test
    void restartKeepsDocumentsAndEventsAndTheChainVerifies() throws Exception {
        Path database = freshDatabase("restart");
        String id;
        try (DemoProcess app = DemoProcess.start(database, log(database)).awaitAnswering()) {
            id = createDocuments(app, 3);
        }
        try (DemoProcess app = DemoProcess.start(database, log(database)).awaitAnswering()) {
            assertThat(app.get("/api/documents/" + id, "carol").statusCode()).isEqualTo(200);
            HttpResponse<String> report = app.get("/api/audit/verify", "alice");
            assertThat(report.body()).contains("\"intact\":true", "\"eventsRead\":4");
            assertThat(app.get("/q/health/ready", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void changedRowFailsTheStartNamingTheLogAndTheSequence() throws Exception {
        Path database = tamperedDatabase("fail");

        int exit;
        String printed;
        try (DemoProcess app = DemoProcess.start(database, log(database))) {
            exit = app.awaitExit();
            printed = app.output();
        }

        assertThat(exit).isNotZero();
        assertThat(printed).contains("log 'demo' DAMAGED", "first bad sequence 2 (CHANGED)",
                "airlog.verify.on-failure=fail");
    }

    /** The application started in warn mode on a database whose event 2 was changed. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WarnMode {
        private DemoProcess app;

        @BeforeAll
        void startOnTamperedDatabase() throws Exception {
            Path database = tamperedDatabase("warn");
            app = DemoProcess.start(database, log(database), "-Dairlog.verify.on-failure=warn").awaitAnswering();
        }

        @AfterAll
        void stop() {
            if (app != null) {
                app.close();
            }
        }

        @Test
        void startLogsTheDamageAndReadinessIsDown() throws Exception {
            HttpResponse<String> ready = app.get("/q/health/ready", null);

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\": \"DOWN\"", "\"default.chain\": \"damaged\"");
            assertThat(app.output()).contains("log 'demo' DAMAGED", "airlog.verify.on-failure=warn");
        }

        @Test
        void verifyEndpointReportsTheChangedEvent() throws Exception {
            HttpResponse<String> report = app.get("/api/audit/verify", "alice");

            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains("\"intact\":false", "\"kind\":\"CHANGED\"", "\"position\":2",
                    "\"firstSequence\":2");
        }

        @Test
        void viewerPageShowsTheStartUpFindingAsABannerAndTheDamagedPosition() throws Exception {
            ChromeDriver browser = HeadlessChromium.start(WORK.resolve("chromium"));
            try {
                ViewerPage viewer = ViewerPage.signIn(browser, app.url("/"), "alice");
                String banner = viewer.startupBanner().getText();
                String finding = viewer.startupFinding().getText();
                viewer.screenshot("warn-mode-banner-1280");
                viewer.width(390);
                viewer.screenshot("warn-mode-banner-390");
                long overflow = viewer.horizontalOverflow();
                viewer.width(1280);
                WebElement status = viewer.verify();
                List<List<String>> damages = viewer.damages();
                viewer.screenshot("warn-mode-verified-1280");

                assertThat(banner).startsWith("The start-up check found the audit log damaged.")
                        .contains("log 'demo' DAMAGED", "first bad sequence 2 (CHANGED)", "airlog.verify.on-failure=warn");
                assertThat(finding).startsWith("DAMAGED at start-up").contains("first bad sequence 2 (CHANGED)");
                assertThat(overflow).isZero();
                assertThat(status.getText()).startsWith("DAMAGED").contains("first bad sequence 2 (CHANGED)");
                assertThat(damages).hasSize(1);
                assertThat(damages.get(0).subList(0, 3)).containsExactly("2", "2", "CHANGED");
                assertThat(viewer.readiness()).isEqualTo("DOWN");
            } finally {
                browser.quit();
            }
        }
    }

    private static Path freshDatabase(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir.resolve("airlog-demo");
    }

    private static Path log(Path database) {
        return database.resolveSibling("app.log");
    }

    /** A database with three documents whose audit event 2 was then changed. */
    private static Path tamperedDatabase(String name) throws Exception {
        Path database = freshDatabase(name);
        try (DemoProcess app = DemoProcess.start(database, log(database)).awaitAnswering()) {
            createDocuments(app, 3);
        }
        changeSubjectOfEvent(database, 2, "mallory");
        return database;
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
    private static void changeSubjectOfEvent(Path database, long sequence, String subject) throws SQLException {
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
