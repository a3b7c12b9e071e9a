package io.airlog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Follows this module's README as a reader would: the commands of its code blocks (under
 * "Run it", "What to try", "Signed checkpoints", "Change an event", "Delete an event" and
 * "Restore an older backup") run as written, one after the other, with bash, in a scratch
 * directory where {@code quarkus-demo/target/quarkus-app} links to the built application and
 * {@code airlog-cli/target/airlog.jar} to the built command line, so the application's
 * {@code ./data} is the scratch directory's. Two things differ from a terminal, and only these: {@code localhost:8080} is
 * replaced by a free port (the application gets it as {@code QUARKUS_HTTP_PORT}), and the
 * Maven half of the "Run it" command is the build that runs this test, so only its
 * {@code java -jar} half runs. Ctrl+C is SIGINT. Each printed result is checked against the
 * README's {@code text} block that shows it ({@code …} stands for any text) and against what
 * the README says in words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeWalkthroughIT {
    private static final Path TARGET = Paths.get(System.getProperty("project.build.directory", "target"));
    private static final Path WORK = TARGET.resolve("readme-walkthrough");
    private static final Path CLI_JAR = Paths.get(System.getProperty("airlog.cli.jar", "../airlog-cli/target/airlog.jar"));
    private static final Pattern REQUEST_ID = Pattern.compile("(?im)^X-Request-Id: (\\S+)\\r?$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MarkdownBlocks readme;
    private int port;
    private DemoProcess app;
    private int starts;
    private int commands;

    @BeforeAll
    void scratchDirectory() throws IOException {
        readme = MarkdownBlocks.of(Paths.get("README.md"));
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path link = WORK.resolve("quarkus-demo/target/quarkus-app");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, DemoProcess.JAR.toAbsolutePath().getParent());
        Path cli = WORK.resolve("airlog-cli/target/airlog.jar");
        Files.createDirectories(cli.getParent());
        Files.createSymbolicLink(cli, CLI_JAR.toAbsolutePath());
        port = DemoProcess.freePort();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theRunCommandIsTheTopLevelReadmesAndStartsTheApplication() throws Exception {
        String command = readme.block("Run it", "sh", 0);

        assertThat(Files.readString(Paths.get("../README.md"))).contains("    " + command + "\n");
        assertThat(command).startsWith("mvn -B -q -pl quarkus-demo -am package -DskipTests && java -jar ");
        start(command.substring(command.indexOf("&& ") + 3));
        assertThat(get("/q/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get("/", null).body()).contains("<title>airlog demo · audit viewer</title>");
        expect(app.output(), readme.block("Signed checkpoints", "text", 0));
        assertThat(WORK.resolve("data/signing-key.pem")).isRegularFile();
        assertThat(Files.readString(WORK.resolve("data/verifier.key"))).startsWith("airlog-demo+");
    }

    @Test
    @Order(2)
    void whatToTryWithCurlAnswersAndRecordsAsTheReadmeSays() throws Exception {
        String created = run(readme.block("What to try", "sh", 0), 0);
        String events = run(readme.block("What to try", "sh", 1), 0);
        String denied = run(readme.block("What to try", "sh", 2), 0);
        String bad = run(readme.block("What to try", "sh", 3), 0);
        String wrongPassword = run(readme.block("What to try", "sh", 4), 0);

        assertThat(created).startsWith("HTTP/1.1 201").containsIgnoringCase("X-Request-Id: demo-42")
                .contains("\"title\":\"Q3 report\"");
        assertThat(events).contains("\"action\":\"document.create\"", "\"correlationId\":\"demo-42\"",
                "\"subject\":\"bob\"", "\"outcome\":\"SUCCESS\"");
        assertThat(denied).startsWith("HTTP/1.1 403").contains("{\"error\":\"your roles do not allow this\"}");
        assertThat(eventOf(denied)).contains("\"action\":\"document.create\"", "\"outcome\":\"DENIED\"",
                "\"subject\":\"carol\"");
        assertThat(bad).startsWith("HTTP/1.1 400").contains("title: U+0000 (NUL) at index 1 is not allowed");
        assertThat(eventOf(bad)).contains("\"outcome\":\"FAILURE\"", "\"title\":\"a\uFFFDb\"");
        assertThat(wrongPassword).startsWith("HTTP/1.1 401").contains("wrong user name or password")
                .doesNotContainIgnoringCase("WWW-Authenticate");
        assertThat(eventOf(wrongPassword)).contains("\"action\":\"user.sign-in\"", "\"outcome\":\"FAILURE\"",
                "\"user\":\"alice\"", "\"subject\":\"anonymous\"");
    }

    @Test
    @Order(3)
    void theCommandLineVerifiesTheSignedLogWithTheVerifierKeyAndTheWitness() throws Exception {
        String heading = "Signed checkpoints";
        app.interrupt();

        String verified = run(readme.block(heading, "sh", 0), 0);
        start(readme.block(heading, "sh", 1));

        expect(verified, readme.block(heading, "text", 1));
        assertThat(verified).doesNotContain("witnessed through 0");
    }

    @Test
    @Order(4)
    void changingAnEventStopsTheNextStartAsTheReadmeShows() throws Exception {
        String heading = "Change an event";
        app.interrupt();
        run(readme.block(heading, "sh", 0), 0);
        run(readme.block(heading, "sh", 1), 0);

        String failed = runToExit(readme.block(heading, "sh", 2), 1);

        expect(failed, readme.block(heading, "text", 0));
    }

    @Test
    @Order(5)
    void inWarnModeTheDamageIsLoggedReadinessIsDownAndTheVerifyEndpointNamesIt() throws Exception {
        String heading = "Change an event";
        start(readme.block(heading, "sh", 3));

        expect(app.output(), readme.block(heading, "text", 1));
        expect(run(readme.block(heading, "sh", 4), 0), readme.block(heading, "text", 2));
        expect(run(readme.block(heading, "sh", 5), 0), readme.block(heading, "text", 3));
    }

    @Test
    @Order(6)
    void inWarnModeThePageShowsTheBannerAndTheChangedEventMarked() throws Exception {
        ChromeDriver browser = HeadlessChromium.start(TARGET.resolve("chromium"));
        try {
            ViewerPage viewer = ViewerPage.signIn(browser, "http://localhost:" + port + "/", "alice");
            String banner = viewer.startupBanner().getText();
            if (viewer.pagerEnabled("oldest")) {
                viewer.page("oldest");
            }
            WebElement second = browser.findElement(By.cssSelector("#events-body tr[data-sequence='2']"));
            String checksum = second.findElement(By.cssSelector("td.checksum")).getText();
            String rowClass = second.getAttribute("class");
            WebElement status = viewer.verify();
            viewer.screenshot("readme-warn-mode-1280");

            assertThat(banner).contains("log 'demo' DAMAGED", "first bad sequence 2 (CHANGED)");
            assertThat(rowClass).contains("damaged");
            assertThat(checksum).endsWith("✗");
            assertThat(viewer.damages()).singleElement().satisfies(d -> assertThat(d.subList(0, 3))
                    .containsExactly("2", "2", "CHANGED"));
            assertThat(status.getText()).startsWith("DAMAGED");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(7)
    void deletingAnEventIsReportedMissing() throws Exception {
        String heading = "Delete an event";
        app.interrupt();
        run(readme.block(heading, "sh", 0), 0);
        start(readme.block(heading, "sh", 1));

        String report = run(readme.block(heading, "sh", 2), 0);

        expect(report, readme.block(heading, "text", 0));
        assertThat(report).contains("\"kind\":\"BEHIND_WITNESS\"");
    }

    @Test
    @Order(8)
    void restoringAnOlderBackupFailsTheStartNamingTheWitness() throws Exception {
        String heading = "Restore an older backup";
        app.interrupt();
        run(readme.block(heading, "sh", 0), 0);

        String failed = runToExit(readme.block(heading, "sh", 1), 1);
        String verified = run(readme.block(heading, "sh", 2), 1);

        expect(failed, readme.block(heading, "text", 0));
        expect(verified, readme.block(heading, "text", 1));
    }

    /** Starts the application with a README command and waits until it answers. */
    private void start(String command) throws IOException, InterruptedException {
        starts++;
        app = DemoProcess.shell(local(command), WORK, port, WORK.resolve("app-" + starts + ".log")).awaitAnswering();
    }

    /**
     * Runs a README command to its end; what it printed on standard output (standard error,
     * where curl puts its progress meter when its output is not a terminal, goes to a file).
     */
    private String run(String command, int expectedExit) throws IOException, InterruptedException {
        Path errors = WORK.resolve("command-" + (++commands) + ".err");
        Process p = new ProcessBuilder("bash", "-c", local(command)).directory(WORK.toFile())
                .redirectError(errors.toFile()).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        assertThat(p.exitValue()).as("exit code of %s; it printed:%n%s%n%s", command, output, Files.readString(errors))
                .isEqualTo(expectedExit);
        return output;
    }

    /** Runs a README command that starts the application and must end by itself; its output. */
    private String runToExit(String command, int expectedExit) throws IOException, InterruptedException {
        starts++;
        try (DemoProcess failing = DemoProcess.shell(local(command), WORK, port, WORK.resolve("app-" + starts + ".log"))) {
            assertThat(failing.awaitExit()).as(failing.output()).isEqualTo(expectedExit);
            return failing.output();
        }
    }

    private String local(String command) {
        return command.replace("localhost:8080", "localhost:" + port);
    }

    /** Each line of a README text block appears in the output, its parts in order ({@code …} is any text). */
    private static void expect(String output, String textBlock) {
        for (String line : textBlock.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int at = 0;
            for (String part : line.split("…")) {
                int found = output.indexOf(part, at);
                assertThat(found).as("'%s' of the README line%n%s%nin the output%n%s", part, line, output)
                        .isNotNegative();
                at = found + part.length();
            }
        }
    }

    /** The events recorded for the request whose response (with headers) is {@code response}, as JSON text. */
    private String eventOf(String response) throws IOException, InterruptedException {
        Matcher m = REQUEST_ID.matcher(response);
        assertThat(m.find()).as("X-Request-Id in%n%s", response).isTrue();
        return get("/api/audit/events?correlationId=" + m.group(1), "alice").body();
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
