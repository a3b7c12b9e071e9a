package io.airlog.demo;

import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.eventsOf;
import static io.airlog.demo.DemoApi.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.ocsf.OcsfSchema;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's best-effort OCSF copy for a SIEM: every event also lands, valid, in the OCSF file. */
@QuarkusTest
class OcsfCopyTest {
    private static final Path FILE = Path.of("target/test-data/audit-ocsf.jsonl");

    @Test
    void aCreatedDocumentIsAlsoAnOcsfEntityManagementEventInTheSiemFile() throws Exception {
        String rid = requestId();
        createDocument("alice", "For the SIEM", rid);
        List<Map<String, Object>> events = eventsOf(rid);
        assertThat(events).extracting(e -> e.get("action")).contains("document.create");
        String eventId = (String) events.stream().filter(e -> "document.create".equals(e.get("action")))
                .findFirst().orElseThrow().get("eventId");

        List<String> lines = Files.readAllLines(FILE).stream().filter(l -> l.contains(eventId)).toList();

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"class_uid\":3004").contains("\"name\":\"airlog-demo\"")
                .contains("\"correlation_uid\":\"" + rid + "\"");
        assertThat(OcsfSchema.shipped().validate(lines.get(0)).valid()).isTrue();
    }
}
