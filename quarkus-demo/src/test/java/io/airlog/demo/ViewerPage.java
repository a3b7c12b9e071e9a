package io.airlog.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The audit viewer page as a user works it, in a browser. */
final class ViewerPage {
    /** Where screenshots are kept: {@code target/screenshots/}. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("project.build.directory", "target"), "screenshots");

    private final WebDriver browser;
    private final WebDriverWait wait;

    ViewerPage(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Opens the page at {@code url} signed out (any session cookie of an earlier test is dropped). */
    ViewerPage open(String url) {
        browser.get(url);
        browser.manage().deleteAllCookies();
        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        return this;
    }

    /** Opens the page and signs in through its form as {@code user} (password = user name). */
    static ViewerPage signIn(WebDriver browser, String url, String user) {
        ViewerPage page = new ViewerPage(browser).open(url);
        page.submitSignIn(user, user);
        page.awaitSignedIn(user);
        return page;
    }

    /** Types a user name and password into the sign-in form and submits it. */
    void submitSignIn(String user, String password) {
        WebElement name = browser.findElement(By.id("login-user"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("login-password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    /** Presses the one-click button of {@code user}. */
    void quickSignIn(String user) {
        browser.findElement(By.cssSelector(".chip[data-user='" + user + "']")).click();
    }

    /** Waits until the page shows {@code user} signed in and has loaded the events. */
    void awaitSignedIn(String user) {
        wait.until(ExpectedConditions.textToBe(By.id("who-name"), user));
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("events-body")), "data-loads"));
    }

    /** The sign-in error once it is shown. */
    WebElement signInError() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    }

    /** Whether the sign-in form is shown. */
    boolean signInFormShown() {
        return browser.findElement(By.id("login")).isDisplayed();
    }

    /** Sets the filter fields given (field id without {@code filter-} to value; blank clears) and applies them. */
    void filter(Map<String, String> fields) {
        for (Map.Entry<String, String> f : fields.entrySet()) {
            WebElement field = browser.findElement(By.id("filter-" + f.getKey()));
            if (field.getTagName().equals("select") && f.getValue().isEmpty()) {
                new Select(field).selectByValue("");
            } else if (field.getTagName().equals("select")) {
                new Select(field).selectByVisibleText(f.getValue());
            } else {
                field.clear();
                field.sendKeys(f.getValue());
            }
        }
        afterEventsLoad(() -> browser.findElement(By.id("filter-apply")).click());
    }

    /** Sets the page size (reloads the events). */
    void pageSize(int size) {
        afterEventsLoad(() -> new Select(browser.findElement(By.id("page-size")))
                .selectByVisibleText(Integer.toString(size)));
    }

    /** Presses a pager button: {@code newest}, {@code newer}, {@code older} or {@code oldest}. */
    void page(String which) {
        afterEventsLoad(() -> browser.findElement(By.id("page-" + which)).click());
    }

    /** Clicks the correlation id shown in the row of {@code sequence} (it becomes the filter). */
    void clickCorrelationOf(long sequence) {
        afterEventsLoad(() -> browser.findElement(
                By.cssSelector("#events-body tr[data-sequence='" + sequence + "'] td.correlation button")).click());
    }

    private void afterEventsLoad(Runnable action) {
        WebElement body = browser.findElement(By.id("events-body"));
        String before = body.getAttribute("data-loads");
        action.run();
        wait.until(d -> !String.valueOf(before).equals(body.getAttribute("data-loads")));
    }

    /** The event rows shown, top to bottom. */
    List<WebElement> eventRows() {
        return browser.findElements(By.cssSelector("#events-body tr[data-sequence]"));
    }

    /** The sequences of the rows shown, top to bottom. */
    List<Long> sequences() {
        return eventRows().stream().map(r -> Long.parseLong(r.getAttribute("data-sequence"))).toList();
    }

    /** The text of one column ({@code action}, {@code subject}, {@code context}, ...) of every row shown. */
    List<String> column(String cellClass) {
        return eventRows().stream().map(r -> r.findElement(By.cssSelector("td." + cellClass)).getText()).toList();
    }

    /** The pager's text ("Events 1–10 of 13 (newest first)"). */
    String pageInfo() {
        return browser.findElement(By.id("page-info")).getText();
    }

    /** Whether a pager button is enabled. */
    boolean pagerEnabled(String which) {
        return browser.findElement(By.id("page-" + which)).isEnabled();
    }

    /** The document rows shown. */
    List<WebElement> documentRows() {
        return browser.findElements(By.cssSelector("#doc-list tr[data-id]"));
    }

    /** Presses "Verify chain"; the status box once the result is shown. */
    WebElement verify() {
        browser.findElement(By.id("verify-button")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#verify-status[data-source='verification']")));
    }

    /** The status box once it shows the start-up check's finding. */
    WebElement startupFinding() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#verify-status[data-source='start-up check']")));
    }

    /** The warn-mode banner, once shown. */
    WebElement startupBanner() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("startup-banner")));
    }

    /** Whether the warn-mode banner is shown. */
    boolean startupBannerShown() {
        return browser.findElement(By.id("startup-banner")).isDisplayed();
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

    /**
     * The chain card's newest signed checkpoint and witness, once loaded: {@code checkpoint-size},
     * {@code checkpoint-time}, {@code checkpoint-key}, {@code witness-location}, {@code witness-size},
     * {@code witness-lag}, {@code witness-failures}, each the text shown.
     */
    Map<String, String> anchors() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#anchors[data-signing]")));
        Map<String, String> shown = new LinkedHashMap<>();
        for (String id : List.of("checkpoint-size", "checkpoint-time", "checkpoint-key", "witness-location",
                "witness-size", "witness-lag", "witness-failures")) {
            shown.put(id, browser.findElement(By.id(id)).getText());
        }
        return shown;
    }

    /** The readiness shown in the status line. */
    String readiness() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#readiness.up, #readiness.down")))
                .getText();
    }

    /** Resizes the window to {@code width} CSS pixels (and a tall height). */
    void width(int width) {
        browser.manage().window().setSize(new Dimension(width, 1000));
        wait.until(d -> ((Number) js("return window.innerWidth")).intValue() == width);
    }

    /** How far the page scrolls sideways: 0 when it fits its window. */
    long horizontalOverflow() {
        return ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
    }

    /** How far the events table scrolls sideways inside its box: 0 when every column is in view. */
    long eventsTableOverflow() {
        return ((Number) js("const box = document.querySelector('table.events').parentElement;"
                + " return box.scrollWidth - box.clientWidth")).longValue();
    }

    /** Saves the whole page (the window made as tall as the page) as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 20, 16_000)));
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.createDirectories(SCREENSHOTS);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(size);
        return file;
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
