package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.encoding.CanonicalJson;
import io.airlog.encoding.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-file scenarios write one line per event, with the event's content, before the call returns. */
class FileSinksTest {
    private static final int EVENTS = 20;

    @Test
    void airlogsFileHoldsAChainOfEveryEventAsEachCallReturns(@TempDir Path dir) throws Exception {
        List<AuditDraft> drafts = drafts();
        List<String> lines = write(Scenario.AIRLOG_FILE, dir.resolve("airlog.jsonl"), drafts);

        AuditEvent previous = null;
        for (int i = 0; i < EVENTS; i++) {
            AuditEvent e = EventJson.fromJson(lines.get(i));
            assertThat(e.verify()).isTrue();
            assertThat(e.eventId()).isEqualTo(drafts.get(i).eventId());
            assertThat(previous == null || e.follows(previous)).isTrue();
            previous = e;
        }
    }

    @Test
    void log4jsFileHoldsTheEventsFieldsOneObjectPerLineAsEachCallReturns(@TempDir Path dir) throws Exception {
        List<AuditDraft> drafts = drafts();
        List<String> lines = write(Scenario.LOG4J_FILE, dir.resolve("log4j.jsonl"), drafts);

        for (int i = 0; i < EVENTS; i++) {
            AuditDraft d = drafts.get(i);
            Map<?, ?> line = (Map<?, ?>) CanonicalJson.parse(lines.get(i));
            assertThat(line.get("logId")).isEqualTo("bench");
            assertThat(line.get("sequence")).isEqualTo((long) i + 1);
            assertThat(line.get("eventId")).isEqualTo(d.eventId().toString());
            assertThat(line.get("timestamp")).isEqualTo(d.timestamp().toString());
            assertThat(line.get("action")).isEqualTo(d.action());
            assertThat(line.get("principal")).isEqualTo(Map.of("subject", d.principal().subject(), "authMethod",
                    d.principal().authMethod().name(), "metadata", d.principal().metadata()));
            assertThat(line.get("resource")).isEqualTo(d.resource());
            assertThat(line.get("resourceId")).isEqualTo(d.resourceId());
            assertThat(line.get("outcome")).isEqualTo(d.outcome().name());
            assertThat(line.get("correlationId")).isEqualTo(d.correlationId());
            assertThat(line.get("context")).isEqualTo(d.context());
        }
    }

    /** Stores the drafts, checks that every line is in the file before the sink is closed, returns the lines. */
    private static List<String> write(Scenario scenario, Path file, List<AuditDraft> drafts) throws Exception {
        try (Sink sink = scenario.openFile(file, "bench")) {
            for (AuditDraft d : drafts) {
                sink.store(0, d);
            }
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(drafts.size());
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static List<AuditDraft> drafts() {
        List<AuditDraft> drafts = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            drafts.add(Drafts.typical(Drafts.principal(i % 3), i));
        }
        return drafts;
    }
}
