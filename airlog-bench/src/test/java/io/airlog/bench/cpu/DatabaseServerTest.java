package io.airlog.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.airlog.bench.load.BenchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database part of the accounting, on the local servers: which processes are counted, and
 * that a busy query is counted where it belongs. Each busy query does a fixed amount of work
 * (about half a CPU-second), so the assertions hold however busy the machine is.
 */
class DatabaseServerTest {
    private static final String PG_BUSY = "SELECT count(*) FROM generate_series(1, 1000000) g WHERE md5(g::text) < 'f'";
    /** Connections of "this run": named for this test alone, so that other tests' sessions are other clients. */
    private final BenchDatabase postgresql = BenchDatabase.postgresql(BenchDatabase.DEFAULT_POSTGRESQL_URL
            + "&ApplicationName=cpu-test-" + UUID.randomUUID());

    @Test
    void postgresqlIsThePostmasterWithEveryProcessUnderIt() throws Exception {
        try (DatabaseServer server = DatabaseServer.of(postgresql); Connection c = postgresql.connect()) {
            long backend = backendPid(c);
            ProcStat postmaster = ProcStat.read(ProcStat.read(backend).orElseThrow().ppid()).orElseThrow();

            DatabaseServer.Sample sample = server.sample();

            assertThat(server.measurable()).isTrue();
            assertThat(sample.tree().root()).isEqualTo(postmaster.pid());
            assertThat(sample.tree().processes()).containsKey(backend);
            assertThat(sample.clients()).contains(backend);
            assertThat(sample.otherSessions()).doesNotContain(backend);
            assertThat(server.description()).contains("postmaster (pid " + postmaster.pid() + ")");
        }
    }

    @Test
    void aBusyQueryOnAConnectionOfThisRunIsCountedAsTheServersWork() throws Exception {
        try (DatabaseServer server = DatabaseServer.of(postgresql); Connection ours = postgresql.connect()) {
            long backend = backendPid(ours);
            DatabaseServer.Sample before = server.sample();
            long backendBefore = ProcStat.read(backend).orElseThrow().ticks();

            execute(ours, PG_BUSY);

            long backendTicks = ProcStat.read(backend).orElseThrow().ticks() - backendBefore;
            DatabaseServer.Share share = server.between(before, server.sample());
            assertThat(ClockTicks.seconds(backendTicks)).isGreaterThan(0.1);
            // Sums of tick counts converted to seconds: compare with a rounding margin far below one tick.
            double backendSeconds = ClockTicks.seconds(backendTicks) - 1e-9;
            assertThat(share.counted()).isGreaterThanOrEqualTo(backendSeconds);
            assertThat(share.counted() - share.background()).isGreaterThanOrEqualTo(backendSeconds);
            assertThat(share.leftOut()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aBusyQueryOfAnotherSessionIsLeftOutAndReportedApart() throws Exception {
        BenchDatabase someoneElse = BenchDatabase.postgresql(BenchDatabase.DEFAULT_POSTGRESQL_URL
                + "&ApplicationName=someone-else-" + UUID.randomUUID());
        try (DatabaseServer server = DatabaseServer.of(postgresql); Connection theirs = someoneElse.connect()) {
            long backend = backendPid(theirs);
            DatabaseServer.Sample before = server.sample();
            long backendBefore = ProcStat.read(backend).orElseThrow().ticks();

            execute(theirs, PG_BUSY);

            DatabaseServer.Sample after = server.sample();
            long backendTicks = ProcStat.read(backend).orElseThrow().ticks() - backendBefore;
            DatabaseServer.Share share = server.between(before, after);
            assertThat(ClockTicks.seconds(backendTicks)).isGreaterThan(0.1);
            assertThat(after.otherSessions()).contains(backend);
            assertThat(share.leftOut()).isGreaterThanOrEqualTo(ClockTicks.seconds(backendTicks));
        }
    }

    @Test
    void aSessionOfAnotherClientThatEndsDuringTheWindowIsLeftOutWhenAutovacuumIsOff() throws Exception {
        BenchDatabase someoneElse = BenchDatabase.postgresql(BenchDatabase.DEFAULT_POSTGRESQL_URL
                + "&ApplicationName=someone-else-" + UUID.randomUUID());
        try (DatabaseServer server = DatabaseServer.of(postgresql)) {
            assumeTrue(server.description().contains("autovacuum is off"), "the server runs autovacuum");
            DatabaseServer.Sample before = server.sample();
            long backend;
            long backendTicks;
            try (Connection theirs = someoneElse.connect()) {
                backend = backendPid(theirs);
                execute(theirs, PG_BUSY);
                backendTicks = ProcStat.read(backend).orElseThrow().ticks();
            }
            // The postmaster adds the ended backend's time to its own once it has waited for it.
            awaitEnded(backend);

            DatabaseServer.Share share = server.between(before, server.sample());

            assertThat(ClockTicks.seconds(backendTicks)).isGreaterThan(0.1);
            assertThat(share.leftOut()).isGreaterThanOrEqualTo(ClockTicks.seconds(backendTicks));
            assertThat(share.ended()).isZero();
        }
    }

    @Test
    void aBackendOfThisRunThatEndsDuringTheWindowIsCounted() throws Exception {
        try (DatabaseServer server = DatabaseServer.of(postgresql)) {
            Connection ours = postgresql.connect();
            long backend = backendPid(ours);
            DatabaseServer.Sample before = server.sample();
            long backendBefore = ProcStat.read(backend).orElseThrow().ticks();
            execute(ours, PG_BUSY);
            long backendTicks = ProcStat.read(backend).orElseThrow().ticks() - backendBefore;
            ours.close();
            awaitEnded(backend);

            DatabaseServer.Share share = server.between(before, server.sample());

            assertThat(ClockTicks.seconds(backendTicks)).isGreaterThan(0.1);
            assertThat(share.ended()).isGreaterThanOrEqualTo(ClockTicks.seconds(backendTicks));
            assertThat(share.counted()).isGreaterThanOrEqualTo(share.ended());
        }
    }

    @Test
    void mariadbIsTheMariadbdProcessAndABusyQueryIsCounted() throws Exception {
        BenchDatabase mariadb = BenchDatabase.mariadb(BenchDatabase.DEFAULT_MARIADB_URL);
        try (DatabaseServer server = DatabaseServer.of(mariadb); Connection c = mariadb.connect()) {
            DatabaseServer.Sample before = server.sample();

            // SHA-256 of a short string five million times: about 0.45 CPU-seconds here (90 ns each).
            execute(c, "SELECT BENCHMARK(5000000, SHA2('airlog', 256))");

            DatabaseServer.Share share = server.between(before, server.sample());
            assertThat(before.tree().rootStat().comm()).isEqualTo("mariadbd");
            assertThat(share.counted()).isGreaterThan(0.1);
            assertThat(share.leftOut()).isZero();
        }
    }

    @Test
    void withoutAReadablePidFileTheOneMariadbServerOfTheMachineIsTaken() {
        List<ProcStat> running = DatabaseServer.runningMariadbd();

        Optional<ProcStat> found = DatabaseServer.mariadbd("/nonexistent/mysqld.pid");

        if (running.size() == 1) {
            assertThat(found).contains(running.get(0));
        } else {
            assertThat(found).isEmpty();
        }
    }

    @Test
    void anEmbeddedDatabaseAddsNothingToTheJvmsTime() throws Exception {
        try (DatabaseServer server = DatabaseServer.of(BenchDatabase.h2Memory("cpu-" + UUID.randomUUID()))) {
            DatabaseServer.Sample sample = server.sample();

            assertThat(server.between(sample, server.sample())).isEqualTo(new DatabaseServer.Share(0, 0, 0, 0));
            assertThat(server.description()).contains("inside this JVM");
        }
    }

    @Test
    void aServerThatCannotBeMeasuredHasNoTimeRatherThanZero() throws Exception {
        try (DatabaseServer server = DatabaseServer.notMeasurable("elsewhere")) {
            DatabaseServer.Sample sample = server.sample();

            assertThat(server.between(sample, sample).counted()).isNaN();
            assertThat(server.measurable()).isFalse();
        }
    }

    private static long backendPid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitEnded(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && ProcStat.read(pid).isPresent(); i++) {
            Thread.sleep(50);
        }
        assertThat(ProcStat.read(pid)).isEmpty();
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
        }
    }
}
