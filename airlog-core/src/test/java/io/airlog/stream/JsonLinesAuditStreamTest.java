package io.airlog.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.encoding.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditStreamTest {
    @TempDir
    Path dir;

    @Test
    void reopenedFileContinuesTheChain() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(file, "app")) {
            s.record(AuditDraft.builder("one"));
            s.record(AuditDraft.builder("two"));
        }
        AuditEvent third;
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(file, "app", JsonLinesDurability.FSYNC)) {
            third = s.record(AuditDraft.builder("three"));
        }
        assertThat(third.sequence()).isEqualTo(3);
        assertThat(JsonLinesVerifier.verify(file).intact()).isTrue();
    }

    @Test
    void fileOfAnotherLogIsRefused() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(file, "app")) {
            s.record(AuditDraft.builder("one"));
        }
        assertThatThrownBy(() -> JsonLinesAuditStream.toFile(file, "other"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds log 'app'");
    }

    @Test
    void fileEndingInAPartialLineIsRefusedAndReported() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(file, "app")) {
            s.record(AuditDraft.builder("one"));
        }
        Files.writeString(file, "{\"v\":1,\"logId\":\"app\"", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> JsonLinesAuditStream.toFile(file, "app"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("incomplete line");
        assertThat(JsonLinesVerifier.verify(file).damages()).singleElement()
                .satisfies(d -> assertThat(d.position()).isEqualTo(2));
    }

    @Test
    void fileWhoseLastEventWasEditedIsRefused() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(file, "app")) {
            s.record(AuditDraft.builder("one"));
        }
        Files.writeString(file, Files.readString(file).replace("\"one\"", "\"won\""));
        assertThatThrownBy(() -> JsonLinesAuditStream.toFile(file, "app"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not verify");
    }

    @Test
    void linesWrittenToAWriterParseBackIntoEventsThatVerify() {
        StringWriter out = new StringWriter();
        AuditEvent recorded;
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toWriter(out, "app", false)) {
            recorded = s.record(AuditDraft.builder("write").put("k", List.of(1, "two")));
        }
        String line = out.toString();
        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        AuditEvent parsed = EventJson.fromJson(line.strip());
        assertThat(parsed).isEqualTo(recorded);
        assertThat(parsed.verify()).isTrue();
    }

    @Test
    void outputStreamReceivesUtf8Lines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toOutputStream(bytes, "app", false)) {
            s.record(AuditDraft.builder("caf\u00e9 \uD83D\uDE00"));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(EventJson.fromJson(text.strip()).action()).isEqualTo("caf\u00e9 \uD83D\uDE00");
    }

    @Test
    void writeFailureFailsTheCallerWithoutAdvancingAndStopsTheStream() {
        java.io.Writer broken = new java.io.Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        JsonLinesAuditStream s = JsonLinesAuditStream.toWriter(broken, "app", false);
        assertThatThrownBy(() -> s.record(AuditDraft.builder("one")))
                .isInstanceOf(io.airlog.AuditException.class).hasMessageContaining("disk full");
        assertThat(s.head().size()).isZero();
        assertThat(s.health().up()).isFalse();
        assertThat(s.health().failed()).isEqualTo(1);
    }
}
