package io.airlog.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The audit viewer page as a user works it, in a browser. */
final class ViewerPage {
    private final WebDriver browser;
    private final WebDriverWait wait;

    private ViewerPage(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Opens the page at {@code url} and signs in through its form as {@code user} (password = user name). */
    static ViewerPage signIn(WebDriver browser, String url, String user) {
        ViewerPage page = new ViewerPage(browser);
        browser.get(url);
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(user);
        browser.findElement(By.id("login-submit")).click();
        page.wait.until(ExpectedConditions.textToBe(By.id("who-name"), user));
        page.wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("events-body")), "data-query"));
        return page;
    }

    /** Shows only events with this outcome and resource id; the rows shown then. */
    List<WebElement> filter(String outcome, String resourceId) {
        new Select(browser.findElement(By.id("filter-outcome"))).selectByVisibleText(outcome);
        browser.findElement(By.id("filter-resource-id")).sendKeys(resourceId);
        browser.findElement(By.id("filter-apply")).click();
        wait.until(ExpectedConditions.attributeContains(By.id("events-body"), "data-query", "resourceId=" + resourceId));
        return browser.findElements(By.cssSelector("#events-body tr[data-sequence]"));
    }

    /** Presses "Verify chain"; the status box once the result is shown. */
    WebElement verify() {
        browser.findElement(By.id("verify-button")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#verify-status.intact, #verify-status.damaged")));
    }

    /** The rows of the damage table (position, sequence, kind, detail), each as its cells' text. */
    List<List<String>> damages() {
        return browser.findElements(By.cssSelector("#damage-list tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    /** Whether the damage table is shown. */
    boolean damageTableShown() {
        return browser.findElement(By.id("damage-table")).isDisplayed();
    }

    /** The readiness shown in the status line. */
    String readiness() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#readiness.up, #readiness.down")))
                .getText();
    }

    /** Saves what the browser shows as a PNG file. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
