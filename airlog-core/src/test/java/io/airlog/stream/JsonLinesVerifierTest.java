package io.airlog.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.testkit.JsonLinesTamperContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tamper suite on files the JSON-lines stream wrote, and the verifier's command line. */
class JsonLinesVerifierTest extends JsonLinesTamperContract {

    @Override
    protected void write(Path target, List<AuditDraft> drafts) {
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(target, LOG_ID)) {
            drafts.forEach(s::record);
        }
    }

    @Test
    void commandLineExitsZeroWhenIntactAndOneWithTheDamagedLineWhenNot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(JsonLinesVerifier.run(new String[] {file.toString()}, print, print)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact");

        lines.remove(1);
        Files.write(file, lines);
        out.reset();
        assertThat(JsonLinesVerifier.run(new String[] {file.toString(), "--log", "app"}, print, print)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("MISSING").contains("line 2");
        assertThat(JsonLinesVerifier.run(new String[] {}, print, print)).isEqualTo(2);
    }
}
