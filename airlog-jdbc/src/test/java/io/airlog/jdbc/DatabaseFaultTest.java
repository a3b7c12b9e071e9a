package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.WriteMode;
import io.airlog.spi.batch.WriterStatistics;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults as an operator meets them, on a database server of the test's own
 * ({@link PrivateDatabase}): the writer JVM killed with {@code kill -9} under load, the
 * server stopped hard and started again under synchronous and asynchronous load, the server
 * frozen ({@code SIGSTOP}), the application's role losing its INSERT right. After each: no
 * acknowledged event is missing, no event reported "not stored" is in the log, the chain
 * verifies, the same stream (no JVM restart) writes again, every in-doubt batch was resolved,
 * and each draft whose caller was told "outcome unknown" is found stored or stored now when it
 * is recorded again, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseFaultTest {
    /** The write timeout of the streams under test: short, so that the tests stay short. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);

    PrivateDatabase db;

    abstract PrivateDatabase.Engine engine();

    @BeforeAll
    void startServer() throws Exception {
        db = PrivateDatabase.start(engine());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    TableNames createTables() {
        TableNames tables = TableNames.of(TestDatabase.uniquePrefix());
        new SchemaManager(tables, TestDatabase.indexProfile()).apply(db.dataSource(), SchemaMode.CREATE);
        return tables;
    }

    JdbcAuditStream.Builder stream(DataSource dataSource, TableNames tables, String logId) {
        return JdbcAuditStream.builder(dataSource).tablePrefix(tables.prefix()).logId(logId)
                .writeTimeout(WRITE_TIMEOUT);
    }

    @Test
    void aWriterJvmKilledUnderLoadLosesNoAcknowledgedEvent(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        TableNames tables = createTables();
        Path ids = dir.resolve("acknowledged.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 1; round <= 3; round++) {
            Path log = dir.resolve("writer-" + round + ".log");
            Process writer = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), db.url(), db.user(), "", tables.prefix(), "crash", "16",
                    ids.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long target = lines(ids) + 2_000;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (lines(ids) < target) {
                    if (!writer.isAlive() || System.nanoTime() > deadline) {
                        fail("writer JVM " + round + " stopped or stalled:\n" + Files.readString(log));
                    }
                    Thread.sleep(20);
                }
            } finally {
                writer.destroyForcibly(); // kill -9, in the middle of batches
                writer.waitFor(60, TimeUnit.SECONDS);
            }
        }
        Set<UUID> acknowledged = new HashSet<>();
        for (String line : Files.readAllLines(ids, StandardCharsets.US_ASCII)) {
            if (line.length() == 36) {
                acknowledged.add(UUID.fromString(line));
            }
        }
        try (JdbcAuditStream stream = stream(db.dataSource(), tables, "crash").build()) {
            AuditEvent after = stream.record(AuditDraft.builder("after-the-crashes"));
            try (Connection c = db.connect()) {
                List<AuditEvent> stored = StoredLog.events(c, tables, "crash");
                VerificationReport report = ChainVerifier.verify("crash", stored);
                assertThat(report.damages()).isEmpty();
                assertThat(stored.get(stored.size() - 1)).isEqualTo(after);
                Set<UUID> storedIds = stored.stream().map(AuditEvent::eventId).collect(Collectors.toSet());
                assertThat(storedIds).hasSameSizeAs(stored);
                assertThat(acknowledged.stream().filter(id -> !storedIds.contains(id)))
                        .as("acknowledged but missing").isEmpty();
                System.out.printf("%s kill -9 x3: %d acknowledged, %d stored (the rest were cut off before"
                        + " their callers heard)%n", engine(), acknowledged.size(), stored.size() - 1);
            }
        }
    }

    @Test
    void aServerStoppedHardAndStartedAgainUnderSyncAndAsyncLoad() throws Exception {
        TableNames tables = createTables();
        try (JdbcAuditStream stream = stream(db.dataSource(), tables, "outage").writeMode(WriteMode.ASYNC)
                .build()) {
            Load load = Load.start(stream, 4, 2);
            try {
                load.awaitAcknowledged(1_000);
                db.stopHard();
                long failuresBefore = load.failures();
                Thread.sleep(3_000);
                assertThat(stream.health().up()).as(stream.health().detail()).isFalse();
                assertThat(load.failures()).as("callers are told while the server is down")
                        .isGreaterThan(failuresBefore);
                db.startServer();
                load.awaitAcknowledged(load.acknowledged() + 1_000);
            } finally {
                load.close();
            }
            assertResolved(stream, load, tables, "outage");
        }
    }

    @Test
    void aFrozenServerHoldsNoCallerLongerThanTheWriteTimeout() throws Exception {
        TableNames tables = createTables();
        try (JdbcAuditStream stream = stream(db.dataSource(), tables, "frozen").build()) {
            Load load = Load.start(stream, 16);
            try {
                load.awaitAcknowledged(1_000);
                db.freeze();
                try {
                    Thread.sleep(WRITE_TIMEOUT.toMillis() + 1_000);
                    assertThat(stream.health().up()).as(stream.health().detail()).isFalse();
                    Thread.sleep(3_000);
                } finally {
                    db.thaw();
                }
                load.awaitAcknowledged(load.acknowledged() + 1_000);
            } finally {
                load.close();
            }
            assertResolved(stream, load, tables, "frozen");
        }
    }

    @Test
    void aRoleThatLosesItsInsertRightFailsCallersWithoutAReconnectStorm() throws Exception {
        TableNames tables = createTables();
        String role = "app_" + tables.prefix().toLowerCase();
        try (Connection admin = db.connect()) {
            createRole(admin, role, tables);
            try (JdbcAuditStream stream = stream(db.dataSource(role, "secret"), tables, "revoked").build()) {
                Load load = Load.start(stream, 4);
                try {
                    load.awaitAcknowledged(500);
                    grantInsert(admin, role, tables, false);
                    long connections = stream.statistics().connections();
                    long failures = load.failures();
                    Thread.sleep(4_000);
                    assertThat(stream.health().up()).as(stream.health().detail()).isFalse();
                    assertThat(load.failures()).isGreaterThan(failures);
                    // Backoff from 50 ms doubling to 2 s: about 7 attempts in 4 s, each on a new connection.
                    assertThat(stream.statistics().connections() - connections).as("connections opened in 4 s")
                            .isBetween(3L, 12L);
                    grantInsert(admin, role, tables, true);
                    load.awaitAcknowledged(load.acknowledged() + 500);
                } finally {
                    load.close();
                }
                assertResolved(stream, load, tables, "revoked");
            }
        }
    }

    /**
     * After a fault: no record() call took longer than the write timeout plus a second, the
     * writer resolved every in-doubt batch, the log holds every
     * acknowledged event and none reported not stored, and each draft whose outcome its
     * caller could not learn is, recorded again, found stored (answered with the stored event)
     * or stored now; the log then holds it exactly once.
     */
    void assertResolved(JdbcAuditStream stream, Load load, TableNames tables, String logId) throws Exception {
        assertThat(load.longestWait()).as("the longest record() call").isLessThanOrEqualTo(WRITE_TIMEOUT.plusSeconds(1));
        WriterStatistics stats = stream.statistics();
        assertThat(stats.unresolved()).as("in-doubt events not resolved").isZero();
        long unknownStored;
        try (Connection c = db.connect()) {
            unknownStored = load.assertStoredLog(logId, StoredLog.events(c, tables, logId));
        }
        Map<UUID, AuditDraft> unknown = load.unknown();
        long repeatedBefore = stats.repeatedDrafts();
        for (AuditDraft draft : unknown.values()) {
            assertThat(stream.record(draft).eventId()).isEqualTo(draft.eventId());
        }
        WriterStatistics after = stream.statistics();
        assertThat(after.repeatedDrafts() - repeatedBefore).as("recorded again and found stored")
                .isEqualTo(unknownStored);
        try (Connection c = db.connect()) {
            List<AuditEvent> stored = StoredLog.events(c, tables, logId);
            assertThat(ChainVerifier.verify(logId, stored).damages()).isEmpty();
            Set<UUID> storedIds = stored.stream().map(AuditEvent::eventId).collect(Collectors.toSet());
            assertThat(storedIds).hasSameSizeAs(stored).containsAll(new ArrayList<>(unknown.keySet()));
        }
        System.out.printf("%s %s: %d in-doubt batches, in-doubt events stored %d / not stored %d; callers told"
                        + " 'unknown' %d (found stored %d), timed out %d, failed %d, connections %d%n", engine(), logId,
                after.inDoubtBatches(), after.inDoubtStored(), after.inDoubtNotStored(), unknown.size(),
                unknownStored, after.timedOut(), after.failedEvents(), after.connections());
    }

    abstract void createRole(Connection admin, String role, TableNames tables) throws Exception;

    abstract void grantInsert(Connection admin, String role, TableNames tables, boolean grant) throws Exception;

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.size(file) / 37 : 0;
    }
}
