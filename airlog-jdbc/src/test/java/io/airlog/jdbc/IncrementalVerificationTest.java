package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TestKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.merkle.TreeEdge;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incremental verification starts at the newest checkpoint row a trusted key signed whose
 * stored edge hashes to the signed root; nothing else a row holds is trusted.
 */
class IncrementalVerificationTest {
    private static final String LOG = "log";
    private static final NoteSigner KEY = TestKeys.rfc8032Test1("example.com/airlog-test");

    private static JdbcChainVerifier verifier(Fixture f) {
        return JdbcChainVerifier.builder(f.dataSource, f.tables).pageSize(2)
                .trustedKeys(TrustedKeys.of(KEY.verifierKey())).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void incrementalCheckReadsOnlyTheRowsAfterTheNewestTrustedCheckpointRow(TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            List<AuditEvent> old = TestChains.seal(LOG, 10);
            TestChains.store(c, f.tables, old);
            CheckpointRows.insert(c, f.tables, old, 4, KEY);
            CheckpointRows.insert(c, f.tables, old, 10, KEY);
            List<AuditEvent> added = TestChains.seal(LOG, old.get(9).position(), 5);
            TestChains.store(c, f.tables, added);

            VerificationReport report = verifier(f).verifyIncremental(LOG);

            assertThat(report.damages()).isEmpty();
            assertThat(report.eventsRead()).isEqualTo(5);
            assertThat(report.start()).isEqualTo(old.get(9).position());
            assertThat(report.end()).isEqualTo(added.get(4).position());
            assertThat(report.notices()).extracting(d -> d.kind() + " " + d.firstSequence() + ".." + d.lastSequence())
                    .containsExactly("UNSIGNED_TAIL 11..15");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void incrementalCheckPassesOverRowsNoTrustedKeySignedOrWithAnEdgeThatIsNotTheirs(TestDatabase db)
            throws SQLException {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            List<AuditEvent> events = TestChains.seal(LOG, 10);
            TestChains.store(c, f.tables, events);
            CheckpointRows.insert(c, f.tables, events, 6, KEY);
            CheckpointRows.insert(c, f.tables, events, 10, SigningKeys.generate("example.com/someone"));
            SignedNote at8 = KEY.sign(Checkpoint.of(Checkpoint.defaultOrigin(LOG), CheckpointRows.edge(events, 8)));
            TreeEdge wrong = CheckpointRows.edge(events, 7).append(CheckpointRows.edge(events, 1).root());
            CheckpointRows.insert(c, f.tables, LOG, events.get(7).checksum(), wrong, at8.format());

            VerificationReport report = verifier(f).verifyIncremental(LOG);

            assertThat(report.start()).isEqualTo(events.get(5).position());
            assertThat(report.eventsRead()).isEqualTo(4);
            assertThat(report.damages()).isEmpty();
            assertThat(report.notices()).extracting(d -> d.kind() + " " + d.firstSequence() + ".." + d.lastSequence())
                    .containsExactly("CHECKPOINT_IGNORED 10..10", "UNSIGNED_TAIL 9..10");
            assertThat(report.anchors().signedSize()).isEqualTo(8);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void incrementalCheckWithoutATrustedCheckpointRowOrKeysReadsTheWholeLog(TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            TestChains.store(c, f.tables, TestChains.seal(LOG, 7));
            VerificationReport withKeys = verifier(f).verifyIncremental(LOG);
            VerificationReport chainOnly = new JdbcChainVerifier(f.dataSource, f.tables).verifyIncremental(LOG);
            assertThat(withKeys.intact()).isTrue();
            assertThat(withKeys.eventsRead()).isEqualTo(7);
            assertThat(chainOnly.intact()).isTrue();
            assertThat(chainOnly.eventsRead()).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void callerGivenPositionIsCheckedThenOnlyLaterRowsAreRead(TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            List<AuditEvent> events = TestChains.seal(LOG, 10);
            TestChains.store(c, f.tables, events);
            VerificationReport report = new JdbcChainVerifier(f.dataSource, f.tables)
                    .verifyFrom(LOG, events.get(5).position());
            assertThat(report.intact()).isTrue();
            assertThat(report.eventsRead()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void positionWhoseEventHasAnotherChecksumIsReportedAsChanged(TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            List<AuditEvent> events = TestChains.seal(LOG, 10);
            TestChains.store(c, f.tables, events);
            VerificationReport report = new JdbcChainVerifier(f.dataSource, f.tables)
                    .verifyFrom(LOG, new ChainPosition(6, events.get(4).checksum()));
            assertThat(report.damages()).extracting(d -> d.kind() + " " + d.firstSequence())
                    .containsExactly("CHANGED 6", "BROKEN_LINK 7");
            assertThat(report.damages().get(0).detail()).contains("the log was rewritten up to here");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chainRewrittenThroughTheSignedStartIsDetectedIncrementally(TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            List<AuditEvent> events = TestChains.seal(LOG, 10);
            TestChains.store(c, f.tables, events);
            CheckpointRows.insert(c, f.tables, events, 10, KEY);
            f.disableInsertOnly(c);
            List<AuditEvent> rewritten = rewriteFrom(events, 3);
            TestChains.execute(c, "DELETE FROM " + f.tables.event() + " WHERE seq >= 3");
            insert(c, f, rewritten.subList(2, 10));
            TestChains.setHead(c, f.tables, LOG, rewritten.get(9).position());

            VerificationReport report = verifier(f).verifyIncremental(LOG);

            assertThat(report.damages()).extracting(d -> d.kind() + " " + d.firstSequence())
                    .containsExactly("CHANGED 10");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsRemovedThroughTheSignedStartAreDetectedIncrementally(TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            List<AuditEvent> events = TestChains.seal(LOG, 10);
            TestChains.store(c, f.tables, events);
            CheckpointRows.insert(c, f.tables, events, 10, KEY);
            f.disableInsertOnly(c);
            TestChains.execute(c, "DELETE FROM " + f.tables.event() + " WHERE seq >= 9");
            TestChains.setHead(c, f.tables, LOG, events.get(7).position());

            VerificationReport report = verifier(f).verifyIncremental(LOG);

            assertThat(report.damages()).extracting(d -> d.kind() + " " + d.firstSequence())
                    .containsExactly("MISSING 10");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void emptyLogIsIntact(TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.created(db)) {
            VerificationReport report = new JdbcChainVerifier(f.dataSource, f.tables).verifyFull("nothing-yet");
            assertThat(report.intact()).isTrue();
            assertThat(report.eventsRead()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void verificationWhileAWriterAppendsReportsNoDamage(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db)) {
            JdbcChainVerifier verifier = new JdbcChainVerifier(f.dataSource, f.tables, 7);
            CompletableFuture<ChainPosition> writer = CompletableFuture.supplyAsync(() -> {
                try (Connection c = f.connect()) {
                    ChainPosition head = ChainPosition.EMPTY;
                    for (int batch = 0; batch < 60; batch++) {
                        List<AuditEvent> events = TestChains.seal(LOG, head, 20);
                        TestChains.store(c, f.tables, events);
                        head = events.get(events.size() - 1).position();
                    }
                    return head;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<VerificationReport> reports = new ArrayList<>();
            while (!writer.isDone()) {
                reports.add(verifier.verifyFull(LOG));
            }
            reports.add(verifier.verifyFull(LOG));

            assertThat(reports).allSatisfy(r -> assertThat(r.damages()).isEmpty());
            assertThat(reports.get(reports.size() - 1).end()).isEqualTo(writer.get());
        }
    }

    /** The same events re-sealed from {@code seq} on with one edit there: a fully recomputed tail. */
    private static List<AuditEvent> rewriteFrom(List<AuditEvent> events, int seq) {
        List<AuditEvent> result = new ArrayList<>(events.subList(0, seq - 1));
        ChainPosition head = result.get(result.size() - 1).position();
        for (AuditEvent event : events.subList(seq - 1, events.size())) {
            var draft = event.sequence() == seq ? event.toDraft().withAction("covered.up") : event.toDraft();
            AuditEvent sealed = draft.seal(LOG, head.nextSequence(), head.lastChecksum());
            result.add(sealed);
            head = sealed.position();
        }
        return result;
    }

    private static void insert(Connection c, Fixture f, List<AuditEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EventRows.insertSql(f.tables))) {
            for (AuditEvent event : events) {
                EventRows.bind(ps, event);
                ps.executeUpdate();
            }
        }
    }
}
