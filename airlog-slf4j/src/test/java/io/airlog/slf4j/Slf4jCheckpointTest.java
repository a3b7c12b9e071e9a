package io.airlog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditStream;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.spi.BackendContext;
import io.airlog.spi.CheckpointSettings;
import io.airlog.spi.ConfigView;
import io.airlog.stream.JsonLinesVerifier;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.Damage;
import io.airlog.verify.DamageKind;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed checkpoint lines through SLF4J into a Logback file, checked with the JSON-lines verifier. */
class Slf4jCheckpointTest {
    private static final String LOG = "bank";
    private static final String ORIGIN = "airlog/bank";
    private static final String LOGGER = "airlog.signed";
    private static final NoteSigner KEY = SigningKeys.generate("airlog");

    @TempDir
    Path dir;
    private Path file;
    private Path state;
    private Path witness;

    @BeforeEach
    void paths() {
        file = dir.resolve("audit.log");
        state = dir.resolve("audit.state");
        witness = dir.resolve("bank.witness");
    }

    private CheckpointSettings settings(Duration interval) {
        return new CheckpointSettings(KEY, ORIGIN, interval, TrustedKeys.none(), Optional.of(witness),
                Duration.ofMillis(20));
    }

    /** One run of the application: the appender and the stream started, events recorded, both stopped. */
    private void run(int events, Duration interval) {
        try (LogbackFile logback = LogbackFile.start(LOGGER, file);
             Slf4jAuditStream stream = Slf4jAuditStream.builder(state, LOG).logger(LOGGER)
                     .checkpoints(settings(interval)).build()) {
            for (int i = 0; i < events; i++) {
                stream.record(AuditDraft.builder("transfer").put("n", i));
            }
        }
    }

    private VerificationReport verify() throws IOException {
        return JsonLinesVerifier.verify(file, CheckpointVerifier.builder(LOG).origin(ORIGIN)
                .trustedKeys(TrustedKeys.of(KEY.verifierKey())).witness(FileWitness.open(witness, ORIGIN).read()));
    }

    private static List<DamageKind> kinds(VerificationReport report) {
        return report.damages().stream().map(Damage::kind).toList();
    }

    @Test
    void theSignedLogbackFileVerifiesWithTheKeyAndTheWitnessAcrossRestarts() throws IOException {
        run(3, Duration.ofHours(1));
        run(3, Duration.ZERO);

        VerificationReport report = verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.eventsRead()).isEqualTo(6);
        assertThat(report.anchors().signedSize()).isEqualTo(6);
        assertThat(Files.readAllLines(file)).filteredOn(l -> l.startsWith("{\"checkpoint\":")).hasSize(4);
    }

    @Test
    void aFileCutAfterItsLastCheckpointIsCaughtWithTheWitness() throws IOException {
        run(4, Duration.ofHours(1));
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 2));

        assertThat(kinds(verify())).contains(DamageKind.BEHIND_WITNESS);
    }

    @Test
    void aForgedLineIsCaught() throws IOException {
        run(3, Duration.ZERO);
        List<String> lines = Files.readAllLines(file);
        lines.set(0, lines.get(0).replace("\"n\":0", "\"n\":9"));
        Files.write(file, lines);

        assertThat(kinds(verify())).contains(DamageKind.CHANGED);
    }

    @Test
    void stateFilesRestoredFromAnOlderCopyAreRefusedAgainstTheWitness() throws IOException {
        run(2, Duration.ZERO);
        Path copy = Files.createDirectories(dir.resolve("backup"));
        Path tree = Slf4jCheckpoints.treeFile(state);
        Files.copy(state, copy.resolve("audit.state"));
        Files.copy(tree, copy.resolve("audit.state.tree"));
        run(2, Duration.ZERO);
        Files.copy(copy.resolve("audit.state"), state, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(copy.resolve("audit.state.tree"), tree, StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> run(1, Duration.ZERO)).hasMessageContaining("the witness " + witness)
                .hasMessageContaining("holds a checkpoint of tree size 4").hasMessageContaining("(2 events)");
    }

    @Test
    void aDeletedWitnessOfASignedLogIsRefusedAndNotCreatedAgain() throws IOException {
        run(2, Duration.ZERO);
        Files.delete(witness);

        assertThatThrownBy(() -> run(1, Duration.ZERO)).hasMessageContaining("the witness " + witness)
                .hasMessageContaining("is missing").hasMessageContaining("2 events");
        assertThat(witness).doesNotExist();
    }

    @Test
    void anUnsignedLogIsNotSignedFromTheMiddle() {
        try (LogbackFile logback = LogbackFile.start(LOGGER, file);
             Slf4jAuditStream stream = Slf4jAuditStream.builder(state, LOG).logger(LOGGER).build()) {
            stream.record(AuditDraft.builder("transfer"));
        }

        assertThatThrownBy(() -> run(1, Duration.ZERO)).hasMessageContaining("log 'bank' already has 1 events but no"
                + " tree state file");
    }

    @Test
    void theStreamShowsItsCheckpointsAndIsDegradedWhileTheWitnessCannotBeWritten() throws Exception {
        try (LogbackFile logback = LogbackFile.start(LOGGER, file);
             Slf4jAuditStream stream = Slf4jAuditStream.builder(state, LOG).logger(LOGGER)
                     .checkpoints(settings(Duration.ZERO)).build()) {
            stream.record(AuditDraft.builder("transfer"));
            assertThat(stream.checkpointStatus()).hasValueSatisfying(c -> assertThat(c.signedSize()).isEqualTo(1));
            Files.delete(witness);
            stream.record(AuditDraft.builder("transfer"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (stream.health().status() == io.airlog.StreamHealth.Status.UP && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(stream.health().status()).isEqualTo(io.airlog.StreamHealth.Status.DEGRADED);
            assertThat(stream.health().detail()).contains("the witness " + witness).contains("behind");
            assertThatThrownBy(stream::close).hasMessageContaining("was not published");
        }
    }

    @Test
    void theBackendSignsWhenItsContextHasCheckpointSettings() throws IOException {
        Map<String, String> config = Map.of("airlog.slf4j.state-file", state.toString(), "airlog.slf4j.logger", LOGGER);
        BackendContext context = BackendContext.builder("slf4j", "default", LOG)
                .settings(ConfigView.of(key -> Optional.ofNullable(config.get(key)), List.of("airlog.")).under("slf4j."))
                .checkpoints(settings(Duration.ofHours(1))).build();
        try (LogbackFile logback = LogbackFile.start(LOGGER, file);
             AuditStream stream = new Slf4jBackendProvider().open(context).stream()) {
            stream.record(AuditDraft.builder("transfer"));
        }

        assertThat(new Slf4jBackendProvider().signsCheckpoints()).isTrue();
        VerificationReport report = verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.anchors().signedSize()).isEqualTo(1);
    }
}
