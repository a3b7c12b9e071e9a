package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.cdi.internal.AirlogStartup;
import io.airlog.stream.JsonLinesVerifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend that airlog-cdi does not know: the {@code journal} backend of the separate module
 * airlog-test-backend, on the test class path only and selected by configuration alone (this
 * class uses none of its types).
 */
class ExternalBackendTest {
    @TempDir
    Path dir;

    private TestContainer.Builder journal(Path file) {
        return TestContainer.builder().property("airlog.backend", "journal").property("airlog.journal.file", file)
                .property("airlog.log-id", "ledger").beans(AccountService.class);
    }

    @Test
    void auditedCallsAreRecordedInTheBackendConfigurationSelects() {
        Path file = dir.resolve("ledger.jsonl");
        try (TestContainer c = journal(file).start()) {
            AccountService accounts = c.select(AccountService.class);
            accounts.open("A-1", "EUR");
            accounts.open("A-2", "USD");

            assertThat(c.events()).extracting(AuditEvent::resourceId).containsExactly("A-1", "A-2");
        }

        assertThat(JsonLinesVerifier.verify(file, "ledger").eventsRead()).isEqualTo(2);
        assertThat(JsonLinesVerifier.verify(file, "ledger").intact()).isTrue();
    }

    @Test
    void itsOwnKeysAndTheWriterKeysReachIt() {
        Path file = dir.resolve("async.jsonl");
        try (TestContainer c = journal(file).property("airlog.journal.fsync", "true")
                .property("airlog.write-mode", "async").property("airlog.batch.max-size", 4).start()) {
            AuditStream stream = c.select(AuditStream.class);
            assertThat(stream.capabilities()).contains(Capability.ASYNC, Capability.BATCHING, Capability.QUERY);
            for (int i = 0; i < 10; i++) {
                c.select(AccountService.class).open("A-" + i, "EUR");
            }
        }

        assertThat(JsonLinesVerifier.verify(file, "ledger").eventsRead()).isEqualTo(10);
    }

    @Test
    void itsStoredLogIsVerifiedAtTheNextStart() {
        Path file = dir.resolve("checked.jsonl");
        try (TestContainer c = journal(file).start()) {
            c.select(AccountService.class).open("A-1", "EUR");
        }

        try (TestContainer c = journal(file).property("airlog.verify.on-startup", "full").start()) {
            assertThat(c.select(AirlogStartup.class).checks().get("default")).satisfies(check -> {
                assertThat(check.chain()).isEqualTo("intact");
                assertThat(check.summary()).contains("1 events read");
            });
            c.select(AccountService.class).open("A-2", "EUR");
            assertThat(((AuditLogReader) c.select(AuditStream.class)).head().size()).isEqualTo(2);
        }
    }

    @Test
    void itCanBeAFanOutStreamOfAnotherBackend() {
        Path file = dir.resolve("copy.jsonl");
        try (TestContainer c = TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.fan-out.best-effort", "copy").property("airlog.streams.copy.backend", "journal")
                .property("airlog.streams.copy.journal.file", file).beans(AccountService.class).start()) {
            c.select(AccountService.class).open("A-1", "EUR");
        }

        assertThat(JsonLinesVerifier.verify(file, "copy").eventsRead()).isEqualTo(1);
    }
}
