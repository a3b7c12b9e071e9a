package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.InclusionBundle;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Digest;
import io.airlog.stream.JsonLinesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code airlog prove} and {@code airlog check-proof} of inclusion proofs. */
class ProveCommandTest {
    @TempDir
    Path dir;

    private Path keys() {
        return TestFiles.keys(dir);
    }

    private static List<AuditEvent> events(Path file) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            return lines.filter(JsonLinesReader.Line::isEvent).map(JsonLinesReader.Line::event).toList();
        }
    }

    @Test
    void provesAnEventOfASignedFileAgainstItsNewestCheckpointAsATlogProofThatCoreAccepts() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 13, null);
        AuditEvent event = events(file).get(5);

        Cli.Result r = Cli.run("prove", file.toString(), "--seq", "6", "--keys", keys().toString());

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("c2sp.org/tlog-proof@v1\nextra ");
        assertThat(r.err()).contains("proof of sequence 6").contains("@13").contains("checked");
        InclusionBundle bundle = InclusionBundle.parse(r.out());
        assertThat(bundle.index()).isEqualTo(5);
        assertThat(bundle.verify(Digest.fromHex(event.checksum()), TrustedKeys.of(TestFiles.KEY.verifierKey()),
                Checkpoint.defaultOrigin("app")).size()).isEqualTo(13);
    }

    @Test
    void printsTheProofInAJsonObjectWithTheEventAndTheCheckpoint() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 3, null);
        AuditEvent event = events(file).get(0);

        Cli.Result r = Cli.run("prove", file.toString(), "--seq", "1", "--keys", keys().toString(), "--json");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().strip()).startsWith("{\"log\":\"app\",\"sequence\":1,\"eventId\":\"" + event.eventId()
                + "\",\"checksum\":\"" + event.checksum() + "\",\"checkpoint\":{\"origin\":\"airlog/app\",\"size\":3,")
                .contains("\"signedBy\":[\"" + TestFiles.KEY.verifierKey().encode() + "\"]")
                .contains("\"proof\":\"c2sp.org/tlog-proof@v1\\nextra ");
    }

    @Test
    void checkProofAcceptsTheProofWithTheEventItCarriesAndRejectsEveryAlteration() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 9, null);
        AuditEvent event = events(file).get(2);
        Path proof = dir.resolve("e.proof");
        assertThat(Cli.run("prove", file.toString(), "--event", event.eventId().toString(), "--keys",
                keys().toString(), "-o", proof.toString()).status()).isZero();
        String text = Files.readString(proof);

        Cli.Result valid = Cli.run("check-proof", proof.toString(), "--keys", keys().toString());
        assertThat(valid.status()).as(valid.toString()).isZero();
        assertThat(valid.out()).startsWith("valid: event " + event.eventId() + " (sequence 3, ")
                .contains("is leaf 2 of checkpoint airlog/app @9");

        String[] lines = text.split("\n", -1);
        String hash = lines[3];
        lines[3] = (hash.charAt(0) == 'A' ? "B" : "A") + hash.substring(1);
        Path edited = TestFiles.write(dir.resolve("edited.proof"), String.join("\n", lines));
        Cli.Result wrongPath = Cli.run("check-proof", edited.toString(), "--keys", keys().toString());
        assertThat(wrongPath.status()).as(wrongPath.toString()).isEqualTo(1);
        assertThat(wrongPath.err()).contains("does not lead to the root");

        Path untrusted = TestFiles.write(dir.resolve("other.keys"), TestFiles.OTHER_KEY.verifierKey().encode() + "\n");
        Cli.Result notTrusted = Cli.run("check-proof", proof.toString(), "--keys", untrusted.toString());
        assertThat(notTrusted.status()).isEqualTo(1);
        assertThat(notTrusted.err()).contains("UNTRUSTED_KEY");

        Cli.Result otherEvent = Cli.run("check-proof", proof.toString(), "--keys", keys().toString(), "--log", "app",
                "--checksum",
                events(file).get(3).checksum());
        assertThat(otherEvent.status()).as(otherEvent.toString()).isEqualTo(1);

        Cli.Result notAProof = Cli.run("check-proof", file.toString(), "--keys", keys().toString());
        assertThat(notAProof.status()).isEqualTo(2);
        assertThat(notAProof.err()).contains("is not a proof");
    }

    @Test
    void anEventChangedInTheProofIsNotValid() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 4, null);
        Cli.Result proof = Cli.run("prove", file.toString(), "--seq", "2", "--keys", keys().toString());
        String[] lines = proof.out().split("\n", -1);
        String event = new String(java.util.Base64.getDecoder().decode(lines[1].substring("extra ".length())),
                java.nio.charset.StandardCharsets.UTF_8);
        lines[1] = "extra " + java.util.Base64.getEncoder().encodeToString(event.replace("\"n\":2", "\"n\":3")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path edited = TestFiles.write(dir.resolve("edited.proof"), String.join("\n", lines));

        Cli.Result r = Cli.run("check-proof", edited.toString(), "--keys", keys().toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("does not match its checksum");
    }

    @Test
    void withoutTheEventTheProofIsCheckedForAChecksumOrAnEventFile() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 5, null);
        AuditEvent event = events(file).get(4);
        Path proof = dir.resolve("p");
        assertThat(Cli.run("prove", file.toString(), "--seq", "5", "--no-event", "--keys", keys().toString(), "-o",
                proof.toString()).status()).isZero();
        Path eventFile = TestFiles.write(dir.resolve("e.json"), io.airlog.encoding.EventJson.toJson(event) + "\n");

        Cli.Result none = Cli.run("check-proof", proof.toString(), "--keys", keys().toString());
        Cli.Result byChecksum = Cli.run("check-proof", proof.toString(), "--keys", keys().toString(), "--log", "app",
                "--checksum", event.checksum(), "--json");
        Cli.Result byFile = Cli.run("check-proof", proof.toString(), "--keys", keys().toString(), "--event-file",
                eventFile.toString());

        assertThat(Files.readString(proof)).doesNotContain("extra ");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("carries no event");
        assertThat(byChecksum.status()).as(byChecksum.toString()).isZero();
        assertThat(byChecksum.out()).contains("\"valid\":true").contains("\"index\":4");
        assertThat(byFile.status()).as(byFile.toString()).isZero();
    }

    @Test
    void anEventAfterTheNewestTrustedCheckpointOrAnUnknownEventCannotBeProven() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 3, null);
        List<String> lines = TestFiles.lines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));

        Cli.Result tail = Cli.run("prove", file.toString(), "--seq", "3", "--keys", keys().toString());
        Cli.Result unknown = Cli.run("prove", file.toString(), "--seq", "30", "--keys", keys().toString());
        Cli.Result noKeys = Cli.run("prove", file.toString(), "--seq", "1");
        Cli.Result both = Cli.run("prove", file.toString(), "--seq", "1", "--event",
                "00000000-0000-4000-8000-000000000000", "--keys", keys().toString());

        assertThat(tail.status()).isEqualTo(2);
        assertThat(tail.err()).contains("sequence 3 is after checkpoint airlog/app @2").contains("not signed yet");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("holds no event with sequence 30");
        assertThat(noKeys.status()).isEqualTo(2);
        assertThat(noKeys.err()).contains("--keys");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void provesADatabaseEventAgainstAWitnessedOrAGivenCheckpoint(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "payments", 20)) {
            Path witness = TestFiles.witness(dir.resolve("w"), log.events, 17, "payments");
            Path note = TestFiles.write(dir.resolve("cp.note"), TestFiles.sign(log.events, 20, "payments",
                    TestFiles.KEY).format());
            AuditEvent event = log.events.get(10);

            Cli.Result byWitness = Cli.run(log.args("prove", "--event", event.eventId().toString(), "--keys",
                    keys().toString(), "--witness", witness.toString()));
            Cli.Result byNote = Cli.run(log.args("prove", "--seq", "20", "--keys", keys().toString(),
                    "--checkpoint", note.toString()));
            Cli.Result none = Cli.run(log.args("prove", "--seq", "2", "--keys", keys().toString()));

            assertThat(byWitness.status()).as(byWitness.toString()).isZero();
            assertThat(InclusionBundle.parse(byWitness.out()).proof().treeSize()).isEqualTo(17);
            assertThat(byNote.status()).as(byNote.toString()).isZero();
            Path proof = TestFiles.write(dir.resolve("p"), byNote.out());
            assertThat(Cli.run("check-proof", proof.toString(), "--keys", keys().toString()).status()).isZero();
            assertThat(none.status()).isEqualTo(2);
            assertThat(none.err()).contains("holds no checkpoint row of this log that a trusted key signed")
                    .contains("--witness");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void provesADatabaseEventAgainstTheNewestCheckpointRowATrustedKeySigned(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "payments", 20)) {
            log.checkpoint(12, TestFiles.KEY);
            log.checkpoint(18, TestFiles.KEY);
            log.checkpoint(20, TestFiles.OTHER_KEY);

            Cli.Result r = Cli.run(log.args("prove", "--seq", "5", "--keys", keys().toString()));

            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(InclusionBundle.parse(r.out()).proof().treeSize()).isEqualTo(18);
            Path proof = TestFiles.write(dir.resolve("p"), r.out());
            assertThat(Cli.run("check-proof", proof.toString(), "--keys", keys().toString()).status()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void aDatabaseRewrittenAfterItsCheckpointCannotProveAnything(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "app", 6); TestLog rewritten = TestLog.with(db, "app", 6)) {
            Path note = TestFiles.write(dir.resolve("cp.note"), TestFiles.sign(log.events, 6, "app",
                    TestFiles.KEY).format());

            Cli.Result r = Cli.run(rewritten.args("prove", "--seq", "3", "--keys", keys().toString(),
                    "--checkpoint", note.toString()));

            assertThat(r.status()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("does not lead to the root of checkpoint airlog/app @6")
                    .contains("changed after it was signed");
        }
    }
}
