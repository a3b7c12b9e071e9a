package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.airlog.AuditEvent;
import io.airlog.merkle.TreeEdge;
import io.airlog.merkle.Digest;
import io.airlog.stream.JsonLinesReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proofs {@code airlog prove} and {@code airlog consistency} print pass the independent
 * Python implementation of docs/checkpoint-vectors.py (written from RFC 9162, C2SP and RFC 8032),
 * and altered ones fail it.
 */
class IndependentProofCheckTest {
    private static final Path PROGRAM = Path.of("..", "docs", "checkpoint-vectors.py");

    @TempDir
    Path dir;

    @Test
    void printedProofsPassTheIndependentProgramAndAlteredOnesFailIt() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 37, null);
        List<AuditEvent> events;
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            events = lines.filter(JsonLinesReader.Line::isEvent).map(JsonLinesReader.Line::event).toList();
        }
        String keys = TestFiles.keys(dir).toString();
        StringWriter cases = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(cases)) {
            g.writeStartArray();
            for (int seq : new int[] {1, 2, 16, 17, 32, 37}) {
                String proof = Cli.run("prove", file.toString(), "--seq", String.valueOf(seq), "--keys", keys).out();
                String leaf = events.get(seq - 1).checksum();
                inclusion(g, "inclusion of " + seq, proof, leaf, true);
                inclusion(g, "inclusion of " + seq + " for another leaf", proof, events.get(seq % 37).checksum(),
                        false);
            }
            for (int old : new int[] {0, 1, 8, 13, 32, 36, 37}) {
                String proof = Cli.run("consistency", file.toString(), "--old", String.valueOf(old), "--keys", keys)
                        .out();
                TreeEdge edge = TreeEdge.empty();
                for (AuditEvent e : events.subList(0, old)) {
                    edge = edge.append(Digest.fromHex(e.checksum()));
                }
                consistency(g, "consistency from " + old, proof, edge.root().base64(), true);
                if (old > 0 && old < 37) {
                    consistency(g, "consistency from " + old + " with another old root", proof,
                            edge.append(edge.root()).root().base64(), false);
                }
            }
            g.writeEndArray();
        }
        Path input = Files.writeString(dir.resolve("cases.json"), cases.toString());
        Path driver = dir.resolve("check_proofs.py");
        try (var in = getClass().getResourceAsStream("check_proofs.py")) {
            Files.copy(in, driver);
        }

        Process python = new ProcessBuilder("python3", driver.toString(), PROGRAM.toString(), input.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(output).as(output).contains("24 passed, 0 failed");
        assertThat(python.exitValue()).isZero();
    }

    private static void inclusion(JsonGenerator g, String name, String text, String leaf, boolean valid)
            throws Exception {
        common(g, "inclusion", name, text, valid);
        g.writeStringField("leaf", leaf);
        g.writeEndObject();
    }

    private static void consistency(JsonGenerator g, String name, String text, String oldRoot, boolean valid)
            throws Exception {
        common(g, "consistency", name, text, valid);
        g.writeStringField("oldRoot", oldRoot);
        g.writeEndObject();
    }

    private static void common(JsonGenerator g, String kind, String name, String text, boolean valid)
            throws Exception {
        assertThat(text).as(name).isNotEmpty();
        g.writeStartObject();
        g.writeStringField("kind", kind);
        g.writeStringField("name", name);
        g.writeStringField("text", text);
        g.writeArrayFieldStart("trusted");
        g.writeString(TestFiles.KEY.verifierKey().encode());
        g.writeEndArray();
        g.writeStringField("origin", "airlog/app");
        g.writeBooleanField("valid", valid);
    }
}
