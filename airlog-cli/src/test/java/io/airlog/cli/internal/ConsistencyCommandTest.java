package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.checkpoint.ConsistencyBundle;
import io.airlog.merkle.TreeHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code airlog consistency} and {@code airlog check-proof} of consistency proofs. */
class ConsistencyCommandTest {
    @TempDir
    Path dir;

    /** The checkpoint note of the line after the {@code size}th event of a file with a checkpoint after every event. */
    private static String noteAt(Path file, int size) {
        String line = TestFiles.lines(file).get(2 * size - 1);
        return Json.flatObject("a checkpoint line", line).get("checkpoint");
    }

    @Test
    void provesThatASignedFileOnlyGrewSinceAnAuditorsCheckpoint() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 11, null);
        Path keys = TestFiles.keys(dir);
        Path old = TestFiles.write(dir.resolve("old.note"), noteAt(file, 6));
        Path proof = dir.resolve("c.proof");

        Cli.Result r = Cli.run("consistency", file.toString(), "--old-checkpoint", old.toString(), "--keys",
                keys.toString(), "-o", proof.toString());
        Cli.Result check = Cli.run("check-proof", proof.toString(), "--keys", keys.toString(), "--old-checkpoint",
                old.toString());
        Cli.Result bySize = Cli.run("consistency", file.toString(), "--old", "4", "--keys", keys.toString(), "--json");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).contains("from size 6").contains("@11").contains("checked");
        assertThat(ConsistencyBundle.parse(Files.readString(proof)).oldSize()).isEqualTo(6);
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out()).startsWith("valid: checkpoint airlog/app @11").contains("extends the tree of size 6");
        assertThat(bySize.status()).isZero();
        assertThat(bySize.out()).contains("\"oldSize\":4").contains("\"proof\":\"old 4\\n");
    }

    @Test
    void aFileRewrittenSinceTheAuditorsCheckpointIsCaught() throws Exception {
        Path original = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 8, null);
        Path old = TestFiles.write(dir.resolve("old.note"), noteAt(original, 5));
        Path rewritten = TestFiles.signedFile(dir.resolve("b.jsonl"), "app", 9, null);

        Cli.Result r = Cli.run("consistency", rewritten.toString(), "--old-checkpoint", old.toString(), "--keys",
                TestFiles.keys(dir).toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("do not hash to the root of the older checkpoint airlog/app @5")
                .contains("rewritten");
    }

    @Test
    void aConsistencyProofIsNotValidForAnotherOldCheckpointOrWithoutOne() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 7, null);
        Path keys = TestFiles.keys(dir);
        Path proof = TestFiles.write(dir.resolve("p"), Cli.run("consistency", file.toString(), "--old", "3", "--keys",
                keys.toString()).out());
        Path otherSize = TestFiles.write(dir.resolve("o4"), noteAt(file, 4));
        Path otherLog = TestFiles.write(dir.resolve("ox"), noteAt(TestFiles.signedFile(dir.resolve("x.jsonl"), "app",
                3, null), 3));

        Cli.Result size = Cli.run("check-proof", proof.toString(), "--keys", keys.toString(), "--old-checkpoint",
                otherSize.toString());
        Cli.Result root = Cli.run("check-proof", proof.toString(), "--keys", keys.toString(), "--old-checkpoint",
                otherLog.toString());
        Cli.Result none = Cli.run("check-proof", proof.toString(), "--keys", keys.toString());

        assertThat(size.status()).isEqualTo(1);
        assertThat(size.err()).contains("starts at tree size 3, the old checkpoint is of size 4");
        assertThat(root.status()).isEqualTo(1);
        assertThat(root.err()).contains("is not a prefix");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("--old-checkpoint");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void provesADatabaseLogConsistentFromTheEmptyTreeAndFromAnOlderCheckpoint(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "app", 30)) {
            Path keys = TestFiles.keys(dir);
            Path witness = TestFiles.witness(dir.resolve("w"), log.events, 30, "app");
            Path old = TestFiles.write(dir.resolve("old"), TestFiles.sign(log.events, 12, "app", TestFiles.KEY)
                    .format());

            Cli.Result empty = Cli.run(log.args("consistency", "--old", "0", "--keys", keys.toString(), "--witness",
                    witness.toString()));
            Cli.Result fromOld = Cli.run(log.args("consistency", "--old-checkpoint", old.toString(), "--keys",
                    keys.toString(), "--witness", witness.toString()));
            Path proof = TestFiles.write(dir.resolve("p"), fromOld.out());

            assertThat(empty.status()).as(empty.toString()).isZero();
            assertThat(empty.err()).contains("(root " + TreeHasher.EMPTY_ROOT.base64() + ")");
            assertThat(fromOld.status()).as(fromOld.toString()).isZero();
            assertThat(Cli.run("check-proof", proof.toString(), "--keys", keys.toString(), "--old-checkpoint",
                    old.toString()).status()).isZero();
            List<String> lines = List.of(fromOld.out().split("\n"));
            assertThat(lines.get(0)).isEqualTo("old 12");
        }
    }
}
