package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditIntegrityException;
import io.airlog.cdi.internal.AirlogStartup;
import io.airlog.cdi.servlet.AirlogServletInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a servlet container the start-up check runs when the web module starts
 * ({@link AirlogServletInitializer}), not on the CDI {@code Startup} event, which Payara
 * delivers to library bean archives before the module's resources exist.
 */
class ServletStartupTest {
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeThreeEvents() {
        file = dir.resolve("audit.jsonl");
        try (TestContainer c = webModule().start()) {
            new AirlogServletInitializer().onStartup(Set.of(), ServletContextBean.CONTEXT);
            AccountService accounts = c.select(AccountService.class);
            accounts.open("A-1", "EUR");
            accounts.open("A-2", "EUR");
            accounts.open("A-3", "EUR");
        }
    }

    private TestContainer.Builder webModule() {
        return TestContainer.builder().property("airlog.backend", "json").property("airlog.json.file", file)
                .property("airlog.log-id", "ledger").property("airlog.verify.on-startup", "full")
                .property("airlog.verify.on-failure", "fail").beans(AccountService.class, ServletContextBean.class);
    }

    @Test
    void startupEventLeavesTheCheckToTheWebModule() throws IOException {
        tamperSecondLine();

        try (TestContainer c = webModule().start()) {
            assertThat(c.select(AirlogStartup.class).completed()).isFalse();
        }
    }

    @Test
    void webModuleStartRunsTheCheckAndFailsOnADamagedLog() throws IOException {
        tamperSecondLine();

        try (TestContainer c = webModule().start()) {
            AirlogServletInitializer initializer = new AirlogServletInitializer();

            assertThatThrownBy(() -> initializer.onStartup(Set.of(), ServletContextBean.CONTEXT))
                    .isInstanceOf(AuditIntegrityException.class)
                    .hasMessageContaining("log 'ledger', sequence 2");
        }
    }

    @Test
    void webModuleStartRunsTheCheckOnce() throws IOException {
        try (TestContainer c = webModule().start()) {
            AirlogServletInitializer initializer = new AirlogServletInitializer();
            initializer.onStartup(Set.of(), ServletContextBean.CONTEXT);
            tamperSecondLine();

            initializer.onStartup(Set.of(), ServletContextBean.CONTEXT);

            AirlogStartup startup = c.select(AirlogStartup.class);
            assertThat(startup.completed()).isTrue();
            assertThat(startup.checks().get("default").intact()).isTrue();
        }
    }

    private void tamperSecondLine() throws IOException {
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replace("A-2", "A-9"));
        Files.write(file, lines);
    }
}
