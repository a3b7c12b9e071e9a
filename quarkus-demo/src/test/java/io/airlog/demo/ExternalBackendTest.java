package io.airlog.demo;

import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.stream.JsonLinesReader;
import io.airlog.stream.JsonLinesVerifier;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo with a backend it does not know: the {@code journal} backend of airlog-test-backend
 * (a test dependency), selected by configuration alone, records the {@code @AuditLog} calls
 * on Quarkus.
 */
@QuarkusTest
@TestProfile(ExternalBackendTest.Journal.class)
class ExternalBackendTest {
    static final Path JOURNAL = Path.of(System.getProperty("project.build.directory", "target"),
            "journal-" + UUID.randomUUID() + ".jsonl");

    /** The journal backend instead of jdbc; it does not sign, so the demo's key is switched off. */
    public static class Journal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airlog.backend", "journal", "airlog.journal.file", JOURNAL.toString(),
                    "airlog.write-mode", "async",
                    "airlog.checkpoint.enabled", "false");
        }
    }

    @Test
    void auditedCallsAreRecordedInTheJournal() throws Exception {
        String rid = requestId();
        String id = createDocument("alice", "Journaled", rid);

        List<AuditEvent> events = List.of();
        while (events.stream().noneMatch(e -> rid.equals(e.correlationId()))) {
            Thread.sleep(20); // async write mode: the batch is stored just after the call returned
            try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(JOURNAL)) {
                events = lines.map(JsonLinesReader.Line::event).toList();
            }
        }

        assertThat(events).filteredOn(e -> rid.equals(e.correlationId())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("document.create");
            assertThat(e.resourceId()).isEqualTo(id);
            assertThat(e.principal().subject()).isEqualTo("alice");
        });
        assertThat(JsonLinesVerifier.verify(JOURNAL, "demo").intact()).isTrue();
    }
}
