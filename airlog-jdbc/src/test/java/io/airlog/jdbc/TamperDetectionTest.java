package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.verify.Damage;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tamper suite: two logs of ten events each, the insert-only triggers switched off the
 * way an owner of the tables can, then one kind of tampering with log-a per test. Each must
 * be reported with its kind and position; untouched logs report nothing.
 */
class TamperDetectionTest {
    private static final String A = "log-a";
    private static final String B = "log-b";

    private Fixture fixture;
    private Connection c;
    private List<AuditEvent> logA;
    private List<AuditEvent> logB;

    private void setUp(TestDatabase db) throws SQLException {
        fixture = Fixture.created(db);
        c = fixture.connect();
        logA = TestChains.seal(A, 10);
        logB = TestChains.seal(B, 10);
        TestChains.store(c, fixture.tables, logA);
        TestChains.store(c, fixture.tables, logB);
        fixture.disableInsertOnly(c);
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (fixture != null) {
            c.close();
            fixture.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void untouchedLogsReportNoDamage(TestDatabase db) throws SQLException {
        setUp(db);
        for (List<AuditEvent> log : List.of(logA, logB)) {
            VerificationReport report = verifyFull(log.get(0).logId());
            assertThat(report.damages()).isEmpty();
            assertThat(report.eventsRead()).isEqualTo(10);
            assertThat(report.end()).isEqualTo(log.get(9).position());
        }
    }

    static Stream<Arguments> columnEdits() {
        List<Arguments> edits = new ArrayList<>();
        for (TestDatabase db : TestDatabase.values()) {
            edits.add(Arguments.of(db, "event_id", "'" + UUID.randomUUID() + "'"));
            edits.add(Arguments.of(db, "ts_nanos", "ts_nanos + 1"));
            edits.add(Arguments.of(db, "action", "'document.delete'"));
            edits.add(Arguments.of(db, "principal_subject", "'mallory'"));
            edits.add(Arguments.of(db, "principal_auth", "'PASSWORD'"));
            edits.add(Arguments.of(db, "principal_metadata", "'{\"roles\":[\"admin\"],\"tenant\":\"acme\"}'"));
            edits.add(Arguments.of(db, "resource", "'Folder'"));
            edits.add(Arguments.of(db, "resource_id", "NULL"));
            edits.add(Arguments.of(db, "outcome", "'SUCCESS'"));
            edits.add(Arguments.of(db, "correlation_id", "'req-forged'"));
            edits.add(Arguments.of(db, "context", "'{\"i\":6}'"));
            edits.add(Arguments.of(db, "previous_checksum", "'" + "b".repeat(64) + "'"));
            edits.add(Arguments.of(db, "checksum", "'" + "a".repeat(64) + "'"));
        }
        return edits.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("columnEdits")
    void changedValueInAColumnIsReportedAsChangedAtItsRow(TestDatabase db, String column, String value)
            throws SQLException {
        setUp(db);
        update(column + " = " + value, 5);
        assertThat(damages(verifyFull(A))).containsExactly("CHANGED at 5, seq 5..5");
        assertThat(verifyFull(B).intact()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void changedSequenceNumberIsReportedAsReorderedAndBeyondTheHead(TestDatabase db) throws SQLException {
        setUp(db);
        update("seq = 12", 5);
        assertThat(damages(verifyFull(A))).containsExactly("REORDERED at 10, seq 5..5",
                "HEAD_MISMATCH at 10, seq 11..11");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void changedLogIdIsReportedAsMissing(TestDatabase db) throws SQLException {
        setUp(db);
        update("log_id = 'log-z'", 5);
        assertThat(damages(verifyFull(A))).containsExactly("MISSING at 5, seq 5..5");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletedMiddleRowIsReportedAsMissing(TestDatabase db) throws SQLException {
        setUp(db);
        delete(A, 5);
        VerificationReport report = verifyFull(A);
        assertThat(damages(report)).containsExactly("MISSING at 5, seq 5..5");
        assertThat(report.end()).isEqualTo(logA.get(3).position());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletedRangeIsReportedAsOneMissingRange(TestDatabase db) throws SQLException {
        setUp(db);
        for (int seq = 4; seq <= 6; seq++) {
            delete(A, seq);
        }
        assertThat(damages(verifyFull(A))).containsExactly("MISSING at 4, seq 4..6");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoRowsSwappedAreReportedAsReordered(TestDatabase db) throws SQLException {
        setUp(db);
        delete(A, 4);
        delete(A, 5);
        insert(storedAt(logA.get(4), A, 4));
        insert(storedAt(logA.get(3), A, 5));
        assertThat(damages(verifyFull(A))).containsExactly("REORDERED at 5, seq 4..4");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void forgedRowInsertedInTheMiddleIsReported(TestDatabase db) throws SQLException {
        setUp(db);
        for (int seq = 10; seq >= 6; seq--) {
            delete(A, seq);
            insert(storedAt(logA.get(seq - 1), A, seq + 1));
        }
        AuditEvent forged = TestChains.draft(99).withAction("money.transfer").seal(A, 6, logA.get(4).checksum());
        insert(forged);
        TestChains.setHead(c, fixture.tables, A, new ChainPosition(11, logA.get(9).checksum()));
        assertThat(damages(verifyFull(A))).containsExactly("DUPLICATED at 7, seq 6..6",
                "BROKEN_LINK at 8, seq 7..7");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void forgedRowAppendedWithoutItsHeadIsReportedAsHeadMismatch(TestDatabase db) throws SQLException {
        setUp(db);
        insert(TestChains.draft(99).seal(A, 11, logA.get(9).checksum()));
        assertThat(damages(verifyFull(A))).containsExactly("HEAD_MISMATCH at 11, seq 11..11");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void forgedRowAtTheLargestSequenceIsReportedAfterTheGap(TestDatabase db) throws SQLException {
        setUp(db);
        insert(TestChains.draft(99).seal(A, Long.MAX_VALUE, logA.get(9).checksum()));
        assertThat(damages(verifyFull(A))).containsExactly("HEAD_MISMATCH at 11, seq 11..11",
                "MISSING at 11, seq 11..9223372036854775806");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowWithChecksumRecomputedAfterAnEditIsReportedAsABrokenLinkAfterIt(TestDatabase db) throws SQLException {
        setUp(db);
        AuditEvent original = logA.get(4);
        AuditEvent edited = original.toDraft().withAction("document.read").seal(A, 5, original.previousChecksum());
        assertThat(edited.checksum()).isEqualTo(new AuditEvent(edited.eventId(), A, 5, edited.timestamp(),
                edited.action(), edited.principal(), edited.resource(), edited.resourceId(), edited.outcome(),
                edited.correlationId(), edited.context(), edited.previousChecksum(), "").computeChecksum());
        update("action = 'document.read', checksum = '" + edited.checksum() + "'", 5);
        assertThat(damages(verifyFull(A))).containsExactly("BROKEN_LINK at 6, seq 6..6");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventSplicedInFromAnotherLogIsReportedAsForeign(TestDatabase db) throws SQLException {
        setUp(db);
        delete(A, 5);
        delete(B, 5);
        insert(storedAt(logB.get(4), A, 5));
        assertThat(damages(verifyFull(A))).containsExactly("FOREIGN at 5, seq 5..5", "MISSING at 6, seq 5..5");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void headThatNoLongerMatchesTheLastEventIsReported(TestDatabase db) throws SQLException {
        setUp(db);
        TestChains.setHead(c, fixture.tables, A, new ChainPosition(10, logA.get(8).checksum()));
        assertThat(damages(verifyFull(A))).containsExactly("HEAD_MISMATCH at 10, seq 10..10");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void headSetBackBelowTheLastEventIsReported(TestDatabase db) throws SQLException {
        setUp(db);
        TestChains.setHead(c, fixture.tables, A, logA.get(7).position());
        assertThat(damages(verifyFull(A))).containsExactly("HEAD_MISMATCH at 10, seq 9..9");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tailRowsRemovedBelowTheHeadAreReported(TestDatabase db) throws SQLException {
        setUp(db);
        delete(A, 10);
        delete(A, 9);
        assertThat(damages(verifyFull(A))).containsExactly("HEAD_MISMATCH at 8, seq 9..9");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void missingHeadRowIsReported(TestDatabase db) throws SQLException {
        setUp(db);
        TestChains.execute(c, "DELETE FROM " + fixture.tables.head() + " WHERE log_id = '" + A + "'");
        assertThat(damages(verifyFull(A))).containsExactly("HEAD_MISMATCH at 10, seq 10..10");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowThatIsNoLongerAnEventIsReportedAsMalformed(TestDatabase db) throws SQLException {
        setUp(db);
        update("outcome = 'MAYBE'", 5);
        assertThat(damages(verifyFull(A))).containsExactly("MALFORMED at 5, seq 5..5");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameContextRewrittenAsOtherJsonTextIsReportedAsMalformed(TestDatabase db) throws SQLException {
        setUp(db);
        String canonical = ((io.airlog.internal.CanonicalMap) logA.get(4).context()).json();
        assertThat(canonical).startsWith("{\"");
        update("context = '" + canonical.replace("{\"", "{ \"").replace("'", "''") + "'", 5);
        assertThat(damages(verifyFull(A))).containsExactly("MALFORMED at 5, seq 5..5");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyDamagedPlaceIsReportedNotJustTheFirst(TestDatabase db) throws SQLException {
        setUp(db);
        update("action = 'x'", 2);
        delete(A, 5);
        TestChains.setHead(c, fixture.tables, A, new ChainPosition(10, logA.get(8).checksum()));
        assertThat(damages(verifyFull(A))).containsExactly("CHANGED at 2, seq 2..2", "MISSING at 5, seq 5..5",
                "HEAD_MISMATCH at 9, seq 10..10");
    }

    private VerificationReport verifyFull(String logId) {
        return new JdbcChainVerifier(fixture.dataSource, fixture.tables, 3).verifyFull(logId);
    }

    private static List<String> damages(VerificationReport report) {
        return report.damages().stream().map(TamperDetectionTest::describe).toList();
    }

    private static String describe(Damage d) {
        return d.kind() + " at " + d.position() + ", seq " + d.firstSequence() + ".." + d.lastSequence();
    }

    private void update(String assignments, long seq) throws SQLException {
        TestChains.execute(c, "UPDATE " + fixture.tables.event() + " SET " + assignments + " WHERE log_id = '" + A
                + "' AND seq = " + seq);
    }

    private void delete(String logId, long seq) throws SQLException {
        TestChains.execute(c, "DELETE FROM " + fixture.tables.event() + " WHERE log_id = '" + logId + "' AND seq = "
                + seq);
    }

    private void insert(AuditEvent row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EventRows.insertSql(fixture.tables))) {
            EventRows.bind(ps, row);
            ps.executeUpdate();
        }
    }

    /** The stored fields of {@code event} (its checksum included) placed in another row. */
    private static AuditEvent storedAt(AuditEvent event, String logId, long seq) {
        return new AuditEvent(event.eventId(), logId, seq, event.timestamp(), event.action(), event.principal(),
                event.resource(), event.resourceId(), event.outcome(), event.correlationId(), event.context(),
                event.previousChecksum(), event.checksum());
    }
}
