package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.eventsOfResource;
import static io.airlog.demo.DemoApi.requestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The audit viewer page, driven in headless Chromium against the running application: sign-in
 * (success, a wrong password, the one-click buttons), paging to the newest and the oldest
 * events, each filter, a redacted value, hostile titles (long, right-to-left override) on a
 * 1280-px and a 390-px wide window, the newest signed checkpoint and the witness at both widths,
 * and verification. Screenshots: {@code target/screenshots/}.
 */
@QuarkusTest
class AuditViewerBrowserTest {
    private static final Path TARGET = Paths.get(System.getProperty("project.build.directory", "target"));
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start(TARGET.resolve("chromium"));
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void wideWindow() {
        new ViewerPage(browser).width(1280);
    }

    private ViewerPage signedIn(String user) {
        return ViewerPage.signIn(browser, page.toString(), user);
    }

    @Test
    void theRightPasswordSignsInAndShowsTheViewer() throws Exception {
        ViewerPage viewer = signedIn("alice");
        viewer.screenshot("signed-in-1280");

        assertThat(browser.findElement(By.id("who-roles")).getText()).isEqualTo("(admin, editor, viewer)");
        assertThat(viewer.signInFormShown()).isFalse();
        assertThat(viewer.readiness()).isEqualTo("UP");
    }

    @Test
    void aWrongPasswordShowsTheErrorOnThePageWithoutABrowserDialog() throws Exception {
        ViewerPage viewer = new ViewerPage(browser).open(page.toString());

        viewer.submitSignIn("carol", "not-carol");
        WebElement error = viewer.signInError();
        viewer.screenshot("sign-in-refused-1280");

        assertThat(error.getText()).isEqualTo("Wrong user name or password.");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(viewer.signInFormShown()).isTrue();
        viewer.submitSignIn("carol", "carol");
        viewer.awaitSignedIn("carol");
    }

    @Test
    void eachUserButtonSignsInWithOneClick() {
        ViewerPage viewer = new ViewerPage(browser).open(page.toString());

        viewer.quickSignIn("bob");

        viewer.awaitSignedIn("bob");
        assertThat(browser.findElement(By.id("who-roles")).getText()).isEqualTo("(editor, viewer)");
    }

    @Test
    void thePagerReachesTheNewestAndTheOldestEvents() throws Exception {
        String id = createDocument("bob", "Paged in the browser", requestId());
        for (int i = 0; i < 12; i++) {
            as("carol").get("/api/documents/" + id).then().statusCode(200);
        }
        List<Long> all = eventsOfResource(id).stream().map(e -> ((Number) e.get("sequence")).longValue()).toList();
        ViewerPage viewer = signedIn("alice");
        viewer.pageSize(10);
        viewer.filter(Map.of("resource-id", id));

        List<Long> newest = viewer.sequences();
        String newestInfo = viewer.pageInfo();
        viewer.page("oldest");
        List<Long> oldest = viewer.sequences();
        List<String> oldestActions = viewer.column("action");
        viewer.screenshot("paged-oldest-1280");
        viewer.page("newest");

        assertThat(newest).hasSize(10).first().isEqualTo(all.get(12));
        assertThat(newestInfo).isEqualTo("Events 1–10 of 13 (newest first)");
        assertThat(oldest).hasSize(10).last().isEqualTo(all.get(0));
        assertThat(oldestActions.get(9)).isEqualTo("document.create");
        assertThat(viewer.pageInfo()).isEqualTo("Events 1–10 of 13 (newest first)");
        assertThat(viewer.pagerEnabled("newer")).isFalse();
        viewer.page("older");
        assertThat(viewer.sequences()).containsExactly(all.get(2), all.get(1), all.get(0));
        assertThat(viewer.pageInfo()).isEqualTo("Events 11–13 of 13 (newest first)");
        assertThat(viewer.pagerEnabled("older")).isFalse();
    }

    /** A document bob created, carol read and then tried to delete (DENIED); its id. */
    private static String createdReadAndDenied(String title) {
        String id = createDocument("bob", title, requestId());
        as("carol").get("/api/documents/" + id).then().statusCode(200);
        as("carol").delete("/api/documents/" + id).then().statusCode(403);
        return id;
    }

    @Test
    void theResourceIdFilterShowsTheEventsOfOneDocument() {
        String id = createdReadAndDenied("Filtered by id");
        ViewerPage viewer = signedIn("alice");

        viewer.filter(Map.of("resource-id", id));

        assertThat(viewer.column("action")).containsExactly("document.delete", "document.read", "document.create");
    }

    @Test
    void theSubjectFilterMatchesAPrefixInAnyCase() {
        String id = createdReadAndDenied("Filtered by subject");
        ViewerPage viewer = signedIn("alice");

        viewer.filter(Map.of("resource-id", id, "subject", "CAR"));

        assertThat(viewer.column("subject")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("carol"));
    }

    @Test
    void theActionFilterShowsOneAction() {
        String id = createdReadAndDenied("Filtered by action");
        ViewerPage viewer = signedIn("alice");

        viewer.filter(Map.of("resource-id", id, "action", "document.read"));

        assertThat(viewer.column("action")).containsExactly("document.read");
    }

    @Test
    void theOutcomeFilterShowsTheDeniedAttempt() throws Exception {
        String id = createdReadAndDenied("Filtered by outcome");
        ViewerPage viewer = signedIn("alice");

        viewer.filter(Map.of("resource-id", id, "outcome", "DENIED"));
        viewer.screenshot("filtered-denied-1280");

        assertThat(viewer.column("action")).containsExactly("document.delete");
        assertThat(viewer.column("outcome-cell")).containsExactly("DENIED");
    }

    @Test
    void theResourceFilterShowsSignInsAsEventsOnUsers() {
        String rid = requestId();
        io.restassured.RestAssured.given().header("X-Request-Id", rid).contentType("application/json")
                .body(Map.of("user", "carol", "password", "wrong")).post("/api/session").then().statusCode(401);
        ViewerPage viewer = signedIn("alice");

        viewer.filter(Map.of("correlation-id", rid, "resource", "user"));
        List<String> users = viewer.column("action");
        viewer.filter(Map.of("resource", "document"));

        assertThat(users).containsExactly("user.sign-in");
        assertThat(viewer.eventRows()).isEmpty();
    }

    @Test
    void theCorrelationIdFilterShowsOneRequestAndAClickOnAnIdSetsIt() {
        String rid = requestId();
        String id = createDocument("bob", "Filtered by request", rid);
        as("carol").get("/api/documents/" + id).then().statusCode(200);
        ViewerPage viewer = signedIn("alice");

        viewer.filter(Map.of("correlation-id", rid));
        List<String> typed = viewer.column("resource");
        viewer.filter(Map.of("correlation-id", "", "resource-id", id));
        viewer.clickCorrelationOf(viewer.sequences().get(1));

        assertThat(typed).containsExactly("document " + id);
        assertThat(browser.findElement(By.id("filter-correlation-id")).getAttribute("value")).isEqualTo(rid);
        assertThat(viewer.column("correlation")).containsExactly(rid);
    }

    @Test
    void theTimeRangeIncludesItsStartAndExcludesItsEnd() {
        String id = createdReadAndDenied("Filtered by time");
        List<Map<String, Object>> events = eventsOfResource(id);
        ViewerPage viewer = signedIn("alice");

        viewer.filter(Map.of("resource-id", id, "from", (String) events.get(1).get("timestamp"),
                "to", (String) events.get(2).get("timestamp")));

        assertThat(viewer.column("action")).containsExactly("document.read");
    }

    @Test
    void aRedactedValueIsShownAsStored() throws Exception {
        String id = createDocument("bob", "Card 4111 1111 1111 1111, mail ann@example.com", requestId());
        ViewerPage viewer = signedIn("alice");

        viewer.filter(Map.of("resource-id", id));
        viewer.screenshot("redacted-1280");

        assertThat(viewer.column("context")).singleElement().asString()
                .contains("title=Card [REDACTED], mail [REDACTED]").doesNotContain("4111").doesNotContain("ann@");
    }

    @Test
    void longAndRightToLeftOverrideTitlesKeepTheLayoutAt1280And390Pixels() throws Exception {
        String longId = createDocument("bob", "W".repeat(200), requestId());
        String rloId = createDocument("bob", "invoice \u202Efdp.exe\u202C final", requestId());
        ViewerPage viewer = signedIn("alice");
        viewer.filter(Map.of("subject", "bob", "action", "document.create"));

        for (int width : new int[] {1280, 390}) {
            viewer.width(width);
            viewer.screenshot("hostile-titles-" + width);

            assertThat(viewer.horizontalOverflow()).as("sideways scroll at %d px", width).isZero();
            assertThat(viewer.eventsTableOverflow()).as("events table scrolling at %d px", width).isZero();
            WebElement rlo = browser.findElement(By.cssSelector("#doc-list tr[data-id='" + rloId + "'] td.title"));
            assertThat(rlo.getText()).isEqualTo("invoice [U+202E]fdp.exe[U+202C] final");
            WebElement wide = browser.findElement(By.cssSelector("#doc-list tr[data-id='" + longId + "'] td.title"));
            assertThat(wide.getRect().getWidth()).isLessThanOrEqualTo(width);
        }
        assertThat(viewer.column("context")).anySatisfy(c -> assertThat(c)
                .contains("title=invoice [U+202E]fdp.exe[U+202C] final"));
    }

    @Test
    void theChainCardShowsTheSignedCheckpointAndTheWitnessAt1280And390Pixels() throws Exception {
        for (int i = 0; i < 3; i++) {
            createDocument("bob", "Signed in the browser " + i, requestId());
        }
        long signed = awaitWitnessed();
        ViewerPage viewer = signedIn("alice");

        for (int width : new int[] {1280, 390}) {
            viewer.width(width);
            Map<String, String> anchors = viewer.anchors();
            viewer.screenshot("signed-checkpoint-" + width);

            assertThat(Long.parseLong(anchors.get("checkpoint-size"))).isGreaterThanOrEqualTo(signed);
            assertThat(anchors.get("checkpoint-time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(anchors.get("checkpoint-key")).matches("airlog-demo\\+[0-9a-f]{8}");
            assertThat(anchors.get("witness-location")).startsWith("target/test-data/witness-").endsWith("/demo.witness");
            assertThat(Long.parseLong(anchors.get("witness-size"))).isGreaterThanOrEqualTo(signed);
            assertThat(anchors.get("witness-lag")).matches("\\d+ ms");
            assertThat(anchors.get("witness-failures")).isEqualTo("0");
            assertThat(browser.findElement(By.id("metrics-link")).getAttribute("href")).endsWith("/q/metrics");
            assertThat(viewer.horizontalOverflow()).as("sideways scroll at %d px", width).isZero();
        }
    }

    /** Waits until the witness holds the newest signed checkpoint; its size. */
    private static long awaitWitnessed() throws InterruptedException {
        for (int i = 0; i < 75; i++) {
            JsonPath state = as("alice").get("/api/audit/checkpoint").then().statusCode(200)
                    .extract().jsonPath();
            if (state.get("checkpoint") != null && state.getLong("witness.witnessedSize") >= state.getLong("checkpoint.size")) {
                return state.getLong("checkpoint.size");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the witness did not catch up with the signed checkpoints within 15 s");
    }

    @Test
    void verifyShowsTheChainIntact() throws Exception {
        awaitWitnessed();
        ViewerPage viewer = signedIn("carol");

        WebElement status = viewer.verify();
        viewer.screenshot("verified-1280");

        assertThat(status.getText()).startsWith("Intact").contains("every checksum and link verified", "; signed through ");
        assertThat(viewer.damageTableShown()).isFalse();
        assertThat(viewer.startupBannerShown()).isFalse();
    }
}
