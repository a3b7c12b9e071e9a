package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.stream.JsonLinesAuditStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlog verify FILE}: what JsonLinesVerifier's command line did, and more. */
class VerifyFileTest {
    @TempDir
    Path dir;

    private Path plainFile(int count) {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(file, "app")) {
            for (int i = 1; i <= count; i++) {
                s.record(AuditDraft.builder("act").put("i", i));
            }
        }
        return file;
    }

    @Test
    void exitsZeroWhenIntactAndOneWithTheDamagedLineWhenNot() throws Exception {
        Path file = plainFile(4);
        Cli.Result intact = Cli.run("verify", file.toString());
        assertThat(intact.status()).as(intact.toString()).isZero();
        assertThat(intact.out()).contains("log 'app' intact: 4 events read").contains("not checked: signed checkpoints");

        List<String> lines = TestFiles.lines(file);
        lines.remove(1);
        Files.write(file, lines);
        Cli.Result damaged = Cli.run("verify", file.toString(), "--log", "app");
        assertThat(damaged.status()).isEqualTo(1);
        assertThat(damaged.out()).contains("DAMAGED").contains("line 2: MISSING");
    }

    @Test
    void usageAndMissingFilesExitTwoWithAMessageAndNoStackTrace() {
        Cli.Result none = Cli.run("verify");
        Cli.Result missing = Cli.run("verify", dir.resolve("nope.jsonl").toString());
        Cli.Result unknown = Cli.run("verify", "--frobnicate");
        Cli.Result noCommand = Cli.run();

        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("name one store");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file: ").doesNotContain("\tat ");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--frobnicate'");
        assertThat(noCommand.status()).isEqualTo(2);
        assertThat(noCommand.err()).contains("name a command").contains("verify");
    }

    @Test
    void takesKeysAndAWitnessAndReportsLinesCutOffBelowTheWitness() throws Exception {
        Path witness = dir.resolve("app.witness");
        Path file = TestFiles.signedFile(dir.resolve("signed.jsonl"), "app", 5, witness);
        Path keys = TestFiles.keys(dir);
        Cli.Result intact = Cli.run("verify", file.toString(), "--keys", keys.toString(), "--witness",
                witness.toString());
        assertThat(intact.status()).as(intact.toString()).isZero();
        assertThat(intact.out()).contains("signed through 5").contains("witnessed through 5")
                .doesNotContain("not checked");

        Files.write(file, TestFiles.lines(file).subList(0, 4));
        Cli.Result cut = Cli.run("verify", file.toString(), "--keys", keys.toString(), "--witness",
                witness.toString());
        assertThat(cut.status()).isEqualTo(1);
        assertThat(cut.out()).contains("BEHIND_WITNESS");
    }

    @Test
    void printsTheReportAsOneJsonObject() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("signed.jsonl"), "app", 3, null);

        Cli.Result r = Cli.run("verify", file.toString(), "--keys", TestFiles.keys(dir).toString(), "--json");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().strip()).startsWith("{\"log\":\"app\",\"intact\":true,\"eventsRead\":3")
                .contains("\"signedThrough\":3").contains("\"damages\":[]").endsWith("}").doesNotContain("\n");
    }

    @Test
    void aMalformedKeysFileOrIncrementalOnAFileIsAUsageError() throws Exception {
        Path file = plainFile(1);
        Path keys = Files.writeString(dir.resolve("bad.keys"), "not a key\n");

        Cli.Result bad = Cli.run("verify", file.toString(), "--keys", keys.toString());
        Cli.Result incremental = Cli.run("verify", file.toString(), "--incremental");

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("trusted keys file").contains("line 1");
        assertThat(incremental.status()).isEqualTo(2);
        assertThat(incremental.err()).contains("--incremental is for databases");
    }
}
