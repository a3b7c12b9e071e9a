package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.ChainPosition;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each scenario's writer stores exactly the events its callers handed over, as the rows it claims. */
class ScenarioWritersTest {
    private static final int CALLERS = 3;
    private static final int PER_CALLER = 25;

    private final BenchDatabase db = BenchDatabase.h2Memory("writers-" + UUID.randomUUID());
    private TableNames tables;

    @BeforeEach
    void createTables() throws Exception {
        tables = db.createTables(BenchDatabase.freshPrefix("test"));
    }

    @AfterEach
    void dropTables() throws Exception {
        db.dropTables(tables);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"TWO_JVMS", "AIRLOG_FILE", "LOG4J_FILE"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyEventHandedOverIsStoredOnceWithContiguousSequences(Scenario scenario) throws Exception {
        Set<UUID> handedOver = writeConcurrently(scenario);

        assertThat(storedEventIds()).containsExactlyInAnyOrderElementsOf(handedOver);
        assertThat(storedSequences()).containsExactlyElementsOf(sequences(1, CALLERS * PER_CALLER));
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"AIRLOG_SYNC", "AIRLOG_SYNC_SIGNED_1S",
        "AIRLOG_SYNC_SIGNED_EVERY_BATCH", "AIRLOG_ASYNC", "NAIVE_CHAINED"})
    void chainedScenariosWriteAChainThatVerifies(Scenario scenario) throws Exception {
        writeConcurrently(scenario);

        VerificationReport report = new JdbcChainVerifier(db.dataSource(), tables).verifyFull("bench");
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.end().size()).isEqualTo(CALLERS * PER_CALLER);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"AIRLOG_SYNC_SIGNED_1S", "AIRLOG_SYNC_SIGNED_EVERY_BATCH"})
    void signedScenariosStoreCheckpointRowsThatVerifyWithTheirKeyAndWitness(Scenario scenario) throws Exception {
        AirlogSink sink = (AirlogSink) scenario.open(db.dataSource(), tables, "bench", CALLERS);
        writeConcurrently(sink);

        VerificationReport report = sink.check();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.end().size()).isEqualTo(CALLERS * PER_CALLER);
        assertThat(report.notices()).as("no unsigned tail after close").isEmpty();
        assertThat(checkpointSizes()).isNotEmpty().last().isEqualTo((long) CALLERS * PER_CALLER);
        assertThat(sink.stream().writerCounters().checkpointsSigned()).isEqualTo(checkpointSizes().size());
    }

    @Test
    void atIntervalZeroEveryBatchStoresItsCheckpoint() throws Exception {
        AirlogSink sink = (AirlogSink) Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH.open(db.dataSource(), tables, "bench",
                CALLERS);
        writeConcurrently(sink);

        assertThat(checkpointSizes()).hasSize((int) sink.stream().statistics().committedBatches());
    }

    @Test
    void anUnsignedSinkHasNoCheckpointCheck() throws Exception {
        AirlogSink sink = (AirlogSink) Scenario.AIRLOG_SYNC.open(db.dataSource(), tables, "bench", CALLERS);
        writeConcurrently(sink);

        assertThat(sink.signs()).isFalse();
        assertThatThrownBy(sink::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signs no checkpoints");
        assertThat(checkpointSizes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"PLAIN_BATCH", "NAIVE", "LOG4J_JDBC", "LOG4J_JDBC_BATCHED",
            "LOG4J_ASYNC_JDBC"})
    void unchainedScenariosStoreNoChecksums(Scenario scenario) throws Exception {
        writeConcurrently(scenario);

        assertThat(distinct("checksum")).containsExactly(ChainPosition.GENESIS);
        assertThat(distinct("previous_checksum")).containsExactly(ChainPosition.GENESIS);
    }

    @Test
    void chainedFlagNamesTheScenariosWhoseRowsAreSealed() {
        assertThat(Scenario.AIRLOG_SYNC.chained()).isTrue();
        assertThat(Scenario.NAIVE_CHAINED.chained()).isTrue();
        assertThat(Scenario.AIRLOG_FILE.chained()).isTrue();
        assertThat(Scenario.PLAIN_BATCH.chained()).isFalse();
        assertThat(Scenario.NAIVE.chained()).isFalse();
        assertThat(Scenario.LOG4J_ASYNC_JDBC.chained()).isFalse();
        assertThat(Scenario.LOG4J_FILE.chained()).isFalse();
    }

    @Test
    void signedFlagNamesTheScenariosThatSignCheckpoints() {
        assertThat(Scenario.AIRLOG_SYNC_SIGNED_1S.signed()).isTrue();
        assertThat(Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH.signed()).isTrue();
        assertThat(Scenario.AIRLOG_SYNC_SIGNED_1S.chained()).isTrue();
        assertThat(Scenario.AIRLOG_SYNC.signed()).isFalse();
        assertThat(Scenario.AIRLOG_ASYNC.signed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyScenarioStatesWhatTheCallerHoldsAndWhatACrashLoses(Scenario scenario) {
        assertThat(scenario.atReturn()).isNotBlank();
        assertThat(scenario.crashLoses()).isNotBlank();
    }

    @Test
    void aFileScenarioCannotBeOpenedOnTablesNorADatabaseScenarioOnAFile() {
        assertThatThrownBy(() -> Scenario.LOG4J_FILE.open(db.dataSource(), tables, "bench", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writes a file");
        assertThatThrownBy(() -> Scenario.LOG4J_JDBC.openFile(java.nio.file.Path.of("x.jsonl"), "bench"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
    }

    @Test
    void droppedTablesAreGone() throws Exception {
        db.dropTables(tables);

        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(names).noneMatch(n -> n.startsWith(tables.prefix().toLowerCase()));
        }
        tables = db.createTables(BenchDatabase.freshPrefix("again"));
    }

    private Set<UUID> writeConcurrently(Scenario scenario) throws Exception {
        return writeConcurrently(scenario.open(db.dataSource(), tables, "bench", CALLERS));
    }

    /** Writes from {@link #CALLERS} threads, then closes the sink. */
    private Set<UUID> writeConcurrently(Sink opened) throws Exception {
        ConcurrentLinkedQueue<UUID> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletionStage<?>> stages = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try (Sink sink = opened) {
            List<Thread> threads = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                int me = caller;
                Thread thread = new Thread(() -> {
                    for (int n = 0; n < PER_CALLER; n++) {
                        AuditDraft draft = Drafts.typical(Drafts.principal(me), n);
                        ids.add(draft.eventId());
                        try {
                            CompletionStage<?> stage = sink.store(me, draft);
                            if (stage != null) {
                                stages.add(stage);
                            }
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            for (CompletionStage<?> stage : stages) {
                stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(failures).isEmpty();
        return new HashSet<>(ids);
    }

    private List<Long> checkpointSizes() throws Exception {
        List<Long> sizes = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT size FROM " + tables.checkpoint() + " ORDER BY size")) {
            while (rs.next()) {
                sizes.add(rs.getLong(1));
            }
        }
        return sizes;
    }

    private List<UUID> storedEventIds() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (String id : column("event_id")) {
            ids.add(UUID.fromString(id));
        }
        return ids;
    }

    private List<Long> storedSequences() throws Exception {
        return column("seq").stream().map(Long::valueOf).toList();
    }

    private Set<String> distinct(String name) throws Exception {
        return new HashSet<>(column(name));
    }

    private List<String> column(String name) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + name + " FROM " + tables.event() + " ORDER BY seq")) {
            while (rs.next()) {
                values.add(rs.getString(1).trim());
            }
        }
        return values;
    }

    private static List<Long> sequences(long from, long to) {
        List<Long> s = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            s.add(i);
        }
        return s;
    }
}
