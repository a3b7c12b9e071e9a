package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditOutcomeUnknownException;
import io.airlog.jdbc.internal.ChainAppender;
import io.airlog.spi.batch.WriterStatistics;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch whose commit is cut off is in doubt: the writer keeps its callers waiting (up to
 * their write timeout), asks the database whether the batch is stored, and tells them which.
 * The commit faults are injected by {@link FaultyDataSource} around a real database.
 */
class InDoubtBatchTest {

    private static JdbcAuditStream.Builder builder(FaultyDataSource dataSource, Fixture fixture, String logId) {
        return JdbcAuditStream.builder(dataSource).tablePrefix(fixture.tables.prefix()).logId(logId);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCommitWhoseReplyWasLostIsFoundStoredAndItsCallerGetsTheEvent(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            FaultyDataSource faulty = new FaultyDataSource(fixture);
            try (JdbcAuditStream stream = builder(faulty, fixture, "lost-reply").build()) {
                stream.record(AuditDraft.builder("before"));
                faulty.failNextCommit(FaultyDataSource.CommitFault.REPLY_LOST);
                AuditEvent event = stream.record(AuditDraft.builder("cut-off"));
                assertThat(event.sequence()).isEqualTo(2);
                WriterStatistics stats = stream.statistics();
                assertThat(stats.inDoubtBatches()).isEqualTo(1);
                assertThat(stats.inDoubtStored()).isEqualTo(1);
                assertThat(stats.inDoubtNotStored()).isZero();
                assertThat(stats.unresolved()).isZero();
                assertThat(stream.health().up()).isTrue();
                assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(3);
                StoredLog.assertIntact(fixture, "lost-reply", 3);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCommitThatNeverArrivedIsFoundNotStoredAndItsCallerIsToldSo(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            FaultyDataSource faulty = new FaultyDataSource(fixture);
            try (JdbcAuditStream stream = builder(faulty, fixture, "never").build()) {
                stream.record(AuditDraft.builder("before"));
                faulty.failNextCommit(FaultyDataSource.CommitFault.NEVER_ARRIVES);
                assertThatThrownBy(() -> stream.record(AuditDraft.builder("cut-off")))
                        .isExactlyInstanceOf(AuditException.class)
                        .hasMessageContaining("did not take effect; the log is unchanged");
                WriterStatistics stats = stream.statistics();
                assertThat(stats.inDoubtNotStored()).isEqualTo(1);
                assertThat(stats.inDoubtStored()).isZero();
                assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(2);
                StoredLog.assertIntact(fixture, "never", 2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCallerWhoseBatchStaysInDoubtPastTheWriteTimeoutLearnsTheOutcomeByRecordingAgain(TestDatabase db)
            throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            FaultyDataSource faulty = new FaultyDataSource(fixture);
            try (JdbcAuditStream stream = builder(faulty, fixture, "unknown").writeTimeout(Duration.ofMillis(500))
                    .build()) {
                stream.record(AuditDraft.builder("before"));
                AuditDraft draft = AuditDraft.builder("cut-off").build();
                faulty.unreachableFor(2_000);
                faulty.failNextCommit(FaultyDataSource.CommitFault.REPLY_LOST);
                long start = System.nanoTime();
                assertThatThrownBy(() -> stream.record(draft)).isInstanceOf(AuditOutcomeUnknownException.class)
                        .hasMessageContaining("may or may not be stored")
                        .satisfies(e -> assertThat(((AuditOutcomeUnknownException) e).eventId())
                                .isEqualTo(draft.eventId()));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
                assertThat(stream.health().up()).isFalse();
                assertThat(stream.health().detail()).contains("in doubt");
                assertThat(stream.statistics().unresolved()).isEqualTo(1);
                AuditEvent stored = recordUntilReachable(stream, draft);
                assertThat(stored.sequence()).isEqualTo(2);
                WriterStatistics stats = stream.statistics();
                assertThat(stats.inDoubtStored()).isEqualTo(1);
                assertThat(stats.repeatedDrafts()).as("answered with the stored event (once per try)").isPositive();
                assertThat(stats.unresolved()).isZero();
                StoredLog.assertIntact(fixture, "unknown", 2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anErrorInsideABatchFailsItsCallersInsteadOfLeavingThemWaiting(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            FaultyDataSource faulty = new FaultyDataSource(fixture);
            try (JdbcAuditStream stream = builder(faulty, fixture, "error").build()) {
                stream.record(AuditDraft.builder("before"));
                faulty.failNextCommit(FaultyDataSource.CommitFault.ERROR);
                // The Error came out of the commit: whether it took effect is not known.
                assertThatThrownBy(() -> stream.record(AuditDraft.builder("during")))
                        .isInstanceOf(AuditOutcomeUnknownException.class).hasMessageContaining("the writer stopped")
                        .hasMessageContaining("injected: the driver failed with an Error");
                assertThat(stream.health().up()).isFalse();
                assertThat(stream.health().detail()).contains("the writer stopped");
                assertThatThrownBy(() -> stream.record(AuditDraft.builder("after")))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
                StoredLog.assertIntact(fixture, "error", 1);
            }
        }
    }

    // A writer alone on its log, once at its expected head, stores a small batch on PostgreSQL
    // in one statement run in auto-commit: that statement is the commit, and takes the fault.

    /** More batches than a writer needs, alone on its log, before it stops locking the head first. */
    private static final int QUIET_BATCHES = ChainAppender.QUIET_BATCHES + 2;

    private static void quiet(JdbcAuditStream stream) {
        for (int i = 0; i < QUIET_BATCHES; i++) {
            stream.record(AuditDraft.builder("before"));
        }
    }

    private static String expectedFault(TestDatabase db) {
        return db == TestDatabase.POSTGRESQL ? "auto-commit statement" : "commit";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchAtTheExpectedHeadWhoseReplyWasLostIsFoundStored(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            FaultyDataSource faulty = new FaultyDataSource(fixture);
            try (JdbcAuditStream stream = builder(faulty, fixture, "quiet-lost").build()) {
                quiet(stream);
                faulty.failNextCommit(FaultyDataSource.CommitFault.REPLY_LOST);
                AuditEvent event = stream.record(AuditDraft.builder("cut-off"));
                assertThat(faulty.faulted()).isEqualTo(expectedFault(db));
                assertThat(event.sequence()).isEqualTo(QUIET_BATCHES + 1);
                WriterStatistics stats = stream.statistics();
                assertThat(stats.inDoubtBatches()).isEqualTo(1);
                assertThat(stats.inDoubtStored()).isEqualTo(1);
                assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(QUIET_BATCHES + 2);
                StoredLog.assertIntact(fixture, "quiet-lost", QUIET_BATCHES + 2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchAtTheExpectedHeadThatNeverArrivedIsFoundNotStored(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            FaultyDataSource faulty = new FaultyDataSource(fixture);
            try (JdbcAuditStream stream = builder(faulty, fixture, "quiet-never").build()) {
                quiet(stream);
                faulty.failNextCommit(FaultyDataSource.CommitFault.NEVER_ARRIVES);
                assertThatThrownBy(() -> stream.record(AuditDraft.builder("cut-off")))
                        .isExactlyInstanceOf(AuditException.class)
                        .hasMessageContaining("did not take effect; the log is unchanged");
                assertThat(faulty.faulted()).isEqualTo(expectedFault(db));
                assertThat(stream.statistics().inDoubtNotStored()).isEqualTo(1);
                assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(QUIET_BATCHES + 1);
                StoredLog.assertIntact(fixture, "quiet-never", QUIET_BATCHES + 1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRepeatedDraftAtTheExpectedHeadGetsTheStoredEvent(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            try (JdbcAuditStream stream = builder(new FaultyDataSource(fixture), fixture, "quiet-repeat").build()) {
                AuditDraft first = AuditDraft.builder("first").build();
                AuditEvent stored = stream.record(first);
                quiet(stream);
                // the database refuses the batch's statement (a duplicate event id): nothing changed
                assertThat(stream.record(first)).isEqualTo(stored);
                assertThat(stream.statistics().repeatedDrafts()).isEqualTo(1);
                assertThat(stream.statistics().inDoubtBatches()).isZero();
                assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(QUIET_BATCHES + 2);
                StoredLog.assertIntact(fixture, "quiet-repeat", QUIET_BATCHES + 2);
            }
        }
    }

    /** Records the draft again until the database answers (the unreachable spell ends). */
    private static AuditEvent recordUntilReachable(JdbcAuditStream stream, AuditDraft draft) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return stream.record(draft);
            } catch (AuditException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
