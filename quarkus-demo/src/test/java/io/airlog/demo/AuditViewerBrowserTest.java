package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The audit viewer page, driven in headless Chromium against the running application. */
@QuarkusTest
class AuditViewerBrowserTest {
    private static final Path TARGET = Paths.get(System.getProperty("project.build.directory", "target"));

    @TestHTTPResource("/")
    URL page;

    @Test
    void signedInUserFiltersDeniedEventsAndSeesTheChainVerifiedIntact() throws Exception {
        String id = createDocument("bob", "Browser test plan", requestId());
        as("carol").delete("/api/documents/" + id).then().statusCode(403);
        as("alice").get("/api/documents/" + id).then().statusCode(200);

        ChromeDriver browser = HeadlessChromium.start(TARGET.resolve("chromium"));
        try {
            ViewerPage viewer = ViewerPage.signIn(browser, page.toString(), "alice");
            List<WebElement> denied = viewer.filter("DENIED", id);
            String deniedRow = denied.isEmpty() ? "" : denied.get(0).getText();
            WebElement status = viewer.verify();
            viewer.screenshot(TARGET.resolve("audit-viewer.png"));

            assertThat(denied).hasSize(1);
            assertThat(deniedRow).contains("document.delete", "carol", "PASSWORD", "document " + id, "DENIED");
            assertThat(status.getText()).startsWith("Intact").contains("every checksum and link verified");
            assertThat(viewer.damageTableShown()).isFalse();
            assertThat(viewer.readiness()).isEqualTo("UP");
        } finally {
            browser.quit();
        }
    }
}
