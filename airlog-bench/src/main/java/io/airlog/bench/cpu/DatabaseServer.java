package io.airlog.bench.cpu;

import io.airlog.bench.load.BenchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The processes of a database server whose CPU time is counted with the harness's, and how.
 *
 * <ul>
 * <li>H2 embedded runs in the harness's JVM: nothing to add ({@link #inJvm()}).</li>
 * <li>PostgreSQL: the postmaster and every process under it (backends, walwriter,
 *     checkpointer, background writer, autovacuum workers...), found from this connection's
 *     backend ({@code pg_backend_pid()} and its parent). When the run names its connections
 *     ({@code ApplicationName} in the URL), the client backends of other sessions (other
 *     {@code application_name}s in {@code pg_stat_activity}) that are alive at the end of a
 *     window are left out: on a shared server they are other people's work. Processes that
 *     ended during the window (their time reaches the postmaster when it waits for them) are
 *     counted when they may have served this run: when autovacuum is on (its workers come and
 *     go) or one of this run's backends ended. Otherwise they can only be other clients'
 *     sessions and are left out too. The server's own processes (everything but client
 *     backends) serve every session; their share is reported with the total.</li>
 * <li>MariaDB: the {@code mariadbd} process (its sessions are threads; another client's work
 *     on a shared server cannot be told apart and is counted).</li>
 * <li>A server whose processes are not on this machine cannot be measured: its time is NaN.</li>
 * </ul>
 */
public final class DatabaseServer implements AutoCloseable {
    private static final String CLIENT_BACKENDS = "SELECT pid, application_name IS DISTINCT FROM ? FROM"
            + " pg_stat_activity WHERE backend_type = 'client backend'";

    private final Long root;
    private final String description;
    private final Connection connection;
    private final String applicationName;
    private final boolean measurable;
    private final boolean serverWorkersCome;

    private DatabaseServer(Long root, String description, Connection connection, String applicationName,
                           boolean measurable, boolean serverWorkersCome) {
        this.root = root;
        this.description = description;
        this.connection = connection;
        this.applicationName = applicationName;
        this.measurable = measurable;
        this.serverWorkersCome = serverWorkersCome;
    }

    /**
     * Where the database's CPU time is during a window.
     *
     * @param tree the server's processes, or null when there is no server process to read
     * @param clients pids of the client backends (PostgreSQL; empty elsewhere)
     * @param otherSessions of those, other clients' backends, to leave out
     */
    public record Sample(ProcessTree tree, Set<Long> clients, Set<Long> otherSessions) {
    }

    /**
     * The database's CPU seconds between two samples.
     *
     * @param counted the server's time that served this run (NaN if not measurable)
     * @param background of {@code counted}, the server's own processes alive at the end that
     *                   serve every session (PostgreSQL: the postmaster, walwriter,
     *                   checkpointer, background writer...; 0 elsewhere)
     * @param ended of {@code counted}, processes that ended in between
     * @param leftOut other clients' sessions, not in {@code counted}: their backends alive at
     *                the end, and processes that ended in between when they cannot have served
     *                this run
     */
    public record Share(double counted, double background, double ended, double leftOut) {
    }

    /** A database in this JVM (H2 embedded), or none: its work is in the JVM's time. */
    public static DatabaseServer inJvm(String description) {
        return new DatabaseServer(null, description, null, null, true, true);
    }

    /** A server whose time cannot be read here, and why. */
    public static DatabaseServer notMeasurable(String reason) {
        return new DatabaseServer(null, reason, null, null, false, true);
    }

    /**
     * The server of {@code db}, found over a connection that stays open for the
     * {@code pg_stat_activity} queries (PostgreSQL) until {@link #close()}.
     */
    public static DatabaseServer of(BenchDatabase db) throws SQLException {
        return switch (db.kind()) {
            case H2 -> inJvm("H2 runs inside this JVM: its work is in the JVM's time");
            case POSTGRESQL -> postgresql(db);
            case MARIADB -> mariadb(db);
        };
    }

    private static DatabaseServer postgresql(BenchDatabase db) throws SQLException {
        Connection c = db.connect();
        try {
            long backend;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            Optional<ProcStat> stat = ProcStat.read(backend).filter(p -> p.comm().startsWith("postgres"));
            Optional<ProcStat> postmaster = stat.flatMap(p -> ProcStat.read(p.ppid()))
                    .filter(p -> p.comm().startsWith("postgres"));
            if (postmaster.isEmpty()) {
                c.close();
                return notMeasurable("the PostgreSQL server's processes are not on this machine (backend pid "
                        + backend + " not found here)");
            }
            String app = db.applicationName().orElse(null);
            boolean autovacuum;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW autovacuum")) {
                rs.next();
                autovacuum = rs.getString(1).equals("on");
            }
            return new DatabaseServer((long) postmaster.get().pid(), "PostgreSQL: the postmaster (pid "
                    + postmaster.get().pid() + ") and every process under it" + (app == null ? ""
                    : ", less other sessions' backends (application_name other than " + app + ")")
                    + (autovacuum ? "; processes that end during a window are counted (autovacuum is on: they may"
                    + " be its workers)" : "; processes that end during a window are left out unless one of this"
                    + " run's backends ended (autovacuum is off: they are other clients' sessions)"), c, app, true,
                    autovacuum);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static DatabaseServer mariadb(BenchDatabase db) throws SQLException {
        String pidFile;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@pid_file")) {
            rs.next();
            pidFile = rs.getString(1);
        }
        Optional<ProcStat> server = mariadbd(pidFile);
        if (server.isEmpty()) {
            return notMeasurable("the MariaDB server's process is not found on this machine (no mariadbd named by "
                    + pidFile + ", and not exactly one running)");
        }
        return new DatabaseServer((long) server.get().pid(), "MariaDB: the mariadbd process (pid " + server.get().pid()
                + "), other clients' sessions included", null, null, true, true);
    }

    /**
     * The MariaDB server process named by its pid file or, when the file cannot be read, the one
     * MariaDB server running on this machine if there is exactly one.
     */
    static Optional<ProcStat> mariadbd(String pidFile) {
        try {
            Optional<ProcStat> named = ProcStat.read(Long.parseLong(Files.readString(Path.of(pidFile)).trim()))
                    .filter(DatabaseServer::isMariadbd);
            if (named.isPresent()) {
                return named;
            }
        } catch (IOException | NumberFormatException e) {
            // no readable pid file: look for the server below
        }
        List<ProcStat> servers = runningMariadbd();
        return servers.size() == 1 ? Optional.of(servers.get(0)) : Optional.empty();
    }

    /** Every MariaDB server process running on this machine. */
    static List<ProcStat> runningMariadbd() {
        return ProcessHandle.allProcesses().map(h -> ProcStat.read(h.pid())).flatMap(Optional::stream)
                .filter(DatabaseServer::isMariadbd).toList();
    }

    private static boolean isMariadbd(ProcStat p) {
        return p.comm().equals("mariadbd") || p.comm().equals("mysqld");
    }

    /** What is counted, for the report. */
    public String description() {
        return description;
    }

    /** Whether the server's time can be read here. */
    public boolean measurable() {
        return measurable;
    }

    /** The server's processes now. */
    public Sample sample() throws SQLException {
        if (root == null) {
            return new Sample(null, Set.of(), Set.of());
        }
        Set<Long> clients = new HashSet<>();
        Set<Long> others = new HashSet<>();
        if (connection != null) {
            try (PreparedStatement ps = connection.prepareStatement(CLIENT_BACKENDS)) {
                ps.setString(1, applicationName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        clients.add(rs.getLong(1));
                        if (applicationName != null && rs.getBoolean(2)) {
                            others.add(rs.getLong(1));
                        }
                    }
                }
            }
        }
        return new Sample(ProcessTree.read(root), clients, others);
    }

    /** The server's time from {@code earlier} to {@code later}. */
    public Share between(Sample earlier, Sample later) {
        if (!measurable) {
            return new Share(Double.NaN, 0, 0, 0);
        }
        if (earlier.tree() == null) {
            return new Share(0, 0, 0, 0);
        }
        ProcessTree a = earlier.tree();
        ProcessTree b = later.tree();
        long total = b.ticks() - a.ticks();
        long others = 0;
        for (long pid : later.otherSessions()) {
            if (b.processes().containsKey(pid)) {
                others += b.ticksOf(pid) - a.ticksOf(pid);
            }
        }
        long ended = Math.max(0, b.rootStat().childTicks() - a.rootStat().childTicks());
        boolean oursEnded = false;
        for (long pid : a.processes().keySet()) {
            if (pid != a.root() && !b.processes().containsKey(pid)) {
                ended -= a.ticksOf(pid);
                oursEnded |= earlier.clients().contains(pid) && !earlier.otherSessions().contains(pid);
            }
        }
        ended = Math.max(0, ended);
        boolean countEnded = serverWorkersCome || oursEnded;
        long background = 0;
        if (!later.clients().isEmpty()) {
            ProcStat rootBefore = a.rootStat();
            ProcStat rootAfter = b.rootStat();
            background = rootAfter.utime() + rootAfter.stime() - rootBefore.utime() - rootBefore.stime();
            for (long pid : b.processes().keySet()) {
                if (pid != b.root() && !later.clients().contains(pid)) {
                    background += b.ticksOf(pid) - a.ticksOf(pid);
                }
            }
        }
        long leftOut = others + (countEnded ? 0 : ended);
        return new Share(ClockTicks.seconds(total - leftOut), ClockTicks.seconds(background),
                ClockTicks.seconds(countEnded ? ended : 0), ClockTicks.seconds(leftOut));
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
