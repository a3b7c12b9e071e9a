package io.airlog.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.StreamHealth;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TestKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.encoding.EventJson;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.Damage;
import io.airlog.verify.DamageKind;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON-lines files with signed checkpoint lines and a witness: what the chain alone missed
 * (cut-off last lines, a recomputed file, a forged appended line) is caught once keys and a
 * witnessed checkpoint are supplied, and an untouched file reports nothing.
 */
class JsonLinesCheckpointTest {
    private static final String LOG = "app";
    private static final String ORIGIN = Checkpoint.defaultOrigin(LOG);
    private static final NoteSigner KEY = TestKeys.rfc8032Test1("example.com/app");
    private static final TrustedKeys TRUSTED = TrustedKeys.of(KEY.verifierKey());

    @TempDir
    Path dir;
    Path file;
    Path witnessFile;

    @BeforeEach
    void paths() {
        file = dir.resolve("audit.jsonl");
        witnessFile = FileWitness.fileFor(dir, LOG);
    }

    private JsonLinesAuditStream.Builder stream() {
        return JsonLinesAuditStream.builder(file, LOG).signer(KEY).witnessFile(witnessFile)
                .witnessWindow(Duration.ofMillis(50));
    }

    private void write(JsonLinesAuditStream.Builder builder, int events) {
        try (JsonLinesAuditStream s = builder.build()) {
            for (int i = 0; i < events; i++) {
                s.record(AuditDraft.builder("act").resource("Doc", "d" + i).put("i", i));
            }
        }
    }

    private VerificationReport verify() throws Exception {
        return JsonLinesVerifier.verify(file, CheckpointVerifier.builder(LOG).trustedKeys(TRUSTED)
                .witness(FileWitness.open(witnessFile, ORIGIN).read()));
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file));
    }

    private static List<DamageKind> kinds(VerificationReport report) {
        return report.damages().stream().map(Damage::kind).toList();
    }

    @Test
    void aClosedStreamEndsWithACheckpointLineAndVerifiesSignedAndWitnessed() throws Exception {
        write(stream(), 5);

        List<String> lines = lines();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(5)).startsWith("{\"checkpoint\":\"airlog/app\\n5\\n");
        VerificationReport report = verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.notices()).isEmpty();
        assertThat(report.anchors().signedSize()).isEqualTo(5);
        assertThat(report.anchors().witnessedSize()).isEqualTo(5);
        assertThat(report.anchors().notChecked()).isEmpty();
        assertThat(report.summary()).isEqualTo("log 'app' intact: 5 events read, verified through sequence 5; signed"
                + " through 5; witnessed through 5");
    }

    @Test
    void anIntervalOfZeroWritesACheckpointLineAfterEveryEvent() throws Exception {
        write(stream().checkpointInterval(Duration.ZERO), 3);

        assertThat(lines()).hasSize(6);
        assertThat(lines().get(1)).startsWith("{\"checkpoint\":");
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void anIdleStreamSignsItsTailWithinTheInterval() throws Exception {
        try (JsonLinesAuditStream s = stream().checkpointInterval(Duration.ofMillis(50)).build()) {
            s.record(AuditDraft.builder("act"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (lines().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lines()).hasSize(2);
            assertThat(lines().get(1)).startsWith("{\"checkpoint\":");
        }
    }

    @Test
    void cutOffLastLinesAreCaughtByTheWitness() throws Exception {
        write(stream(), 5);
        List<String> lines = lines();
        Files.write(file, lines.subList(0, 3));

        VerificationReport report = verify();

        assertThat(kinds(report)).containsExactly(DamageKind.BEHIND_WITNESS);
        assertThat(report.summary()).contains("holds a signed checkpoint of 5 events but the store holds 3");
        assertThat(JsonLinesVerifier.verify(file).intact()).as("the chain alone misses it").isTrue();
    }

    @Test
    void aFullyRecomputedFileIsCaughtBySignaturesAndTheWitness() throws Exception {
        write(stream(), 5);
        List<String> rewritten = new ArrayList<>();
        ChainPosition head = ChainPosition.EMPTY;
        for (String line : lines().subList(0, 5)) {
            AuditEvent e = EventJson.fromJson(line);
            AuditEvent forged = AuditDraft.builder(e.action()).resource(e.resource(), e.resourceId())
                    .put("i", 99).build().seal(LOG, head.nextSequence(), head.lastChecksum());
            rewritten.add(EventJson.toJson(forged));
            head = forged.position();
        }
        Files.write(file, rewritten);

        VerificationReport report = verify();

        assertThat(JsonLinesVerifier.verify(file).intact()).as("the chain alone misses it").isTrue();
        assertThat(kinds(report)).containsExactly(DamageKind.WITNESS_MISMATCH);
    }

    @Test
    void aRecomputedFileSignedWithAnotherKeyShowsUntrustedCheckpoints() throws Exception {
        write(stream(), 3);
        Path forgedWitness = dir.resolve("forged.witness");
        Files.delete(file);
        write(JsonLinesAuditStream.builder(file, LOG).signer(SigningKeys.generate("example.com/app"))
                .witnessFile(forgedWitness), 3);

        VerificationReport report = verify();

        assertThat(kinds(report)).contains(DamageKind.CHECKPOINT_UNTRUSTED, DamageKind.WITNESS_MISMATCH);
    }

    @Test
    void aForgedLineAppendedAfterTheLastCheckpointIsReportedAsAnUnsignedTail() throws Exception {
        write(stream(), 5);
        AuditEvent last = EventJson.fromJson(lines().get(4));
        AuditEvent forged = AuditDraft.builder("grant").put("role", "admin").build()
                .seal(LOG, last.sequence() + 1, last.checksum());
        Files.writeString(file, EventJson.toJson(forged) + "\n", java.nio.file.StandardOpenOption.APPEND);

        VerificationReport report = verify();

        assertThat(JsonLinesVerifier.verify(file).intact()).as("the chain alone accepts it").isTrue();
        assertThat(report.intact()).isTrue();
        assertThat(report.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(DamageKind.UNSIGNED_TAIL);
            assertThat(n.firstSequence()).isEqualTo(6);
        });
        assertThat(report.summary()).contains("UNSIGNED_TAIL: 1 event(s) after the newest signed checkpoint (5)");
    }

    @Test
    void aForgedLineSlippedInBeforeTheLastCheckpointBreaksIt() throws Exception {
        write(stream(), 5);
        List<String> lines = lines();
        AuditEvent last = EventJson.fromJson(lines.get(4));
        AuditEvent forged = AuditDraft.builder("grant").build().seal(LOG, last.sequence() + 1, last.checksum());
        lines.add(5, EventJson.toJson(forged));
        Files.write(file, lines);

        VerificationReport report = verify();

        assertThat(kinds(report)).containsExactly(DamageKind.CHECKPOINT_MISMATCH);
        assertThat(report.damages().get(0).position()).isEqualTo(7);
    }

    @Test
    void aRemovedCheckpointLineThatTheWitnessHoldsIsReported() throws Exception {
        write(stream(), 5);
        List<String> lines = lines();
        lines.remove(5);
        Files.write(file, lines);

        assertThat(kinds(verify())).containsExactly(DamageKind.CHECKPOINT_MISSING);
    }

    @Test
    void anEditedCheckpointLineIsReportedAsAnInvalidSignature() throws Exception {
        write(stream(), 5);
        List<String> lines = lines();
        lines.set(5, lines.get(5).replace("airlog/app\\n5\\n", "airlog/app\\n4\\n"));
        Files.write(file, lines);

        assertThat(kinds(verify())).contains(DamageKind.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void anEditedOrDeletedWitnessIsReported() throws Exception {
        write(stream(), 5);
        List<String> witness = Files.readAllLines(witnessFile);
        Files.write(witnessFile, List.of(witness.get(0), witness.get(1).replace("\\n5\\n", "\\n6\\n")));

        assertThat(kinds(verify())).contains(DamageKind.WITNESS_DAMAGED);

        Files.delete(witnessFile);
        assertThat(kinds(verify())).containsExactly(DamageKind.WITNESS_MISSING);
    }

    @Test
    void aDeletedWitnessIsNotCreatedAgainByAStreamReopeningTheFile() throws Exception {
        write(stream(), 5);
        Files.delete(witnessFile);

        for (int start = 1; start <= 2; start++) {
            assertThatThrownBy(() -> stream().build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("fails its check and is not appended to").hasMessageContaining("WITNESS_MISSING");
            assertThat(witnessFile).as("not created again at start %d", start).doesNotExist();
        }
    }

    @Test
    void withoutKeysTheVerifierSaysPlainlyWhatItCouldNotCheck() throws Exception {
        write(stream(), 5);

        VerificationReport report = JsonLinesVerifier.verify(file);

        assertThat(report.intact()).isTrue();
        assertThat(report.summary()).contains("not checked: signed checkpoints (no trusted keys given)")
                .contains("1 stored checkpoint(s) were not verified").contains("a witness (none given)");
    }

    @Test
    void reopeningContinuesTheTreeAndEveryCheckpointStillVerifies() throws Exception {
        write(stream(), 3);
        write(stream(), 2);

        VerificationReport report = verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.anchors().signedSize()).isEqualTo(5);
        assertThat(report.eventsRead()).isEqualTo(5);
    }

    @Test
    void aFileCutBelowItsWitnessIsNotAppendedTo() throws Exception {
        write(stream(), 5);
        Files.write(file, lines().subList(0, 2));

        assertThatThrownBy(() -> stream().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails its check and is not appended to").hasMessageContaining("BEHIND_WITNESS");
        assertThat(lines()).hasSize(2);
    }

    @Test
    void aRemovedOrEmptiedFileIsNotStartedAgainWhileItsWitnessHoldsCheckpoints() throws Exception {
        write(stream(), 5);
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> stream().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is missing or empty, but the witness").hasMessageContaining("holds a signed"
                        + " checkpoint of 5 events but the store holds 0");
        Files.delete(file);
        assertThatThrownBy(() -> stream().build()).hasMessageContaining("is missing or empty");
    }

    @Test
    void aFileWhoseLastCheckpointWasAlteredIsNotAppendedTo() throws Exception {
        write(stream(), 5);
        List<String> lines = lines();
        lines.set(5, lines.get(5).replace("airlog/app\\n5\\n", "airlog/app\\n6\\n"));
        Files.write(file, lines);

        assertThatThrownBy(() -> stream().build()).hasMessageContaining("CHECKPOINT_SIGNATURE_INVALID at position 6");
    }

    @Test
    void eventsLeftUnsignedByACrashAreSignedWhenTheFileIsReopenedAndTheCheckSaysSo() throws Exception {
        write(stream(), 3);
        List<String> lines = lines();
        AuditEvent last = EventJson.fromJson(lines.get(2));
        AuditEvent unsigned = AuditDraft.builder("late").build().seal(LOG, 4, last.checksum());
        Files.writeString(file, EventJson.toJson(unsigned) + "\n", java.nio.file.StandardOpenOption.APPEND);

        try (JsonLinesAuditStream s = stream().build()) {
            assertThat(s.openingCheck()).hasValueSatisfying(r -> assertThat(r.notices()).extracting(Damage::kind)
                    .containsExactly(DamageKind.UNSIGNED_TAIL));
            assertThat(s.record(AuditDraft.builder("next")).sequence()).isEqualTo(5);
        }
        VerificationReport report = verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.notices()).isEmpty();
        assertThat(report.anchors().signedSize()).isEqualTo(5);
    }

    @Test
    void aCheckpointWrittenButNotPublishedBeforeACrashIsPublishedOnReopen() throws Exception {
        write(stream(), 3);
        List<String> witness = Files.readAllLines(witnessFile);
        Files.write(witnessFile, witness.subList(0, 1));

        try (JsonLinesAuditStream s = stream().build()) {
            assertThat(s.openingCheck()).hasValueSatisfying(r -> assertThat(r.notices()).extracting(Damage::kind)
                    .containsExactly(DamageKind.WITNESS_BEHIND));
        }
        WitnessSnapshot snapshot = FileWitness.open(witnessFile, ORIGIN).read();
        assertThat(TRUSTED.open(snapshot.newestFirst().get(0).note(), ORIGIN).size()).isEqualTo(3);
    }

    @Test
    void afterAKeyRotationOldAndNewCheckpointLinesVerifyWithBothKeysTrusted() throws Exception {
        write(stream(), 3);
        NoteSigner next = TestKeys.rfc8032Test2("example.com/app-2026");
        write(stream().signer(next).trustedKeys(TRUSTED), 2);

        VerificationReport both = JsonLinesVerifier.verify(file, CheckpointVerifier.builder(LOG)
                .trustedKeys(TrustedKeys.of(KEY.verifierKey(), next.verifierKey()))
                .witness(FileWitness.open(witnessFile, ORIGIN).read()));
        VerificationReport oldOnly = verify();

        assertThat(both.intact()).as(both.summary()).isTrue();
        assertThat(both.anchors().signedSize()).isEqualTo(5);
        assertThat(kinds(oldOnly)).contains(DamageKind.CHECKPOINT_UNTRUSTED);
    }

    @Test
    void aWitnessThatFailsMakesTheStreamDegradedWithTheReason() throws Exception {
        try (JsonLinesAuditStream s = stream().witnessWindow(Duration.ofMillis(20)).checkpointInterval(Duration.ZERO)
                .build()) {
            Files.delete(witnessFile);
            s.record(AuditDraft.builder("act"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (s.health().status() == StreamHealth.Status.UP && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(s.health().status()).isEqualTo(StreamHealth.Status.DEGRADED);
            assertThat(s.health().detail()).contains("the witness").contains("behind").contains("is gone");
            assertThat(s.witnessStatus()).hasValueSatisfying(w -> assertThat(w.failures()).isPositive());
            assertThatThrownBy(s::close).hasMessageContaining("was not published");
        }
    }

    @Test
    void aWitnessThatCannotBeReadWhenTheStreamOpensStopsIt() throws Exception {
        Files.createDirectories(witnessFile);

        assertThatThrownBy(() -> JsonLinesAuditStream.builder(file, LOG).signer(KEY)
                .witness(FileWitness.open(witnessFile, ORIGIN)).build()).hasMessageContaining("cannot open audit file");
    }

    @Test
    void aWitnessWithoutASignerIsRefused() {
        assertThatThrownBy(() -> JsonLinesAuditStream.builder(file, LOG).witnessFile(witnessFile).build())
                .hasMessageContaining("a witness needs signed checkpoints");
    }
}
