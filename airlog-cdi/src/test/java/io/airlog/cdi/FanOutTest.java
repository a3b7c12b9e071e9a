package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.pipeline.AuditDeliveryException;
import io.airlog.stream.JsonLinesReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One audited call, several streams from configuration: each fan-out stream stores a copy,
 * and a failing one fails the call (required) or is counted (best-effort). A failing stream
 * is a real one: a JSON-lines stream writing to {@code /dev/full}, where every write fails
 * with "No space left on device".
 */
class FanOutTest {
    private static final String FULL_DISK = "/dev/full";

    @TempDir
    Path dir;

    private static TestContainer.Builder memory() {
        return TestContainer.builder().property("airlog.backend", "memory").beans(AccountService.class, StreamConsumer.class)
                .property("airlog.streams.security.backend", "memory");
    }

    private static List<AuditEvent> read(Path file) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            return lines.map(JsonLinesReader.Line::event).toList();
        }
    }

    @Test
    void everyFanOutStreamStoresACopyUnderTheSameEventId() {
        Path archive = dir.resolve("archive.jsonl");
        try (TestContainer c = memory().property("airlog.fan-out.required", "archive")
                .property("airlog.fan-out.best-effort", "security")
                .property("airlog.streams.archive.backend", "json")
                .property("airlog.streams.archive.json.file", archive).start()) {
            c.select(AccountService.class).open("A-1", "EUR");

            AuditEvent stored = c.events().get(0);
            assertThat(TestContainer.stored(c.select(StreamConsumer.class).security())).singleElement()
                    .satisfies(copy -> assertThat(copy.eventId()).isEqualTo(stored.eventId()));
            assertThat(read(archive)).singleElement().satisfies(copy -> {
                assertThat(copy.eventId()).isEqualTo(stored.eventId());
                assertThat(copy.logId()).isEqualTo("archive");
            });
        }
    }

    @Test
    void aFailingBestEffortStreamIsCountedAndTheCallSucceeds() {
        try (TestContainer c = memory().property("airlog.fan-out.best-effort", "archive")
                .property("airlog.streams.archive.backend", "json")
                .property("airlog.streams.archive.json.file", FULL_DISK).start()) {
            assertThat(c.select(AccountService.class).open("A-1", "EUR")).isEqualTo("opened A-1");

            assertThat(c.events()).hasSize(1);
            AuditStream stream = c.select(AuditStream.class);
            assertThat(stream.health().detail()).contains("failed deliveries 1")
                    .contains("best-effort stream 'archive' is down");
            assertThat(stream.health().up()).isTrue();
        }
    }

    @Test
    void aFailingRequiredStreamFailsTheCallAndSaysWhereTheEventIsStored() {
        try (TestContainer c = memory().property("airlog.fan-out.required", "archive")
                .property("airlog.streams.archive.backend", "json")
                .property("airlog.streams.archive.json.file", FULL_DISK).start()) {
            assertThatThrownBy(() -> c.select(AccountService.class).open("A-1", "EUR"))
                    .isInstanceOfSatisfying(AuditDeliveryException.class, e -> {
                        assertThat(e.delivered()).containsOnlyKeys("default");
                        assertThat(e.failures()).containsOnlyKeys("archive");
                    })
                    .hasMessageContaining("No space left on device");
            assertThat(c.select(AuditStream.class).health().up()).isFalse();
        }
    }

    @Test
    void aCopyIsRedactedAsItsTargetStreamSays() {
        try (TestContainer c = memory().property("airlog.fan-out.required", "security")
                .property("airlog.streams.security.redact.keys", "currency").start()) {
            c.select(AccountService.class).open("A-1", "EUR");

            assertThat(c.events().get(0).context()).containsEntry("currency", "EUR");
            assertThat(TestContainer.stored(c.select(StreamConsumer.class).security()).get(0).context())
                    .containsEntry("currency", "[REDACTED]");
        }
    }

    @Test
    void aFanOutToAnUndeclaredStreamFailsTheStartNamingTheKey() {
        assertThat(memory().property("airlog.fan-out.best-effort", "otel").startFailure())
                .hasStackTraceContaining("airlog.fan-out.best-effort: audit stream 'otel' is not configured: set "
                        + "airlog.streams.otel.backend");
    }

    @Test
    void aStreamCannotFanOutToItself() {
        assertThat(memory().property("airlog.streams.security.fan-out.required", "security").startFailure())
                .hasStackTraceContaining("airlog.streams.security.fan-out.required: invalid value 'security'; "
                        + "a stream cannot fan out to itself");
    }

    @Test
    void aNamedStreamDoesNotInheritTheDefaultStreamsFanOut() {
        try (TestContainer c = memory().property("airlog.fan-out.required", "security").start()) {
            c.select(StreamConsumer.class).security().record(io.airlog.AuditDraft.builder("direct"));

            assertThat(c.events()).isEmpty();
            assertThat(TestContainer.stored(c.select(StreamConsumer.class).security())).hasSize(1);
        }
    }
}
