package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.SchemaManager;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.verify.Damage;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tamper suite of a database log with signed checkpoint rows and a witness, on H2,
 * PostgreSQL and MariaDB: ten events written by airlog-jdbc's writer, checkpoint rows of sizes
 * 4, 8 and 10 signed with the trusted key, all three published to the witness file. One attack
 * per test, as the table owner (insert-only triggers switched off) or with the application
 * role's rights (insert rows, update the head). Each is reported with its kind and place by
 * {@link JdbcChainVerifier} (full and incremental) and by {@code airlog verify} (exit 1, the log,
 * the kind and the sequence in its output); what the application role can insert without the
 * key is a notice, never a permanent false alarm.
 */
class DatabaseTamperTest {
    private static final String LOG = "ledger";
    private static final NoteSigner KEY = TestFiles.KEY;
    private static final NoteSigner NEW_KEY = SigningKeys.generate("example.com/airlog-test-2027");

    @TempDir
    Path dir;

    private TestLog log;
    private Path witness;
    private Path keys;

    private void setUp(TestDatabase db) throws SQLException {
        setUp(db, KEY);
    }

    /** The log, its checkpoint rows (size 10 signed with {@code lastKey}) and its witness. */
    private void setUp(TestDatabase db, NoteSigner lastKey) throws SQLException {
        log = TestLog.with(db, LOG, 10);
        SignedNote n4 = log.checkpoint(4, KEY);
        SignedNote n8 = log.checkpoint(8, KEY);
        SignedNote n10 = log.checkpoint(10, lastKey);
        witness = TestFiles.publish(dir.resolve(LOG + FileWitness.SUFFIX), LOG, n4, n8, n10);
        keys = TestFiles.keys(dir);
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (log != null) {
            log.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUntouchedLogReportsNothing(TestDatabase db) throws Exception {
        setUp(db);
        for (VerificationReport r : List.of(verifier(false, KEY).verifyFull(LOG),
                verifier(false, KEY).verifyIncremental(LOG))) {
            assertThat(r.damages()).as(r.summary()).isEmpty();
            assertThat(r.notices()).as(r.summary()).isEmpty();
            assertThat(r.anchors().signedSize()).isEqualTo(10);
            assertThat(r.anchors().witnessedSize()).isEqualTo(10);
        }
        assertThat(verifier(false, KEY).verifyIncremental(LOG).eventsRead()).isZero();
        for (Cli.Result r : List.of(cli(), cli("--incremental"), cli("--require-signed"))) {
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).contains("log 'ledger' intact").contains("signed through 10")
                    .contains("witnessed through 10").doesNotContain("notice");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOlderBackupRestoredIsBehindTheWitness(TestDatabase db) throws Exception {
        setUp(db);
        log.tamper("DELETE FROM {event} WHERE log_id = {log} AND seq > 8",
                "DELETE FROM {checkpoint} WHERE log_id = {log} AND size > 8",
                "UPDATE {head} SET size = 8, last_checksum = '" + log.events.get(7).checksum() + "' WHERE log_id = {log}");

        assertDetected("BEHIND_WITNESS", 9);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLogRewrittenWithRecomputedChecksumsAndHeadDoesNotMatchItsWitness(TestDatabase db) throws Exception {
        setUp(db);
        log.tamper("DELETE FROM {checkpoint} WHERE log_id = {log}");
        rewrite();

        assertDetected("WITNESS_MISMATCH", 10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLogRewrittenUnderItsCheckpointRowsBreaksThem(TestDatabase db) throws Exception {
        setUp(db);
        rewrite();

        assertThat(kinds(verifier(false, KEY).verifyFull(LOG))).contains("CHECKPOINT_MISMATCH 4", "WITNESS_MISMATCH 10");
        assertThat(kinds(verifier(false, KEY).verifyIncremental(LOG))).containsExactly("CHANGED 10");
        assertCliReports("CHECKPOINT_MISMATCH", 4, cli());
        assertCliReports("CHANGED", 10, cli("--incremental"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tablesTruncatedAndWrittenAgainAreBehindTheWitness(TestDatabase db) throws Exception {
        setUp(db);
        log.tamper("TRUNCATE TABLE {event}", "TRUNCATE TABLE {checkpoint}", "TRUNCATE TABLE {head}");
        log.restoreTriggers();
        log.events.clear();
        log.append(3);

        assertDetected("BEHIND_WITNESS", 4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tablesDroppedAndCreatedAgainWithNewEventsDoNotMatchTheWitness(TestDatabase db) throws Exception {
        setUp(db);
        log.tamper("DROP TABLE {event}", "DROP TABLE {checkpoint}", "DROP TABLE {head}");
        new SchemaManager(log.tables).apply(log.login.dataSource(), SchemaMode.CREATE);
        log.events.clear();
        log.append(12);

        assertDetected("WITNESS_MISMATCH", 10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBogusCheckpointRowIsANoticeAndTheLogStaysUsable(TestDatabase db) throws Exception {
        setUp(db);
        log.asApplication("INSERT INTO {checkpoint} (log_id, size, last_checksum, merkle_root, signature, key_id, edge,"
                + " note) VALUES ({log}, 9, '" + "0".repeat(64) + "', '" + "0".repeat(64) + "', 'x', 'x', 'x',"
                + " 'not a signed note')");

        VerificationReport report = verifier(false, KEY).verifyFull(LOG);
        assertThat(report.damages()).isEmpty();
        assertThat(notices(report)).containsExactly("CHECKPOINT_IGNORED 9");
        Cli.Result r = cli();
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("notice: CHECKPOINT_IGNORED at position 9 ").contains("CHECKPOINT_MALFORMED");

        log.append(2);
        VerificationReport later = verifier(false, KEY).verifyFull(LOG);
        assertThat(later.damages()).isEmpty();
        assertThat(notices(later)).containsExactly("CHECKPOINT_IGNORED 9", "UNSIGNED_TAIL 11");
        assertThat(verifier(false, KEY).verifyIncremental(LOG).damages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aForgedAppendedEventIsAnUnsignedTailAndDamageWhenEveryEventMustBeSigned(TestDatabase db) throws Exception {
        setUp(db);
        AuditEvent forged = TestLog.draft(99).seal(LOG, 11, log.events.get(9).checksum());
        try (Connection c = log.connect(); PreparedStatement ps = c.prepareStatement(EventRows.insertSql(log.tables))) {
            EventRows.bind(ps, forged);
            ps.executeUpdate();
        }
        log.asApplication("UPDATE {head} SET size = 11, last_checksum = '" + forged.checksum() + "' WHERE log_id = {log}");

        for (VerificationReport r : List.of(verifier(false, KEY).verifyFull(LOG),
                verifier(false, KEY).verifyIncremental(LOG))) {
            assertThat(r.damages()).as(r.summary()).isEmpty();
            assertThat(notices(r)).containsExactly("UNSIGNED_TAIL 11");
        }
        assertThat(cli().status()).isZero();
        assertThat(cli().out()).contains("notice: UNSIGNED_TAIL");
        assertThat(kinds(verifier(true, KEY).verifyFull(LOG))).containsExactly("UNSIGNED_EVENTS 11");
        assertThat(kinds(verifier(true, KEY).verifyIncremental(LOG))).containsExactly("UNSIGNED_EVENTS 11");
        assertCliReports("UNSIGNED_EVENTS", 11, cli("--require-signed"));
        assertCliReports("UNSIGNED_EVENTS", 11, cli("--require-signed", "--incremental"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHeadSetBackIsAHeadMismatch(TestDatabase db) throws Exception {
        setUp(db);
        log.asApplication("UPDATE {head} SET size = 8, last_checksum = '" + log.events.get(7).checksum()
                + "' WHERE log_id = {log}");

        assertDetected("HEAD_MISMATCH", 9);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeletedCheckpointRowThatTheWitnessHoldsIsMissing(TestDatabase db) throws Exception {
        setUp(db);
        log.tamper("DELETE FROM {checkpoint} WHERE log_id = {log} AND size = 10");

        assertDetected("CHECKPOINT_MISSING", 10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEditedCheckpointRowIsIgnoredAndTheCheckpointTheWitnessHoldsIsMissing(TestDatabase db) throws Exception {
        setUp(db);
        String altered = TestFiles.sign(log.events, 9, LOG, KEY).text();
        SignedNote genuine = TestFiles.sign(log.events, 10, LOG, KEY);
        String edited = altered + genuine.format().substring(genuine.text().length());
        try (Connection c = log.connect()) {
            log.tamper();
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + log.tables.checkpoint()
                    + " SET note = ? WHERE log_id = ? AND size = 10")) {
                ps.setString(1, edited);
                ps.setString(2, LOG);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }

        assertDetected("CHECKPOINT_MISSING", 10);
        assertThat(notices(verifier(false, KEY).verifyFull(LOG))).contains("CHECKPOINT_IGNORED 10");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCheckpointSignedByAnUntrustedKeyIsANoticeUnlessItReplacesTheWitnessedOne(TestDatabase db)
            throws Exception {
        setUp(db);
        log.checkpoint(9, TestFiles.OTHER_KEY);
        VerificationReport inserted = verifier(false, KEY).verifyFull(LOG);
        assertThat(inserted.damages()).isEmpty();
        assertThat(notices(inserted)).containsExactly("CHECKPOINT_IGNORED 9");
        assertThat(inserted.notices().get(0).detail()).startsWith("CHECKPOINT_UNTRUSTED");
        assertThat(cli().status()).isZero();

        log.tamper("DELETE FROM {checkpoint} WHERE log_id = {log} AND size = 10");
        log.checkpoint(10, TestFiles.OTHER_KEY);

        assertDetected("CHECKPOINT_MISSING", 10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEditedWitnessRecordIsDamaged(TestDatabase db) throws Exception {
        setUp(db);
        List<String> lines = Files.readAllLines(witness);
        lines.set(lines.size() - 1, lines.get(lines.size() - 1).replace("\\n10\\n", "\\n11\\n"));
        Files.write(witness, lines);

        assertDetected("WITNESS_DAMAGED", 0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeletedWitnessIsMissing(TestDatabase db) throws Exception {
        setUp(db);
        Files.delete(witness);

        assertDetected("WITNESS_MISSING", 0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWitnessCutInItsLastRecordIsReportedAsBehindTheStore(TestDatabase db) throws Exception {
        setUp(db);
        byte[] bytes = Files.readAllBytes(witness);
        Files.write(witness, Arrays.copyOf(bytes, bytes.length - 20));

        for (VerificationReport r : List.of(verifier(false, KEY).verifyFull(LOG),
                verifier(false, KEY).verifyIncremental(LOG))) {
            assertThat(r.damages()).as(r.summary()).isEmpty();
            assertThat(r.notices()).extracting(d -> d.kind().name()).containsExactly("WITNESS_NOTICE", "WITNESS_BEHIND");
            assertThat(r.anchors().witnessedSize()).isEqualTo(8);
        }
        assertThat(cli().out()).contains("notice: WITNESS_NOTICE").contains("notice: WITNESS_BEHIND")
                .contains("holds tree size 8; the store's newest signed checkpoint has 10");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKeyRotatedMidLogVerifiesWhileBothKeysAreTrustedAndDroppingTheOldKeyIsReported(TestDatabase db)
            throws Exception {
        setUp(db, NEW_KEY);
        Path both = TestFiles.write(dir.resolve("both.keys"), KEY.verifierKey().encode() + "\n"
                + NEW_KEY.verifierKey().encode() + "\n");
        Path newOnly = TestFiles.write(dir.resolve("new.keys"), NEW_KEY.verifierKey().encode() + "\n");

        for (VerificationReport r : List.of(verifier(false, KEY, NEW_KEY).verifyFull(LOG),
                verifier(false, KEY, NEW_KEY).verifyIncremental(LOG))) {
            assertThat(r.damages()).as(r.summary()).isEmpty();
            assertThat(r.notices()).as(r.summary()).isEmpty();
        }
        Cli.Result intact = Cli.run(log.args("verify", "--keys", both.toString(), "--witness", witness.toString()));
        assertThat(intact.status()).as(intact.toString()).isZero();
        assertThat(intact.out()).doesNotContain("notice");

        VerificationReport dropped = verifier(false, NEW_KEY).verifyFull(LOG);
        assertThat(dropped.damages()).isEmpty();
        assertThat(notices(dropped)).containsExactly("CHECKPOINT_IGNORED 4", "CHECKPOINT_IGNORED 8");
        assertThat(dropped.anchors().signedSize()).isEqualTo(10);
        Cli.Result reported = Cli.run(log.args("verify", "--keys", newOnly.toString(), "--witness",
                witness.toString()));
        assertThat(reported.out()).contains("notice: CHECKPOINT_IGNORED at position 4 (sequence 4)")
                .contains("notice: CHECKPOINT_IGNORED at position 8 (sequence 8)");

        assertThat(kinds(verifier(false, KEY).verifyFull(LOG))).containsExactly("WITNESS_DAMAGED 0");
    }

    /** Asserts that full and incremental verification, and the command line both ways, report {@code kind} at {@code sequence}. */
    private void assertDetected(String kind, long sequence) {
        String expected = kind + " " + sequence;
        assertThat(kinds(verifier(false, KEY).verifyFull(LOG))).as("full").contains(expected);
        assertThat(kinds(verifier(false, KEY).verifyIncremental(LOG))).as("incremental").contains(expected);
        assertCliReports(kind, sequence, cli());
        assertCliReports(kind, sequence, cli("--incremental"));
    }

    private static void assertCliReports(String kind, long sequence, Cli.Result r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).as(r.toString()).contains("log 'ledger' DAMAGED")
                .containsPattern(kind + " at position \\d+ \\(sequences? " + sequence + "\\b");
    }

    private Cli.Result cli(String... more) {
        return Cli.run(log.args("verify", Stream.concat(Stream.of("--keys", keys.toString(), "--witness",
                witness.toString()), Stream.of(more)).toArray(String[]::new)));
    }

    private JdbcChainVerifier verifier(boolean requireSigned, NoteSigner... trusted) {
        return JdbcChainVerifier.builder(log.login.dataSource(), log.tables).pageSize(3)
                .trustedKeys(TrustedKeys.of(Arrays.stream(trusted).map(NoteSigner::verifierKey).toList()))
                .witness(FileWitness.open(witness, "airlog/" + LOG)).requireSigned(requireSigned).build();
    }

    /** The stored events replaced by the same drafts sealed again with one edit, and the head moved: a full rewrite. */
    private void rewrite() throws SQLException {
        List<AuditEvent> rewritten = new ArrayList<>();
        String previous = ChainPosition.GENESIS;
        for (int i = 1; i <= 10; i++) {
            AuditEvent e = TestLog.draft(i == 5 ? 55 : i).seal(LOG, i, previous);
            rewritten.add(e);
            previous = e.checksum();
        }
        log.tamper("DELETE FROM {event} WHERE log_id = {log}");
        try (Connection c = log.connect(); PreparedStatement ps = c.prepareStatement(EventRows.insertSql(log.tables))) {
            for (AuditEvent e : rewritten) {
                EventRows.bind(ps, e);
                ps.executeUpdate();
            }
        }
        log.asApplication("UPDATE {head} SET size = 10, last_checksum = '" + previous + "' WHERE log_id = {log}");
    }

    private static List<String> kinds(VerificationReport r) {
        return r.damages().stream().map(DatabaseTamperTest::describe).toList();
    }

    /** The notices, each with its position if it has one (a checkpoint row's size), else its first sequence. */
    private static List<String> notices(VerificationReport r) {
        return r.notices().stream().map(d -> d.kind() + " " + (d.position() > 0 ? d.position() : d.firstSequence()))
                .toList();
    }

    private static String describe(Damage d) {
        return d.kind() + " " + d.firstSequence();
    }
}
