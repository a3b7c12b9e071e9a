package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.spi.batch.WriterStatistics;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pipelined writer: on PostgreSQL, a writer alone on its log stages the next batch on a
 * second connection while the batch before commits; the log stays one gap-free chain in the
 * order the commits took effect, signed checkpoints stay valid, and a second writer on the log
 * turns the overlap off without failing a batch of either. On H2 and MariaDB the writer stays
 * serial (the same tests hold with no overlap).
 */
class PipelinedCommitTest {
    private static final NoteSigner SIGNER = SigningKeys.generate("pipeline-test");

    /** Whether the writer pipelines its batches on this database. */
    private static boolean pipelines(TestDatabase db) {
        return db == TestDatabase.POSTGRESQL;
    }

    private static JdbcAuditStream.Builder builder(Fixture fixture, String logId) {
        return JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix()).logId(logId);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sixteenCallersOverlapCommitsWithTheNextBatchAndEveryAcknowledgedEventIsInOneChain(TestDatabase db)
            throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            Load load;
            WriterStatistics statistics;
            try (JdbcAuditStream stream = builder(fixture, "pipelined").build()) {
                load = Load.start(stream, 16);
                try {
                    load.awaitAcknowledged(3_000);
                } finally {
                    load.close();
                }
                statistics = stream.statistics();
            }
            assertThat(statistics.overlappedCommits() > 0).as("%s", statistics).isEqualTo(pipelines(db));
            assertThat(statistics.failedEvents()).isZero();
            assertThat(statistics.connections()).as("one connection per stage of the pipeline")
                    .isEqualTo(pipelines(db) ? 2 : 1);
            try (Connection c = fixture.connect()) {
                List<io.airlog.AuditEvent> stored = StoredLog.events(c, fixture.tables, "pipelined");
                load.assertStoredLog("pipelined", stored);
                assertThat(stored).hasSize((int) statistics.committedEvents());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLoneCallerCommitsOnTheWriterThreadOverOneConnection(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = builder(fixture, "lone").build()) {
            for (int i = 0; i < 40; i++) {
                assertThat(stream.record(AuditDraft.builder("one").put("i", i)).sequence()).isEqualTo(i + 1);
            }
            assertThat(stream.statistics().overlappedCommits()).isZero();
            assertThat(stream.statistics().connections()).isEqualTo(1);
            StoredLog.assertIntact(fixture, "lone", 40);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checkpointsSignedByOverlappedBatchesAllVerify(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            long stored;
            try (JdbcAuditStream stream = builder(fixture, "signed").signer(SIGNER)
                    .checkpointInterval(Duration.ofMillis(20)).build()) {
                Load load = Load.start(stream, 16);
                try {
                    load.awaitAcknowledged(3_000);
                } finally {
                    load.close();
                }
                assertThat(stream.statistics().overlappedCommits() > 0).isEqualTo(pipelines(db));
                stored = stream.statistics().committedEvents();
            }
            List<CheckpointRows.Row> rows = CheckpointRows.assertEveryRowVerifies(fixture, "signed", stored,
                    TrustedKeys.of(SIGNER.verifierKey()), Checkpoint.defaultOrigin("signed"));
            assertThat(rows).hasSizeGreaterThan(2);
            assertThat(rows.get(rows.size() - 1).size()).isEqualTo(stored);
            VerificationReport report = JdbcChainVerifier.builder(fixture.dataSource, fixture.tables)
                    .trustedKeys(TrustedKeys.of(SIGNER.verifierKey())).requireSigned(true).build().verifyFull("signed");
            assertThat(report.intact()).as(report.summary()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecondWriterOnTheLogTurnsTheOverlapOffAndTheLogStaysOneChain(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            long total;
            try (JdbcAuditStream a = builder(fixture, "shared").name("a").build();
                 JdbcAuditStream b = builder(fixture, "shared").name("b").build()) {
                Load first = Load.start(a, 8);
                try {
                    first.awaitAcknowledged(1_000);
                    long overlappedAlone = a.statistics().overlappedCommits();
                    Load second = Load.start(b, 8);
                    try {
                        second.awaitAcknowledged(1_000);
                        first.awaitAcknowledged(first.acknowledged() + 1_000);
                    } finally {
                        second.close();
                    }
                    assertThat(second.failures()).as("failures of b: last %s", second.lastFailure()).isZero();
                    assertThat(overlappedAlone > 0).as("alone, a overlaps its commits").isEqualTo(pipelines(db));
                    assertThat(a.statistics().foreignAppends() + b.statistics().foreignAppends()).isPositive();
                } finally {
                    first.close();
                }
                assertThat(first.failures()).as("failures of a: last %s", first.lastFailure()).isZero();
                assertThat(a.statistics().failedEvents() + b.statistics().failedEvents()).isZero();
                total = a.statistics().committedEvents() + b.statistics().committedEvents();
            }
            StoredLog.assertIntact(fixture, "shared", total);
        }
    }
}
