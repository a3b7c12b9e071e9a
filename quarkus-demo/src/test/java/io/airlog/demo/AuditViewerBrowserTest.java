package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The audit viewer page, driven in headless Chromium against the running application. */
@QuarkusTest
class AuditViewerBrowserTest {
    private static final Path TARGET = Paths.get(System.getProperty("project.build.directory", "target"));
    static final Path SCREENSHOT = TARGET.resolve("audit-viewer.png");

    @TestHTTPResource("/")
    URL page;

    @Test
    void signedInUserFiltersDeniedEventsAndSeesTheChainVerifiedIntact() throws Exception {
        String id = createDocument("bob", "Browser test plan", requestId());
        as("carol").delete("/api/documents/" + id).then().statusCode(403);
        as("alice").get("/api/documents/" + id).then().statusCode(200);

        ChromeDriver browser = HeadlessChromium.start(TARGET.resolve("chromium"));
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(page.toString());

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("alice");
            browser.findElement(By.id("login-password")).sendKeys("alice");
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("who-name"), "alice"));
            wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("events-body")), "data-query"));

            new Select(browser.findElement(By.id("filter-outcome"))).selectByVisibleText("DENIED");
            browser.findElement(By.id("filter-resource-id")).sendKeys(id);
            browser.findElement(By.id("filter-apply")).click();
            wait.until(ExpectedConditions.attributeContains(By.id("events-body"), "data-query", "outcome=DENIED"));
            List<WebElement> rows = browser.findElements(By.cssSelector("#events-body tr[data-sequence]"));
            assertThat(rows).hasSize(1);
            String denied = rows.get(0).getText();

            browser.findElement(By.id("verify-button")).click();
            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#verify-status.intact")));

            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

            assertThat(denied).contains("document.delete", "carol", "document " + id, "DENIED");
            assertThat(status.getText()).startsWith("Intact").contains("every checksum and link verified");
            assertThat(browser.findElement(By.id("damage-table")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("readiness")).getText()).isEqualTo("UP");
        } finally {
            browser.quit();
        }
    }
}
