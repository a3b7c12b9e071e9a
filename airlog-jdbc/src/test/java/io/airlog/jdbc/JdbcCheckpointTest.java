package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Digest;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.witness.FileWitness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The writer signs checkpoints of its log's Merkle tree into the checkpoint table: at the
 * interval, in every batch with interval zero, from an idle timer and at close, and publishes
 * them to a witness. Every row must verify with the public key and match the stored events.
 */
class JdbcCheckpointTest {
    private static final NoteSigner SIGNER = SigningKeys.generate("writer-test");
    private static final TrustedKeys KEYS = TrustedKeys.of(SIGNER.verifierKey());

    @TempDir
    Path dir;

    private static JdbcAuditStream.Builder builder(Fixture fixture, String logId) {
        return JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix()).logId(logId)
                .signer(SIGNER);
    }

    private static String origin(String logId) {
        return Checkpoint.defaultOrigin(logId);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checkpointRowsAppearAtTheInterval(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            try (JdbcAuditStream stream = builder(fixture, "interval").checkpointInterval(Duration.ofMillis(300))
                    .build()) {
                long end = System.nanoTime() + Duration.ofMillis(1_000).toNanos();
                int recorded = 0;
                while (System.nanoTime() < end) {
                    stream.record(AuditDraft.builder("tick").put("i", recorded++));
                    Thread.sleep(10);
                }
                List<CheckpointRows.Row> rows = CheckpointRows.assertEveryRowVerifies(fixture, "interval", recorded,
                        KEYS, origin("interval"));
                assertThat(rows.size()).as("about one per 300 ms over 1 s, not one per event").isBetween(2, 8);
                assertThat(recorded).isGreaterThan(rows.size() * 3);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void intervalZeroStoresACheckpointInEveryBatch(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            try (JdbcAuditStream stream = builder(fixture, "every").checkpointInterval(Duration.ZERO).build()) {
                for (int i = 0; i < 12; i++) {
                    stream.record(AuditDraft.builder("one").put("i", i));
                }
                List<CheckpointRows.Row> rows = CheckpointRows.assertEveryRowVerifies(fixture, "every", 12, KEYS,
                        origin("every"));
                assertThat(rows).extracting(CheckpointRows.Row::size)
                        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
                assertThat(stream.writerCounters().checkpointsSigned()).isEqualTo(12);
                io.airlog.spi.CheckpointStatus status = stream.checkpointStatus().orElseThrow();
                assertThat(status.signedSize()).isEqualTo(12);
                assertThat(status.signed()).isEqualTo(12);
                assertThat(status.signingTime()).isPositive();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checkpointNotesVerifyWithThePublicKeyAndTheirEdgesHashToTheirRoots(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            try (JdbcAuditStream stream = builder(fixture, "notes").checkpointInterval(Duration.ZERO).build()) {
                concurrently(stream, 8, 40);
            }
            List<CheckpointRows.Row> rows = CheckpointRows.assertEveryRowVerifies(fixture, "notes", 320,
                    TrustedKeys.parse(SIGNER.verifierKey().encode()), origin("notes"));
            assertThat(rows).isNotEmpty();
            assertThat(rows.get(rows.size() - 1).size()).isEqualTo(320);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theWitnessFileGetsTheNewestCheckpointWithinTheWindow(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            Duration window = Duration.ofMillis(200);
            try (JdbcAuditStream stream = builder(fixture, "witnessed").checkpointInterval(Duration.ZERO)
                    .witnessFile(dir).witnessWindow(window).build()) {
                AuditEvent last = null;
                for (int i = 0; i < 5; i++) {
                    last = stream.record(AuditDraft.builder("w").put("i", i));
                }
                long committed = System.nanoTime();
                long newest = 0;
                while (newest < last.sequence() && System.nanoTime() - committed < window.toNanos() * 3) {
                    Thread.sleep(10);
                    newest = witnessedSize(dir, "witnessed");
                }
                long waited = Duration.ofNanos(System.nanoTime() - committed).toMillis();
                assertThat(newest).isEqualTo(last.sequence());
                assertThat(waited).as("published within the window (with scheduling slack)")
                        .isLessThanOrEqualTo(window.toMillis() + 150);
                assertThat(stream.witnessStatus()).isPresent();
                assertThat(stream.health().status()).isEqualTo(io.airlog.StreamHealth.Status.UP);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWitnessThatCannotBeWrittenMakesHealthDegradedAndEventsAreStillStored(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            Path witnessDir = dir.resolve("witness");
            Path file = witnessDir.resolve("failing.witness");
            JdbcAuditStream stream = builder(fixture, "failing").checkpointInterval(Duration.ZERO)
                    .witnessFile(file).witnessWindow(Duration.ofMillis(50)).build();
            stream.record(AuditDraft.builder("before"));
            java.nio.file.Files.delete(file);
            java.nio.file.Files.delete(witnessDir);
            assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(2);
            long start = System.nanoTime();
            // DEGRADED may come from the lag alone before the failing publish is counted: wait for both
            while ((stream.health().status() != io.airlog.StreamHealth.Status.DEGRADED
                    || stream.witnessStatus().orElseThrow().failures() == 0)
                    && System.nanoTime() - start < 2_000_000_000L) {
                Thread.sleep(10);
            }
            assertThat(stream.health().status()).isEqualTo(io.airlog.StreamHealth.Status.DEGRADED);
            assertThat(stream.health().detail()).contains("the witness " + file);
            assertThat(stream.witnessStatus().orElseThrow().failures()).isPositive();
            assertThatThrownBy(stream::close).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("was not published to the witness " + file);
            CheckpointRows.assertEveryRowVerifies(fixture, "failing", 2, KEYS, origin("failing"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theIdleTimerSignsTheTail(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            try (JdbcAuditStream stream = builder(fixture, "idle").checkpointInterval(Duration.ofMillis(300))
                    .build()) {
                for (int i = 0; i < 5; i++) {
                    stream.record(AuditDraft.builder("burst").put("i", i));
                }
                assertThat(lastRowSize(fixture, "idle")).as("the first batch signs, the next ones wait")
                        .isLessThan(5);
                long start = System.nanoTime();
                while (lastRowSize(fixture, "idle") < 5 && System.nanoTime() - start < 2_000_000_000L) {
                    Thread.sleep(20);
                }
                assertThat(lastRowSize(fixture, "idle")).isEqualTo(5);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_000));
                CheckpointRows.assertEveryRowVerifies(fixture, "idle", 5, KEYS, origin("idle"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closeSignsTheTail(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            JdbcAuditStream stream = builder(fixture, "closing").checkpointInterval(Duration.ofHours(1))
                    .witnessFile(dir).build();
            for (int i = 0; i < 4; i++) {
                stream.record(AuditDraft.builder("c").put("i", i));
            }
            assertThat(lastRowSize(fixture, "closing")).isEqualTo(1);
            stream.close();
            assertThat(lastRowSize(fixture, "closing")).isEqualTo(4);
            assertThat(witnessedSize(dir, "closing")).isEqualTo(4);
            CheckpointRows.assertEveryRowVerifies(fixture, "closing", 4, KEYS, origin("closing"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoredInDoubtBatchAdvancesTheEdgeAndOneNotStoredDoesNot(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            FaultyDataSource faulty = new FaultyDataSource(fixture);
            try (JdbcAuditStream stream = JdbcAuditStream.builder(faulty).tablePrefix(fixture.tables.prefix())
                    .logId("doubt").signer(SIGNER).checkpointInterval(Duration.ZERO).build()) {
                stream.record(AuditDraft.builder("before"));
                faulty.failNextCommit(FaultyDataSource.CommitFault.REPLY_LOST);
                assertThat(stream.record(AuditDraft.builder("stored")).sequence()).isEqualTo(2);
                faulty.failNextCommit(FaultyDataSource.CommitFault.NEVER_ARRIVES);
                try {
                    stream.record(AuditDraft.builder("lost"));
                } catch (io.airlog.AuditException expected) {
                    // not stored, the caller is told so
                }
                assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(3);
                assertThat(stream.health().up()).isTrue();
                assertThat(stream.writerCounters().adoptedRows()).as("no row looked foreign").isZero();
            }
            List<CheckpointRows.Row> rows = CheckpointRows.assertEveryRowVerifies(fixture, "doubt", 3, KEYS,
                    origin("doubt"));
            assertThat(rows).extracting(CheckpointRows.Row::size).containsExactly(1L, 2L, 3L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoStreamsOnOneLogKeepAppendingWithCheckpointsThatAllVerify(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            for (Duration interval : List.of(Duration.ZERO, Duration.ofMillis(50))) {
                String logId = "two-" + interval.toMillis();
                try (JdbcAuditStream a = builder(fixture, logId).name("a").checkpointInterval(interval).build();
                     JdbcAuditStream b = builder(fixture, logId).name("b").checkpointInterval(interval).build()) {
                    ExecutorService pool = Executors.newFixedThreadPool(2);
                    Future<?> fa = pool.submit(() -> concurrently(a, 4, 50));
                    Future<?> fb = pool.submit(() -> concurrently(b, 4, 50));
                    fa.get();
                    fb.get();
                    pool.shutdown();
                    assertThat(a.health().up()).isTrue();
                    assertThat(b.health().up()).isTrue();
                }
                List<CheckpointRows.Row> rows = CheckpointRows.assertEveryRowVerifies(fixture, logId, 400, KEYS,
                        origin(logId));
                assertThat(rows.get(rows.size() - 1).size()).as("closing signs the tail").isEqualTo(400);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBogusCheckpointRowAtAFutureSizeCostsOneCheckpointOnly(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db)) {
            try (JdbcAuditStream stream = builder(fixture, "bogus").checkpointInterval(Duration.ZERO).build()) {
                stream.record(AuditDraft.builder("one"));
                stream.record(AuditDraft.builder("two"));
                NoteSigner stranger = SigningKeys.generate("stranger");
                AuditEvent unrelated = TestChains.seal("bogus", 4).get(3);
                SignedNote note = stranger.sign(new Checkpoint(origin("bogus"), 4,
                        Digest.fromHex(unrelated.checksum())));
                try (Connection c = fixture.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                        + fixture.tables.checkpoint() + " (log_id, size, last_checksum, merkle_root, signature,"
                        + " key_id, edge, note) VALUES ('bogus', 4, ?, ?, 'x', 'stranger', 'edge 0', ?)")) {
                    ps.setString(1, unrelated.checksum());
                    ps.setString(2, unrelated.checksum());
                    ps.setString(3, note.format());
                    ps.executeUpdate();
                }
                for (int i = 3; i <= 6; i++) {
                    assertThat(stream.record(AuditDraft.builder("more")).sequence()).isEqualTo(i);
                }
                assertThat(stream.health().up()).isTrue();
                assertThat(stream.writerCounters().checkpointsSkipped()).isEqualTo(1);
                assertThat(stream.writerCounters().untrustedCheckpointRows()).isEqualTo(1);
            }
            List<CheckpointRows.Row> rows = CheckpointRows.read(fixture, "bogus");
            assertThat(rows).extracting(CheckpointRows.Row::size).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(rows.get(3).keyId()).isEqualTo("stranger");
        }
    }

    /** Records {@code each} events from each of {@code threads} threads. */
    private static Void concurrently(JdbcAuditStream stream, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    stream.record(AuditDraft.builder("load").put("i", i));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return null;
    }

    private static long lastRowSize(Fixture fixture, String logId) throws Exception {
        List<CheckpointRows.Row> rows = CheckpointRows.read(fixture, logId);
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).size();
    }

    /** The size of the newest checkpoint in the log's witness file in {@code dir}, 0 if none. */
    static long witnessedSize(Path dir, String logId) throws Exception {
        FileWitness w = FileWitness.open(FileWitness.fileFor(dir, logId), Checkpoint.defaultOrigin(logId));
        WitnessSnapshot s = w.read();
        if (s.newestFirst().isEmpty()) {
            return 0;
        }
        return KEYS.open(s.newestFirst().get(0).note(), Checkpoint.defaultOrigin(logId)).size();
    }
}
