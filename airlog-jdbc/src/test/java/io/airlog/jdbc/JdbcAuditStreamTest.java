package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.QueueFullPolicy;
import io.airlog.WriteMode;
import io.airlog.jdbc.internal.ChainAppender;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.spi.batch.WriterStatistics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The group-commit writer on each database: batching, restarts, several writers, close, back-pressure. */
class JdbcAuditStreamTest {
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void release() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private Fixture fixture(TestDatabase db) {
        Fixture fixture = Fixture.created(db);
        resources.add(fixture);
        return fixture;
    }

    private JdbcAuditStream open(JdbcAuditStream.Builder builder) {
        JdbcAuditStream stream = builder.build();
        resources.add(stream);
        return stream;
    }

    private static JdbcAuditStream.Builder builder(Fixture fixture, String logId) {
        return JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix()).logId(logId);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentCallersShareTransactions(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        JdbcAuditStream stream = open(builder(fixture, "batching"));
        int threads = 16;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        stream.record(AuditDraft.builder("batch.test"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        WriterStatistics stats = stream.statistics();
        assertThat(stats.committedEvents()).isEqualTo(threads * perThread);
        assertThat(stats.committedBatches()).isLessThan(stats.committedEvents());
        assertThat(stats.largestBatch()).isGreaterThan(1);
        assertThat(stats.failedBatches()).isZero();
        StoredLog.assertIntact(fixture, "batching", threads * perThread);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewStreamContinuesTheStoredChain(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        AuditEvent last;
        try (JdbcAuditStream first = builder(fixture, "restart").build()) {
            for (int i = 0; i < 5; i++) {
                first.record(AuditDraft.builder("restart.before"));
            }
            last = first.record(AuditDraft.builder("restart.before"));
        }
        JdbcAuditStream second = open(builder(fixture, "restart"));
        AuditEvent next = second.record(AuditDraft.builder("restart.after"));
        assertThat(next.follows(last)).isTrue();
        assertThat(next.sequence()).isEqualTo(7);
        StoredLog.assertIntact(fixture, "restart", 7);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoStreamsOnOneLogInterleaveIntoOneChain(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        List<JdbcAuditStream> streams = List.of(open(builder(fixture, "shared").name("a")),
                open(builder(fixture, "shared").name("b")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                JdbcAuditStream stream = streams.get(t % 2);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        stream.record(AuditDraft.builder("shared." + stream.name()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEvent> stored = StoredLog.assertIntact(fixture, "shared", 800);
        assertThat(stored).filteredOn(e -> e.action().equals("shared.a")).hasSize(400);
        assertThat(stored).filteredOn(e -> e.action().equals("shared.b")).hasSize(400);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void writersStartingANewLogAtTheSameTimeAllSucceed(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int log = 0; log < 5; log++) {
                String logId = "new-" + log;
                List<JdbcAuditStream> streams = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    streams.add(open(builder(fixture, logId).name("w" + w)));
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<AuditEvent>> firsts = new ArrayList<>();
                for (JdbcAuditStream stream : streams) {
                    firsts.add(pool.submit(() -> {
                        start.await();
                        return stream.record(AuditDraft.builder("first"));
                    }));
                }
                start.countDown();
                for (Future<AuditEvent> f : firsts) {
                    f.get(1, TimeUnit.MINUTES);
                }
                StoredLog.assertIntact(fixture, logId, 4);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void logsInOneTableHaveTheirOwnSequences(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        JdbcAuditStream orders = open(builder(fixture, "orders"));
        JdbcAuditStream payments = open(builder(fixture, "payments"));
        for (int i = 0; i < 3; i++) {
            orders.record(AuditDraft.builder("order"));
            payments.record(AuditDraft.builder("payment"));
        }
        assertThat(orders.head().size()).isEqualTo(3);
        assertThat(payments.head().size()).isEqualTo(3);
        StoredLog.assertIntact(fixture, "orders", 3);
        StoredLog.assertIntact(fixture, "payments", 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closeStoresEverythingQueued(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        JdbcAuditStream stream = open(builder(fixture, "drain").writeMode(WriteMode.ASYNC).batchMaxSize(50));
        List<CompletableFuture<AuditEvent>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(stream.recordAsync(AuditDraft.builder("drain").put("i", i).build()).toCompletableFuture());
        }
        stream.close();
        assertThat(results).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(results.get(999).join().sequence()).isEqualTo(1000);
        StoredLog.assertIntact(fixture, "drain", 1000);
    }

    @Test
    void recordAsyncAfterCloseFailsWithIllegalStateException() {
        Fixture fixture = fixture(TestDatabase.H2);
        JdbcAuditStream stream = open(builder(fixture, "closed").writeMode(WriteMode.ASYNC));
        stream.close();
        CompletableFuture<AuditEvent> result = stream.recordAsync(AuditDraft.builder("late").build())
                .toCompletableFuture();
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void asyncCapabilityIsDeclaredOnlyInAsyncWriteMode() {
        Fixture fixture = fixture(TestDatabase.POSTGRESQL);
        assertThat(open(builder(fixture, "sync")).capabilities())
                .containsExactlyInAnyOrder(Capability.QUERY, Capability.BATCHING, Capability.DURABLE);
        assertThat(open(builder(fixture, "async").writeMode(WriteMode.ASYNC)).capabilities())
                .containsExactlyInAnyOrder(Capability.QUERY, Capability.BATCHING, Capability.DURABLE,
                        Capability.ASYNC);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void durabilityIsDeclaredAsTheDatabaseIsConfigured(TestDatabase db) {
        JdbcAuditStream stream = open(builder(fixture(db), "durable"));
        switch (db) {
            case H2 -> assertThat(stream.durability()).startsWith("not durable: H2 writes committed transactions");
            case POSTGRESQL -> assertThat(stream.durability()).isEqualTo("durable: PostgreSQL synchronous_commit=on");
            case MARIADB -> assertThat(stream.durability())
                    .isEqualTo("durable: MariaDB innodb_flush_log_at_trx_commit=1");
        }
        assertThat(stream.capabilities().contains(Capability.DURABLE)).isEqualTo(db != TestDatabase.H2);
    }

    @Test
    void syncWriteModeRecordAsyncReturnsACompletedStage() {
        Fixture fixture = fixture(TestDatabase.H2);
        JdbcAuditStream stream = open(builder(fixture, "sync"));
        CompletableFuture<AuditEvent> result = stream.recordAsync(AuditDraft.builder("sync").build())
                .toCompletableFuture();
        assertThat(result).isCompleted();
        assertThat(result.join().sequence()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchWaitingForTheHeadLockTakesInWhatIsQueuedMeanwhile(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        allowLongLockWaits(fixture);
        JdbcAuditStream stream = open(builder(fixture, "grow").writeMode(WriteMode.ASYNC));
        stream.record(AuditDraft.builder("first"));
        List<CompletableFuture<AuditEvent>> results;
        try (HeadLock lock = HeadLock.take(fixture, "grow")) {
            results = oneBlockedThenTwentyQueued(stream);
        }
        assertThat(sequences(results)).containsExactlyElementsOf(LongStream.rangeClosed(2, 22).boxed().toList());
        WriterStatistics stats = stream.statistics();
        assertThat(stats.committedBatches()).isEqualTo(2);
        assertThat(stats.largestBatch()).isEqualTo(21);
        StoredLog.assertIntact(fixture, "grow", 22);
    }

    /**
     * Records one draft, waits until the writer has taken it (its transaction then waits for
     * the head row, which the test holds), and queues 20 more.
     */
    private static List<CompletableFuture<AuditEvent>> oneBlockedThenTwentyQueued(JdbcAuditStream stream)
            throws InterruptedException {
        List<CompletableFuture<AuditEvent>> results = new ArrayList<>();
        results.add(stream.recordAsync(AuditDraft.builder("blocked").build()).toCompletableFuture());
        awaitEmptyQueue(stream);
        for (int i = 0; i < 20; i++) {
            results.add(stream.recordAsync(AuditDraft.builder("queued").build()).toCompletableFuture());
        }
        return results;
    }

    /** The sequences of the events, once all are stored. */
    private static List<Long> sequences(List<CompletableFuture<AuditEvent>> results) {
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        return results.stream().map(f -> f.join().sequence()).toList();
    }

    /** More batches than a writer needs, alone on its log, before it stops locking the head first. */
    private static final int QUIET_BATCHES = ChainAppender.QUIET_BATCHES + 4;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWriterAloneOnItsLogNoticesAnotherWriterAppendingBetweenItsBatches(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        JdbcAuditStream alone = open(builder(fixture, "alone").name("alone"));
        for (int i = 0; i < QUIET_BATCHES; i++) {
            alone.record(AuditDraft.builder("alone"));
        }
        JdbcAuditStream other = open(builder(fixture, "alone").name("other"));
        assertThat(other.record(AuditDraft.builder("other")).sequence()).isEqualTo(QUIET_BATCHES + 1);

        AuditEvent next = alone.record(AuditDraft.builder("alone.again"));

        assertThat(next.sequence()).isEqualTo(QUIET_BATCHES + 2);
        assertThat(alone.statistics().foreignAppends()).isEqualTo(1);
        assertThat(alone.statistics().failedBatches()).isZero();
        assertThat(other.statistics().foreignAppends()).isZero();
        StoredLog.assertIntact(fixture, "alone", QUIET_BATCHES + 2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchThatFindsTheHeadMovedWhileItWaitedTakesInWhatIsQueuedMeanwhile(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        allowLongLockWaits(fixture);
        JdbcAuditStream stream = open(builder(fixture, "moved").writeMode(WriteMode.ASYNC));
        for (int i = 0; i < QUIET_BATCHES; i++) {
            stream.record(AuditDraft.builder("alone"));
        }
        List<CompletableFuture<AuditEvent>> results;
        try (HeadLock other = HeadLock.take(fixture, "moved")) {
            other.append("other.jvm");
            results = oneBlockedThenTwentyQueued(stream);
        }
        assertThat(sequences(results)).containsExactlyElementsOf(
                LongStream.rangeClosed(QUIET_BATCHES + 2, QUIET_BATCHES + 22).boxed().toList());
        WriterStatistics stats = stream.statistics();
        assertThat(stats.foreignAppends()).isEqualTo(1);
        assertThat(stats.largestBatch()).isEqualTo(21);
        assertThat(stats.failedBatches()).isZero();
        List<AuditEvent> stored = StoredLog.assertIntact(fixture, "moved", QUIET_BATCHES + 22);
        assertThat(stored.get(QUIET_BATCHES).action()).isEqualTo("other.jvm");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRepeatedDraftInABatchGetsTheStoredEventAndTheRestOfItsBatchIsStored(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        allowLongLockWaits(fixture);
        JdbcAuditStream stream = open(builder(fixture, "repeat").writeMode(WriteMode.ASYNC));
        AuditEvent stored = stream.record(AuditDraft.builder("first"));
        List<CompletableFuture<AuditEvent>> results = new ArrayList<>();
        try (HeadLock lock = HeadLock.take(fixture, "repeat")) {
            results.add(stream.recordAsync(AuditDraft.builder("blocked").build()).toCompletableFuture());
            awaitEmptyQueue(stream);
            // Queued while the writer waits for the lock, these join the blocked draft's batch.
            // The repeated id is its 81st row, in its second multi-row insert: the first insert
            // has run when the database rejects the batch.
            for (int i = 0; i < 100; i++) {
                AuditDraft draft = i == 79 ? stored.toDraft() : AuditDraft.builder("batch").put("i", i).build();
                results.add(stream.recordAsync(draft).toCompletableFuture());
            }
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        assertThat(results.get(80).join()).isEqualTo(stored);
        WriterStatistics stats = stream.statistics();
        assertThat(stats.failedBatches()).as("the batch of 101, rejected for the repeated id").isEqualTo(1);
        assertThat(stats.committedBatches()).as("first, then the other 100 together").isEqualTo(2);
        assertThat(stats.repeatedDrafts()).isEqualTo(1);
        assertThat(stats.failedEvents()).isZero();
        StoredLog.assertIntact(fixture, "repeat", 101);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFullQueueFailsAtOnceWithTheFailPolicy(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        allowLongLockWaits(fixture);
        // The capacity counts the draft being stored too: one blocked, two queued.
        JdbcAuditStream stream = open(builder(fixture, "full").writeMode(WriteMode.ASYNC).batchMaxSize(1)
                .batchMaxDelay(Duration.ZERO).queueCapacity(3).queueFullPolicy(QueueFullPolicy.FAIL));
        stream.record(AuditDraft.builder("first"));
        List<CompletableFuture<AuditEvent>> queued = new ArrayList<>();
        try (HeadLock lock = HeadLock.take(fixture, "full")) {
            queued.add(stream.recordAsync(AuditDraft.builder("blocked").build()).toCompletableFuture());
            awaitEmptyQueue(stream); // the writer holds the first draft and waits for the lock
            queued.add(stream.recordAsync(AuditDraft.builder("queued").build()).toCompletableFuture());
            queued.add(stream.recordAsync(AuditDraft.builder("queued").build()).toCompletableFuture());
            CompletableFuture<AuditEvent> rejected = stream.recordAsync(AuditDraft.builder("rejected").build())
                    .toCompletableFuture();
            assertThat(rejected).isCompletedExceptionally();
            assertThatThrownBy(rejected::join).hasCauseInstanceOf(AuditException.class)
                    .hasMessageContaining("queue is full");
        }
        assertThat(queued).allSatisfy(f -> assertThat(f.get(1, TimeUnit.MINUTES).verify()).isTrue());
        assertThat(stream.statistics().failedEvents()).isEqualTo(1);
        StoredLog.assertIntact(fixture, "full", 4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFullQueueBlocksForTheTimeoutThenFails(TestDatabase db) throws Exception {
        Fixture fixture = fixture(db);
        allowLongLockWaits(fixture);
        JdbcAuditStream stream = open(builder(fixture, "block").writeMode(WriteMode.ASYNC).batchMaxSize(1)
                .batchMaxDelay(Duration.ZERO).queueCapacity(2).queueFullPolicy(QueueFullPolicy.BLOCK)
                .blockTimeout(Duration.ofMillis(200)));
        stream.record(AuditDraft.builder("first"));
        try (HeadLock lock = HeadLock.take(fixture, "block")) {
            stream.recordAsync(AuditDraft.builder("blocked").build());
            awaitEmptyQueue(stream);
            stream.recordAsync(AuditDraft.builder("queued").build());
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("waits")))
                    .isInstanceOf(AuditException.class).hasMessageContaining("stayed full for 200 ms");
        }
        stream.close();
        StoredLog.assertIntact(fixture, "block", 3);
    }

    /** H2 waits 2 s for a lock by default; the writer must outwait the tests that hold the head. */
    private static void allowLongLockWaits(Fixture fixture) throws Exception {
        if (fixture.db == TestDatabase.H2) {
            try (Connection c = fixture.connect()) {
                TestChains.execute(c, "SET DEFAULT_LOCK_TIMEOUT 60000");
            }
        }
    }

    private static void awaitEmptyQueue(JdbcAuditStream stream) throws InterruptedException {
        while (stream.statistics().queued() > 0) {
            Thread.sleep(5);
        }
    }

    /**
     * The head row of a log locked by another transaction, as another JVM's writer would hold
     * it; that transaction may append events, committed when the lock is released.
     */
    private static final class HeadLock implements AutoCloseable {
        private final Connection connection;
        private final Fixture fixture;
        private final String logId;
        private ChainPosition head;
        private boolean appended;

        private HeadLock(Connection connection, Fixture fixture, String logId, ChainPosition head) {
            this.connection = connection;
            this.fixture = fixture;
            this.logId = logId;
            this.head = head;
        }

        static HeadLock take(Fixture fixture, String logId) throws Exception {
            Connection c = fixture.connect();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT size, last_checksum FROM " + fixture.tables.head()
                    + " WHERE log_id = ? FOR UPDATE")) {
                ps.setString(1, logId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return new HeadLock(c, fixture, logId, new ChainPosition(rs.getLong(1), rs.getString(2)));
                }
            }
        }

        /** Appends one event at the locked head and moves the head, as a writer does. */
        void append(String action) throws Exception {
            AuditEvent event = AuditDraft.builder(action).build().seal(logId, head.size() + 1, head.lastChecksum());
            try (PreparedStatement insert = connection.prepareStatement(
                    EventRows.insertSql(fixture.tables));
                 PreparedStatement move = connection.prepareStatement("UPDATE " + fixture.tables.head()
                         + " SET size = ?, last_checksum = ? WHERE log_id = ?")) {
                EventRows.bind(insert, event);
                insert.executeUpdate();
                move.setLong(1, event.sequence());
                move.setString(2, event.checksum());
                move.setString(3, logId);
                assertThat(move.executeUpdate()).isEqualTo(1);
            }
            head = event.position();
            appended = true;
        }

        /** Ends the transaction (committing what {@link #append} added) and so releases the lock. */
        @Override
        public void close() throws Exception {
            if (appended) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void headOfANewLogIsEmpty(TestDatabase db) {
        Fixture fixture = fixture(db);
        assertThat(open(builder(fixture, "new")).head()).isEqualTo(ChainPosition.EMPTY);
    }
}
