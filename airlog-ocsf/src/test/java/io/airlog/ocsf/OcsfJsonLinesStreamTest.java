package io.airlog.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuthMethod;
import io.airlog.Principal;
import io.airlog.ocsf.internal.Json;
import io.airlog.stream.InMemoryAuditStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcsfJsonLinesStreamTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> airlog(String line) {
        Map<String, Object> event = (Map<String, Object>) Json.parse(line);
        return (Map<String, Object>) ((Map<String, Object>) event.get("unmapped")).get("airlog");
    }

    @Test
    void streamWritesOneValidOcsfEventPerLine() throws Exception {
        Path file = dir.resolve("siem.jsonl");
        try (OcsfJsonLinesStream stream = OcsfJsonLinesStream.toFile(file, "bank", OcsfMapper.defaults(), true)) {
            stream.record(AuditDraft.builder("login").principal(Principal.of("alice", AuthMethod.PASSWORD)));
            stream.record(AuditDraft.builder("transfer.create").resource("Account", "A-1").put("amount", 12));
        }

        List<String> lines = Files.readAllLines(file);

        assertThat(lines).hasSize(2).allSatisfy(line ->
                assertThat(OcsfSchema.shipped().validate(line).violations()).isEmpty());
        assertThat(lines.get(0)).contains("\"class_uid\":3002");
        assertThat(lines.get(1)).contains("\"class_uid\":6003");
        assertThat(airlog(lines.get(1))).containsEntry("sequence", 2);
    }

    @Test
    void reopenedFileContinuesTheChainOfItsLastLine() throws Exception {
        Path file = dir.resolve("siem.jsonl");
        AuditEvent first;
        try (OcsfJsonLinesStream stream = OcsfJsonLinesStream.toFile(file, "bank", OcsfMapper.defaults(), true)) {
            first = stream.record(AuditDraft.builder("a"));
        }

        AuditEvent second;
        try (OcsfJsonLinesStream stream = OcsfJsonLinesStream.toFile(file, "bank", OcsfMapper.defaults(), true)) {
            second = stream.record(AuditDraft.builder("b"));
        }

        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.follows(first)).isTrue();
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void fileOfAnotherLogIsRefused() {
        Path file = dir.resolve("siem.jsonl");
        try (OcsfJsonLinesStream stream = OcsfJsonLinesStream.toFile(file, "bank", OcsfMapper.defaults(), true)) {
            stream.record(AuditDraft.builder("a"));
        }

        assertThatThrownBy(() -> OcsfJsonLinesStream.toFile(file, "shop", OcsfMapper.defaults(), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds log 'bank', not 'shop'");
    }

    @Test
    void fileEndingInAPartialLineIsRefused() throws Exception {
        Path file = dir.resolve("siem.jsonl");
        Files.writeString(file, "{\"class_uid\":6003");

        assertThatThrownBy(() -> OcsfJsonLinesStream.toFile(file, "bank", OcsfMapper.defaults(), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("incomplete line");
    }

    @Test
    void invalidOcsfEventIsNotStoredAndDoesNotUseItsSequence() {
        OcsfMapper mapper = OcsfMapper.builder().rule("grant", OcsfClass.AUTHORIZE_SESSION).build();
        StringWriter out = new StringWriter();
        try (OcsfJsonLinesStream stream = OcsfJsonLinesStream.toWriter(out, "bank", mapper, true, true)) {
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("grant")))
                    .isInstanceOf(AuditException.class).hasCauseInstanceOf(InvalidOcsfEventException.class)
                    .hasMessageContaining("needs at least one of [privileges, groups, iam_roles]");

            assertThat(out.toString()).isEmpty();
            assertThat(stream.record(AuditDraft.builder("transfer")).sequence()).isEqualTo(1);
        }
    }

    @Test
    void withoutValidationAnInvalidEventIsWritten() {
        OcsfMapper mapper = OcsfMapper.builder().rule("grant", OcsfClass.AUTHORIZE_SESSION).build();
        StringWriter out = new StringWriter();
        try (OcsfJsonLinesStream stream = OcsfJsonLinesStream.toWriter(out, "bank", mapper, false, true)) {
            stream.record(AuditDraft.builder("grant"));
        }

        assertThat(OcsfSchema.shipped().validate(out.toString().strip()).valid()).isFalse();
    }

    @Test
    void writerExportsAReplayedLogOneLinePerEvent() {
        InMemoryAuditStream log = InMemoryAuditStream.of("bank");
        for (int i = 0; i < 5; i++) {
            log.record(AuditDraft.builder("transfer.create").put("i", i));
        }
        StringWriter out = new StringWriter();

        long written;
        try (OcsfJsonLinesWriter writer = OcsfJsonLinesWriter.toWriter(out, OcsfMapper.defaults(), true, true);
             Stream<AuditEvent> events = log.replay(1, Long.MAX_VALUE)) {
            written = writer.writeAll(events);
        }

        List<String> lines = out.toString().lines().toList();
        assertThat(written).isEqualTo(5);
        assertThat(lines).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(airlog(lines.get(i))).containsEntry("sequence", i + 1)
                    .containsEntry("checksum", log.events().get(i).checksum());
        }
    }

    @Test
    void closedWriterRefusesEvents() {
        OcsfJsonLinesWriter writer = OcsfJsonLinesWriter.toWriter(new StringWriter(), OcsfMapper.defaults(), true, true);
        writer.close();
        AuditEvent e = AuditDraft.builder("x").build().seal("bank", 1, Events.PREVIOUS);

        assertThatThrownBy(() -> writer.write(e)).isInstanceOf(IllegalStateException.class);
    }
}
