package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.ocsf.OcsfSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code airlog export} and {@code airlog verify} of what it wrote. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private Path keys() {
        return TestFiles.keys(dir);
    }

    private Path export(Path file, String... options) {
        Path out = dir.resolve("export-" + System.nanoTime() + ".jsonl");
        String[] args = new String[options.length + 6];
        args[0] = "export";
        args[1] = file.toString();
        args[2] = "--keys";
        args[3] = keys().toString();
        args[4] = "-o";
        args[5] = out.toString();
        System.arraycopy(options, 0, args, 6, options.length);
        Cli.Result r = Cli.run(args);
        assertThat(r.status()).as(r.toString()).isZero();
        return out;
    }

    @Test
    void aRangeExportedFromASignedFileVerifiesWithoutTheFile() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 21, null);
        Path out = export(file, "--from", "7", "--to", "15");
        Files.delete(file);

        Cli.Result r = Cli.run("verify", out.toString(), "--keys", keys().toString());

        List<String> lines = TestFiles.lines(out);
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).startsWith("{\"format\":\"airlog-export/1\",\"log\":\"app\",\"origin\":\"airlog/app\","
                + "\"first\":7,\"last\":15,\"edge\":\"edge 6 ");
        assertThat(lines.get(10)).startsWith("{\"proof\":\"old 15\\n");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("log 'app' intact: 9 events read, verified through sequence 15; signed through 15");
    }

    @Test
    void everyAlterationOfAnExportIsReportedAtItsLine() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 10, null);
        Path out = export(file, "--from", "3");
        List<String> lines = TestFiles.lines(out);

        assertThat(verifyWith(lines, l -> l.set(3, l.get(3).replace("\"n\":5", "\"n\":6"))).out())
                .contains("line 4: CHANGED");
        assertThat(verifyWith(lines, l -> l.remove(5)).out()).contains("MISSING").contains("CHECKPOINT_MISMATCH");
        assertThat(verifyWith(lines, l -> l.remove(l.size() - 1)).out()).contains("CHECKPOINT_MISSING");
        assertThat(verifyWith(lines, l -> l.subList(l.size() - 3, l.size() - 1).clear()).out())
                .contains("sequences 9..10").contains("MISSING");
        String otherEdge = lines.get(0).replaceAll("\"edge\":\"edge 2 [^ ]+ ", "\"edge\":\"edge 2 "
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ");
        assertThat(verifyWith(lines, l -> l.set(0, otherEdge)).out()).contains("BROKEN_LINK")
                .contains("CHECKPOINT_MISMATCH");
    }

    private Cli.Result verifyWith(List<String> lines, java.util.function.Consumer<List<String>> edit) throws Exception {
        List<String> copy = new java.util.ArrayList<>(lines);
        edit.accept(copy);
        Path edited = Files.write(dir.resolve("edited-" + System.nanoTime() + ".jsonl"), copy);
        Cli.Result r = Cli.run("verify", edited.toString(), "--keys", keys().toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        return r;
    }

    @Test
    void anExportCheckedWithoutKeysSaysTheCheckpointWasNotChecked() {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 4, null);
        Path out = export(file);

        Cli.Result r = Cli.run("verify", out.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("not checked: the signed checkpoint (no trusted keys given)");
    }

    @Test
    void anExportPastTheCheckpointOrOntoAnExistingFileIsRefused() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 4, null);
        Path existing = Files.writeString(dir.resolve("kept.jsonl"), "kept");

        Cli.Result past = Cli.run("export", file.toString(), "--keys", keys().toString(), "--to", "5");
        Cli.Result onto = Cli.run("export", file.toString(), "--keys", keys().toString(), "-o", existing.toString());

        assertThat(past.status()).isEqualTo(2);
        assertThat(past.err()).contains("sequences after 4 are not signed");
        assertThat(onto.status()).isEqualTo(2);
        assertThat(Files.readString(existing)).isEqualTo("kept");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void ocsfExportWritesOneValidOcsfEventPerEvent() {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 6, null);

        Cli.Result r = Cli.run("export", file.toString(), "--format", "ocsf", "--from", "2");

        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            assertThat(OcsfSchema.shipped().validate(line).valid()).as(line).isTrue();
        }
        assertThat(lines.get(1)).contains("\"class_uid\":3002");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void aDatabaseRangeExportedAtItsWitnessedCheckpointVerifies(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "payments", 25)) {
            Path witness = TestFiles.witness(dir.resolve("w"), log.events, 22, "payments");
            Path out = dir.resolve("payments-export.jsonl");

            Cli.Result r = Cli.run(log.args("export", "--from", "10", "--keys", keys().toString(), "--witness",
                    witness.toString(), "-o", out.toString(), "--json"));
            Cli.Result verify = Cli.run("verify", out.toString(), "--keys", keys().toString(), "--log", "payments");
            Cli.Result ocsf = Cli.run(log.args("export", "--format", "ocsf", "--from", "24"));

            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).contains("\"first\":10,\"last\":22,\"events\":13");
            assertThat(verify.status()).as(verify.toString()).isZero();
            assertThat(ocsf.status()).as(ocsf.toString()).isZero();
            assertThat(ocsf.out().lines()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void aDamagedDatabaseRangeIsNotExported(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "app", 8)) {
            Path witness = TestFiles.witness(dir.resolve("w"), log.events, 8, "app");
            log.tamper("UPDATE {event} SET action = 'forged' WHERE log_id = {log} AND seq = 5");

            Cli.Result r = Cli.run(log.args("export", "--keys", keys().toString(), "--witness", witness.toString(),
                    "-o", dir.resolve("x").toString()));
            Cli.Result ocsf = Cli.run(log.args("export", "--format", "ocsf"));

            assertThat(r.status()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("sequence 5: changed");
            assertThat(Files.exists(dir.resolve("x"))).isFalse();
            assertThat(ocsf.status()).isEqualTo(1);
            assertThat(ocsf.out().lines()).hasSize(4);
        }
    }
}
