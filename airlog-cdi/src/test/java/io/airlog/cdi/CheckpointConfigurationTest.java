package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import io.airlog.stream.JsonLinesVerifier;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlog.checkpoint.*} and {@code airlog.witness.*} on json and jdbc streams in Weld SE. */
class CheckpointConfigurationTest {
    private static final String LOG = "ledger";
    private static final String ORIGIN = "airlog/ledger";

    @TempDir
    Path dir;
    private Path file;
    private Path witness;
    private Path keyFile;
    private NoteSigner key;

    @BeforeEach
    void makeAKey() {
        file = dir.resolve("audit.jsonl");
        witness = dir.resolve("witness").resolve(LOG + ".witness");
        keyFile = dir.resolve("signing.pem");
        key = SigningKeys.generate("airlog");
        SigningKeys.writePem(key, keyFile);
    }

    private TestContainer.Builder signed(Path signingKey) {
        return TestContainer.builder().property("airlog.backend", "json").property("airlog.json.file", file)
                .property("airlog.log-id", LOG).property("airlog.checkpoint.key-file", signingKey)
                .property("airlog.witness.directory", dir.resolve("witness"))
                .property("airlog.verify.on-startup", "full").property("airlog.verify.on-failure", "fail")
                .beans(AccountService.class);
    }

    private static void openAccounts(TestContainer c, String... ids) {
        AccountService accounts = c.select(AccountService.class);
        for (String id : ids) {
            accounts.open(id, "EUR");
        }
    }

    private static HealthCheckResponse readiness(TestContainer c) {
        return c.select(HealthCheck.class, Readiness.Literal.INSTANCE).call();
    }

    private VerificationReport verify(TrustedKeys keys) throws IOException {
        return JsonLinesVerifier.verify(file, CheckpointVerifier.builder(LOG).origin(ORIGIN).trustedKeys(keys)
                .witness(FileWitness.open(witness, ORIGIN).read()));
    }

    @Test
    void aConfiguredJsonStreamWritesCheckpointLinesAndItsWitnessFile() throws IOException {
        try (TestContainer c = signed(keyFile).start()) {
            openAccounts(c, "A-1", "A-2", "A-3");
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"checkpoint\":\"" + ORIGIN + "\\n3\\n");
        assertThat(Files.readString(witness)).contains("airlog-witness/1").contains(ORIGIN + "\\n3\\n");
        VerificationReport report = verify(TrustedKeys.of(key.verifierKey()));
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.anchors().signedSize()).isEqualTo(3);
    }

    @Test
    void aSignedStreamShowsItsCheckpointsAndWitnessInReadiness() throws Exception {
        try (TestContainer c = signed(keyFile).property("airlog.checkpoint.interval", "0").start()) {
            openAccounts(c, "A-1", "A-2");
            Map<String, Object> data = awaitData(c, d -> Long.valueOf(2).equals(d.get("default.witness.published-size")));

            assertThat(data).containsEntry("default.checkpoint.signed-size", 2L)
                    .containsEntry("default.witness.location", witness.toAbsolutePath().normalize().toString())
                    .containsEntry("default.witness.failures", 0L).containsKey("default.witness.lag-ms");
        }
    }

    @Test
    void aWitnessThatCannotBeWrittenMakesTheStreamDegradedNamingIt() throws Exception {
        try (TestContainer c = signed(keyFile).property("airlog.checkpoint.interval", "0")
                .property("airlog.witness.window", "20ms").start()) {
            openAccounts(c, "A-1");
            Files.delete(witness);
            openAccounts(c, "A-2");
            Map<String, Object> data = awaitData(c, d -> "DEGRADED".equals(d.get("default.status")));

            assertThat(readiness(c).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(data.get("default.detail").toString()).contains("the witness " + witness.toAbsolutePath()
                    .normalize()).contains("behind");
            assertThat((Long) data.get("default.witness.failures")).isPositive();
        }
    }

    private static Map<String, Object> awaitData(TestContainer c, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Map<String, Object> data = readiness(c).getData().orElseThrow();
        while (!done.test(data) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            data = readiness(c).getData().orElseThrow();
        }
        assertThat(done).as("readiness data %s", data).accepts(data);
        return data;
    }

    @Test
    void aLogConfiguredForCheckpointsWithoutAKeyRefusesToStartNamingTheKey() {
        Throwable failure = TestContainer.builder().property("airlog.backend", "json")
                .property("airlog.json.file", file).property("airlog.checkpoint.enabled", "true").startFailure();

        assertThat(failure).hasStackTraceContaining("airlog.checkpoint.enabled=true, but log 'default' has no"
                + " signing key: set airlog.checkpoint.key-file");
    }

    @Test
    void aBadKeyFileFailsTheStartNamingTheSettingAndNotTheKey() throws IOException {
        Path notAKey = dir.resolve("not-a-key.pem");
        Files.writeString(notAKey, "hello\n");
        String pem = Files.readString(keyFile);
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END")).strip();
        Path truncated = dir.resolve("truncated.pem");
        Files.writeString(truncated, pem.replace(body, body.substring(0, 20)));

        assertThat(signed(notAKey).startFailure()).hasStackTraceContaining("airlog.checkpoint.key-file: the signing"
                + " key file " + notAKey + " holds no '-----BEGIN PRIVATE KEY-----'");
        Throwable broken = signed(truncated).startFailure();
        assertThat(broken).hasStackTraceContaining("airlog.checkpoint.key-file").hasStackTraceContaining(
                "does not hold an Ed25519 private key");
        assertThat(stackTrace(broken)).doesNotContain(body.substring(0, 20));
    }

    @Test
    void aNonEd25519KeyOrAWrongKeystorePasswordFailsTheStartNamingTheSetting() throws Exception {
        Path rsa = Keytool.keystore(dir, "RSA", "rsa", "secret-pass");
        Path ed = Keytool.keystore(dir, "Ed25519", "audit", "secret-pass");

        assertThat(keystore(rsa, "rsa", "secret-pass").startFailure()).hasStackTraceContaining(
                "airlog.checkpoint.keystore: the entry 'rsa' of the keystore " + rsa + " is not an Ed25519 private key");
        Throwable wrong = keystore(ed, "audit", "not-the-pass").startFailure();
        assertThat(wrong).hasStackTraceContaining("wrong password (check airlog.checkpoint.keystore-password)");
        assertThat(stackTrace(wrong)).doesNotContain("not-the-pass").doesNotContain("secret-pass");
    }

    @Test
    void aKeystoreEntrySignsTheLog() throws Exception {
        Path ed = Keytool.keystore(dir, "Ed25519", "audit", "secret-pass");

        try (TestContainer c = keystore(ed, "audit", "secret-pass").start()) {
            openAccounts(c, "A-1");
        }

        assertThat(Files.readAllLines(file)).last().asString().startsWith("{\"checkpoint\":");
    }

    private TestContainer.Builder keystore(Path store, String alias, String password) {
        return TestContainer.builder().property("airlog.backend", "json").property("airlog.json.file", file)
                .property("airlog.log-id", LOG).property("airlog.checkpoint.keystore", store)
                .property("airlog.checkpoint.keystore-alias", alias)
                .property("airlog.checkpoint.keystore-password", password)
                .property("airlog.witness.enabled", "false").beans(AccountService.class);
    }

    @Test
    void aMalformedTrustedKeyOrKeyNameFailsTheStartNamingTheKey() {
        assertThat(signed(keyFile).property("airlog.checkpoint.trusted-keys", "not-a-key").startFailure())
                .hasStackTraceContaining("airlog.checkpoint.trusted-keys: invalid value 'not-a-key'");
        assertThat(signed(keyFile).property("airlog.checkpoint.key-name", "a+b").startFailure())
                .hasStackTraceContaining("airlog.checkpoint.key-name: invalid value 'a+b'; the key name 'a+b' contains '+'");
    }

    @Test
    void aConfiguredJdbcStreamSignsCheckpointRowsAndItsStartUpCheckUsesTheWitness() throws Exception {
        String url = "jdbc:h2:mem:signed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        TestContainer.Builder jdbc = TestContainer.builder().property("test.h2.url", url)
                .property("airlog.backend", "jdbc").property("airlog.jdbc.datasource", "audit")
                .property("airlog.jdbc.schema", "create").property("airlog.log-id", LOG)
                .property("airlog.checkpoint.key-file", keyFile).property("airlog.checkpoint.interval", "0")
                .property("airlog.witness.directory", dir.resolve("witness"))
                .property("airlog.verify.on-startup", "full").property("airlog.verify.on-failure", "fail")
                .beans(AccountService.class, H2DataSources.class);
        try (TestContainer c = jdbc.start()) {
            openAccounts(c, "A-1", "A-2", "A-3");
            awaitData(c, d -> Long.valueOf(3).equals(d.get("default.witness.published-size")));
        }
        DataSource h2 = H2DataSources.h2(url);
        try (Connection db = h2.getConnection(); Statement st = db.createStatement()) {
            JdbcChainVerifier verifier = JdbcChainVerifier.builder(h2, TableNames.DEFAULT)
                    .trustedKeys(TrustedKeys.of(key.verifierKey())).origin(ORIGIN)
                    .witness(FileWitness.open(witness, ORIGIN)).requireSigned(true).build();
            VerificationReport report = verifier.verifyFull(LOG);
            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(report.anchors().signedSize()).isEqualTo(3);
            assertThat(report.anchors().witnessedSize()).isEqualTo(3);

            // What restoring an older backup looks like: the last event and its checkpoint gone.
            st.execute("DROP TRIGGER airlog_event_insert_only");
            st.execute("DROP TRIGGER airlog_checkpoint_insert_only");
            st.execute("DELETE FROM airlog_event WHERE seq = 3");
            st.execute("DELETE FROM airlog_checkpoint WHERE size = 3");
            st.execute("UPDATE airlog_head SET size = 2, last_checksum = (SELECT checksum FROM airlog_event WHERE seq = 2)");
        }

        assertThat(jdbc.startFailure()).hasStackTraceContaining("log '" + LOG + "'")
                .hasStackTraceContaining("BEHIND_WITNESS");
    }

    @Test
    void aBackendThatDoesNotSignRefusesALogConfiguredForCheckpoints() {
        Throwable failure = TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.checkpoint.key-file", keyFile).startFailure();

        assertThat(failure).hasStackTraceContaining("airlog.checkpoint.key-file: log 'default' of stream 'default' is"
                + " to be signed, but its backend memory does not sign checkpoints (backends that do: jdbc, json");
    }

    @Test
    void aWrongTrustedKeyFailsTheStartNamingTheLogAndTheKind() {
        try (TestContainer c = signed(keyFile).start()) {
            openAccounts(c, "A-1", "A-2");
        }
        NoteSigner other = SigningKeys.generate("airlog");
        Path otherFile = dir.resolve("other.pem");
        SigningKeys.writePem(other, otherFile);
        NoteSigner stranger = SigningKeys.generate("stranger");

        Throwable failure = signed(otherFile)
                .property("airlog.checkpoint.trusted-keys", stranger.verifierKey().encode()).startFailure();

        assertThat(failure).hasStackTraceContaining("log 'ledger'").hasStackTraceContaining("CHECKPOINT_UNTRUSTED");
    }

    @Test
    void aRotatedKeyKeepsVerifyingWithTheOldKeyTrusted() throws IOException {
        try (TestContainer c = signed(keyFile).start()) {
            openAccounts(c, "A-1", "A-2");
        }
        NoteSigner next = SigningKeys.generate("airlog");
        Path nextFile = dir.resolve("next.pem");
        SigningKeys.writePem(next, nextFile);
        Path trusted = dir.resolve("trusted.keys");
        Files.writeString(trusted, "# before the rotation\n" + key.verifierKey().encode() + "\n");

        for (int run = 0; run < 2; run++) {
            try (TestContainer c = signed(nextFile).property("airlog.checkpoint.trusted-keys-file", trusted).start()) {
                assertThat(readiness(c).getData().orElseThrow()).containsEntry("default.chain", "intact");
                openAccounts(c, "B-" + run);
            }
        }

        VerificationReport both = verify(TrustedKeys.of(key.verifierKey(), next.verifierKey()));
        assertThat(both.intact()).as(both.summary()).isTrue();
        assertThat(both.anchors().signedSize()).isEqualTo(4);
    }

    @Test
    void twoStreamsCannotShareAWitnessFile() {
        Throwable failure = TestContainer.builder().property("airlog.backend", "json").property("airlog.json.file", file)
                .property("airlog.checkpoint.key-file", keyFile).property("airlog.witness.file", witness)
                .property("airlog.streams.other.backend", "json")
                .property("airlog.streams.other.json.file", dir.resolve("other.jsonl")).startFailure();

        assertThat(failure).hasStackTraceContaining("airlog.witness.file: file " + witness.toAbsolutePath().normalize()
                + " is already written by audit stream");
    }

    @Test
    void aWitnessFileAndDirectoryOfTheSameStreamFailNamingBoth() {
        assertThat(signed(keyFile).property("airlog.witness.file", witness).startFailure()).hasStackTraceContaining(
                "airlog.witness.file and airlog.witness.directory are both set for log 'ledger'");
    }

    @Test
    void aStreamsOwnWitnessFileWinsOverTheGlobalDirectory() {
        Path own = dir.resolve("own.witness");
        try (TestContainer c = signed(keyFile).property("airlog.streams.other.backend", "json")
                .property("airlog.streams.other.json.file", dir.resolve("other.jsonl"))
                .property("airlog.streams.other.witness.file", own).start()) {
            assertThat(readiness(c).getData().orElseThrow())
                    .containsEntry("other.witness.location", own.toAbsolutePath().normalize().toString())
                    .containsEntry("default.witness.location", witness.toAbsolutePath().normalize().toString());
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
