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
 *     window are left out and reported apart: on a shared server they are other people's work.
 *     Backends that ended during the window are counted through the postmaster. The server's
 *     own processes (everything but client backends) serve every session; their share is
 *     reported with the total.</li>
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

    private DatabaseServer(Long root, String description, Connection connection, String applicationName,
                           boolean measurable) {
        this.root = root;
        this.description = description;
        this.connection = connection;
        this.applicationName = applicationName;
        this.measurable = measurable;
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
     * @param otherSessions other clients' backends, left out of {@code counted}
     * @param ended server processes that ended in between, included in {@code counted}
     * @param background of {@code counted}, the server's own processes alive at the end that
     *                   serve every session (PostgreSQL: the postmaster, walwriter,
     *                   checkpointer, background writer...; 0 elsewhere)
     */
    public record Share(double counted, double otherSessions, double ended, double background) {
    }

    /** A database in this JVM (H2 embedded), or none: its work is in the JVM's time. */
    public static DatabaseServer inJvm(String description) {
        return new DatabaseServer(null, description, null, null, true);
    }

    /** A server whose time cannot be read here, and why. */
    public static DatabaseServer notMeasurable(String reason) {
        return new DatabaseServer(null, reason, null, null, false);
    }

    /**
     * The server process tree rooted at {@code root}; with a connection and an application name,
     * other sessions' backends (PostgreSQL) are left out.
     */
    static DatabaseServer processTree(long root, String description, Connection connection,
                                      String applicationName) {
        return new DatabaseServer(root, description, connection, applicationName, true);
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
            return processTree(postmaster.get().pid(), "PostgreSQL: the postmaster (pid " + postmaster.get().pid()
                    + ") and every process under it" + (app == null ? ""
                    : ", less other sessions' backends (application_name other than " + app + ")"), c, app);
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
        Optional<ProcStat> server;
        try {
            server = ProcStat.read(Long.parseLong(Files.readString(Path.of(pidFile)).trim()))
                    .filter(p -> p.comm().equals("mariadbd") || p.comm().equals("mysqld"));
        } catch (IOException | NumberFormatException e) {
            server = Optional.empty();
        }
        if (server.isEmpty()) {
            return notMeasurable("the MariaDB server's process is not on this machine (no mariadbd named by "
                    + pidFile + ")");
        }
        return processTree(server.get().pid(), "MariaDB: the mariadbd process (pid " + server.get().pid()
                + "), other clients' sessions included", null, null);
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
        long ended = b.rootStat().childTicks() - a.rootStat().childTicks();
        for (long pid : a.processes().keySet()) {
            if (pid != a.root() && !b.processes().containsKey(pid)) {
                ended -= a.ticksOf(pid);
            }
        }
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
        return new Share(ClockTicks.seconds(total - others), ClockTicks.seconds(others),
                ClockTicks.seconds(Math.max(0, ended)), ClockTicks.seconds(background));
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
