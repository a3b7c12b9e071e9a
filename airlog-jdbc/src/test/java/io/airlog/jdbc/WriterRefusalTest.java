package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.AuditIntegrityException;
import io.airlog.StreamHealth;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.witness.FileWitness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The writer never builds on a damaged log: after each change an owner of the tables (or the
 * application role) can make, the next append is refused with an
 * {@link AuditIntegrityException} naming the log and the position, every later one too, and
 * health is DOWN with that message; what legitimately looks odd (a head set back over intact,
 * signed rows; rows of another writer with an interval) is continued from.
 */
class WriterRefusalTest {
    private static final NoteSigner SIGNER = SigningKeys.generate("refusal-test");
    private static final String LOG = "guarded";

    @TempDir
    Path dir;

    private static JdbcAuditStream.Builder builder(Fixture fixture, Duration interval) {
        return JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix()).logId(LOG)
                .signer(SIGNER).checkpointInterval(interval);
    }

    /**
     * The stream of a restarted application, whose start re-creates the schema's insert-only
     * triggers (an owner who switched them off would switch them back on anyway).
     */
    private static JdbcAuditStream.Builder restarted(Fixture fixture, Duration interval) {
        return builder(fixture, interval).schemaMode(SchemaMode.CREATE).indexProfile(TestDatabase.indexProfile());
    }

    /** A stream with ten events, written one batch each. */
    private static JdbcAuditStream tenEvents(JdbcAuditStream.Builder builder) {
        JdbcAuditStream stream = builder.build();
        for (int i = 1; i <= 10; i++) {
            stream.record(AuditDraft.builder("before").put("i", i));
        }
        return stream;
    }

    private static void assertRefused(JdbcAuditStream stream, long sequence, String problem) {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("after")))
                    .isInstanceOf(AuditIntegrityException.class)
                    .hasMessageContaining("log '" + LOG + "', sequence " + sequence + ": ")
                    .hasMessageContaining(problem)
                    .satisfies(e -> assertThat(((AuditIntegrityException) e).sequence()).isEqualTo(sequence));
        }
        StreamHealth health = stream.health();
        assertThat(health.status()).isEqualTo(StreamHealth.Status.DOWN);
        assertThat(health.detail()).contains("refusing to append").contains("log '" + LOG + "', sequence "
                + sequence).contains(problem);
    }

    /**
     * Deletes the events after {@code keep} (and the checkpoint rows after it, if asked) with the
     * insert-only triggers off, and sets the head back to match, as an owner of the tables can.
     */
    private static void cutTail(Fixture fixture, List<AuditEvent> events, int keep, boolean checkpoints)
            throws SQLException {
        try (Connection c = fixture.connect()) {
            fixture.disableInsertOnly(c);
            deleteAfter(fixture, c, keep);
            if (checkpoints) {
                TestChains.execute(c, "DELETE FROM " + fixture.tables.checkpoint() + " WHERE size > " + keep);
            }
            TestChains.setHead(c, fixture.tables, LOG, events.get(keep - 1).position());
        }
    }

    private static void deleteAfter(Fixture fixture, Connection c, long size) throws SQLException {
        TestChains.execute(c, "DELETE FROM " + fixture.tables.event() + " WHERE log_id = '" + LOG + "' AND seq > "
                + size);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAfterTheTailIsDeletedAndTheHeadSetBackToMatch(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ZERO))) {
            List<AuditEvent> events = StoredLog.assertIntact(fixture, LOG, 10);
            cutTail(fixture, events, 6, true);
            assertRefused(stream, 10, "is gone (events were deleted and the head set back to 6)");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void continuesFromTheStoredLogWhenOnlyRowsAfterTheNewestSignedCheckpointAreGone(TestDatabase db)
            throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ofHours(1)))) {
            assertThat(stream.writerCounters().signedSize()).as("the first batch signed, the others wait").isOne();
            List<AuditEvent> events = StoredLog.assertIntact(fixture, LOG, 10);
            cutTail(fixture, events, 7, false);
            assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(8);
            assertThat(stream.writerCounters().unsignedTailsLost()).isOne();
            assertThat(stream.health().up()).isTrue();
            StoredLog.assertIntact(fixture, LOG, 8);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRestartedWriterRefusesALogThatLostEventsAfterASignedCheckpoint(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            tenEvents(builder(fixture, Duration.ZERO)).close();
            List<AuditEvent> events = StoredLog.assertIntact(fixture, LOG, 10);
            cutTail(fixture, events, 6, false);
            try (JdbcAuditStream restarted = restarted(fixture, Duration.ZERO).build()) {
                assertRefused(restarted, 7, "a trusted signed checkpoint covers 10 events but only 6 are stored");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRestartedWriterRefusesALogBehindItsWitnessEvenWithoutItsCheckpointRows(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            tenEvents(builder(fixture, Duration.ZERO).witnessFile(dir)).close();
            List<AuditEvent> events = StoredLog.assertIntact(fixture, LOG, 10);
            cutTail(fixture, events, 6, true);
            try (JdbcAuditStream restarted = restarted(fixture, Duration.ZERO).witnessFile(dir).build()) {
                assertRefused(restarted, 7, "witness");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRestartedWriterRefusesALogWhoseWitnessFileWasDeletedAndDoesNotCreateItAgain(TestDatabase db)
            throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            tenEvents(builder(fixture, Duration.ZERO).witnessFile(dir)).close();
            Path file = FileWitness.fileFor(dir, LOG);
            Files.delete(file);
            for (int start = 1; start <= 2; start++) {
                try (JdbcAuditStream restarted = restarted(fixture, Duration.ZERO).witnessFile(dir).build()) {
                    assertRefused(restarted, 0, "holds nothing, but the store holds signed checkpoints");
                }
                assertThat(file).as("not created again at start %d", start).doesNotExist();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAfterTheEventTableIsEmptied(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ZERO))) {
            try (Connection c = fixture.connect()) {
                fixture.disableInsertOnly(c);
                if (db == TestDatabase.POSTGRESQL) {
                    TestChains.execute(c, "TRUNCATE " + fixture.tables.event());
                } else {
                    TestChains.execute(c, "DELETE FROM " + fixture.tables.event());
                }
            }
            assertRefused(stream, 10, "is gone (events were deleted)");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesALogRewrittenWithRecomputedChecksumsAndHead(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ZERO));
            try (Connection c = fixture.connect()) {
                fixture.disableInsertOnly(c);
                deleteAfter(fixture, c, 0);
                TestChains.store(c, fixture.tables, TestChains.seal(LOG, 10));
            }
            assertRefused(stream, 10, "no longer carries the checksum this writer stored or checked there");
            stream.close();
            try (JdbcAuditStream restarted = restarted(fixture, Duration.ZERO).build()) {
                assertRefused(restarted, 10, "is not the one a trusted checkpoint signed");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAForgedAppendedEventWithACorrectLinkWhenEveryBatchIsSigned(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ZERO));
            forgeAppend(fixture);
            assertRefused(stream, 11, "are covered by no trusted checkpoint at the head");
            stream.close();
            try (JdbcAuditStream restarted = restarted(fixture, Duration.ZERO).build()) {
                assertRefused(restarted, 11, "are covered by no trusted checkpoint");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void adoptsAnAppendedEventWithACorrectLinkWhenCheckpointsHaveAnInterval(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ofHours(1)))) {
            forgeAppend(fixture);
            assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(12);
            assertThat(stream.writerCounters().adoptedRows()).isEqualTo(1);
            assertThat(stream.health().up()).isTrue();
            StoredLog.assertIntact(fixture, LOG, 12);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void movesAHeadSetBackOverRowsCoveredByACheckpointForward(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ZERO))) {
            List<AuditEvent> events = StoredLog.assertIntact(fixture, LOG, 10);
            try (Connection c = fixture.connect()) {
                TestChains.setHead(c, fixture.tables, LOG, events.get(4).position());
            }
            assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(11);
            assertThat(stream.writerCounters().headsMovedForward()).isEqualTo(1);
            assertThat(stream.health().up()).isTrue();
            StoredLog.assertIntact(fixture, LOG, 11);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRestartedWriterMovesAHeadSetBackOverSignedRowsForward(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            tenEvents(builder(fixture, Duration.ZERO)).close();
            List<AuditEvent> events = StoredLog.assertIntact(fixture, LOG, 10);
            try (Connection c = fixture.connect()) {
                TestChains.setHead(c, fixture.tables, LOG, events.get(4).position());
            }
            try (JdbcAuditStream restarted = restarted(fixture, Duration.ZERO).build()) {
                assertThat(restarted.record(AuditDraft.builder("after")).sequence()).isEqualTo(11);
                assertThat(restarted.writerCounters().headsMovedForward()).isEqualTo(1);
            }
            StoredLog.assertIntact(fixture, LOG, 11);
        }
    }

    // A writer alone on its log stops locking the head first after a few batches: it moves the
    // head from where it left it, in a statement that also checks the stored end. These two
    // change the end under a head left as it was, after the ten batches that make it quiet.

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWriterAtTheExpectedHeadChecksAndAdoptsARowAppendedWithoutMovingTheHead(TestDatabase db)
            throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ofHours(1)))) {
            try (Connection c = fixture.connect()) {
                ChainPosition head = StoredLog.head(c, fixture.tables, LOG);
                TestChains.store(c, fixture.tables, TestChains.seal(LOG, head, 1));
                TestChains.setHead(c, fixture.tables, LOG, head);
            }
            assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(12);
            assertThat(stream.writerCounters().adoptedRows()).isEqualTo(1);
            assertThat(stream.writerCounters().headsMovedForward()).isEqualTo(1);
            assertThat(stream.statistics().failedBatches()).isZero();
            StoredLog.assertIntact(fixture, LOG, 12);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWriterAtTheExpectedHeadRefusesWhenItsLastRowWasRewrittenUnderTheHead(TestDatabase db)
            throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = tenEvents(builder(fixture, Duration.ofHours(1)))) {
            List<AuditEvent> events = StoredLog.assertIntact(fixture, LOG, 10);
            try (Connection c = fixture.connect()) {
                fixture.disableInsertOnly(c);
                deleteAfter(fixture, c, 9);
                TestChains.store(c, fixture.tables, TestChains.seal(LOG, events.get(8).position(), 1));
                TestChains.setHead(c, fixture.tables, LOG, events.get(9).position());
            }
            // not linked to the checksum it remembers: the head no longer matches the stored row
            assertRefused(stream, 10, "the head's last checksum is not the checksum of the stored row of sequence 10");
            try (Connection c = fixture.connect()) {
                assertThat(StoredLog.events(c, fixture.tables, LOG)).as("nothing stored after row 10").hasSize(10);
            }
        }
    }

    /** Appends a sealed event with a correct link after the head and moves the head, as the application role can. */
    private static void forgeAppend(Fixture fixture) throws SQLException {
        try (Connection c = fixture.connect()) {
            TestChains.store(c, fixture.tables, TestChains.seal(LOG, StoredLog.head(c, fixture.tables, LOG), 1));
        }
    }
}
