package io.airlog.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A PostgreSQL or MariaDB server of its own for one fault test class, on a free port, with
 * its data under {@code target/private-db/}: the tests stop it hard, freeze it and take
 * rights away, which they must never do to the machine's shared servers. Fails loudly when
 * the server binaries are missing. Runs as root, as the build does here (PostgreSQL's
 * processes run as the {@code postgres} user).
 */
final class PrivateDatabase implements AutoCloseable {
    /** Which server. */
    enum Engine { POSTGRESQL, MARIADB }

    private final Engine engine;
    private final Path dir;
    private final int port;
    private Process mariadbd;
    private boolean frozen;

    private PrivateDatabase(Engine engine, Path dir, int port) {
        this.engine = engine;
        this.dir = dir;
        this.port = port;
    }

    /** Creates a new data directory and starts a server on it. */
    static PrivateDatabase start(Engine engine) throws Exception {
        Path dir = Path.of("target", "private-db", engine.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        Files.createDirectories(dir);
        PrivateDatabase db = new PrivateDatabase(engine, dir, freePort());
        // A test JVM that ends without closing it (killed by a timeout) must not leave a server behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (Exception e) {
                // the JVM is ending; nothing else can be done
            }
        }, "stop-" + dir.getFileName()));
        try {
            if (engine == Engine.POSTGRESQL) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
                run("initdb", asPostgres(postgresBin().resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                        "-A", "trust", "-U", "postgres", "--no-sync"));
            } else {
                run("mariadb-install-db", List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"),
                        "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"));
            }
            db.startServer();
            if (engine == Engine.MARIADB) {
                try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port + "/", "root", "")) {
                    TestChains.execute(c, "CREATE DATABASE test");
                }
            }
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
        return db;
    }

    Engine engine() {
        return engine;
    }

    /** The JDBC URL of the database the tests use. */
    String url() {
        return engine == Engine.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:" + port + "/postgres"
                : "jdbc:mariadb://127.0.0.1:" + port + "/test";
    }

    String user() {
        return engine == Engine.POSTGRESQL ? "postgres" : "root";
    }

    /** A data source of the administrator. */
    DataSource dataSource() {
        return new SimpleDataSource(url(), user(), "");
    }

    /** A data source of another user. */
    DataSource dataSource(String user, String password) {
        return new SimpleDataSource(url(), user, password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    /** Starts the server on the existing data directory and waits until it accepts connections. */
    void startServer() throws Exception {
        if (engine == Engine.POSTGRESQL) {
            runLogged("pg_ctl start", asPostgres(postgresBin().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-o", "-p " + port + " -c unix_socket_directories= -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c max_connections=80 -c shared_buffers=32MB",
                    "-l", dir.resolve("server.log").toString(), "-w", "-t", "120", "start"));
        } else {
            mariadbd = new ProcessBuilder("mariadbd", "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("sock"),
                    "--pid-file=" + dir.resolve("pid"), "--user=root", "--innodb-buffer-pool-size=64M",
                    "--innodb-flush-log-at-trx-commit=1", "--skip-log-bin", "--max-connections=200")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("server.log").toFile())).start();
            awaitConnectable();
        }
    }

    /** Stops the server the hard way: PostgreSQL's immediate shutdown, {@code kill -9} of mariadbd. */
    void stopHard() throws Exception {
        thaw();
        if (engine == Engine.POSTGRESQL) {
            run("pg_ctl stop", asPostgres(postgresBin().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop"));
        } else if (mariadbd != null) {
            mariadbd.destroyForcibly();
            mariadbd.waitFor(60, TimeUnit.SECONDS);
            mariadbd = null;
        }
    }

    /** Stops every process of the server with SIGSTOP: connections stay open, nothing answers. */
    void freeze() throws Exception {
        signal("-STOP");
        frozen = true;
    }

    /** Lets a frozen server go on ({@code SIGCONT}). */
    void thaw() throws Exception {
        if (frozen) {
            signal("-CONT");
            frozen = false;
        }
    }

    private void signal(String signal) throws Exception {
        ProcessHandle server = ProcessHandle.of(serverPid())
                .orElseThrow(() -> new IllegalStateException(engine + " server is not running"));
        List<String> command = new ArrayList<>(List.of("kill", signal, String.valueOf(server.pid())));
        server.descendants().forEach(p -> command.add(String.valueOf(p.pid())));
        run("kill " + signal, command);
    }

    private long serverPid() throws IOException {
        if (engine == Engine.MARIADB) {
            return mariadbd.pid();
        }
        return Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).trim());
    }

    private void awaitConnectable() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
                return;
            } catch (SQLException e) {
                if (!mariadbd.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mariadbd did not start on port " + port + ":\n"
                            + Files.readString(dir.resolve("server.log")), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the server (hard) and deletes its data. Idempotent. */
    @Override
    public synchronized void close() throws Exception {
        try {
            if (engine == Engine.POSTGRESQL && Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                stopHard();
            } else if (mariadbd != null) {
                stopHard();
            }
        } finally {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private void runLogged(String what, List<String> command) throws Exception {
        try {
            run(what, command);
        } catch (IllegalStateException e) {
            Path log = dir.resolve("server.log");
            throw new IllegalStateException(e.getMessage() + (Files.exists(log) ? "\nserver log:\n" + Files.readString(log)
                    : ""), e);
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> out = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        out.addAll(List.of(command));
        return out;
    }

    private static void run(String what, List<String> command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(what + ": cannot run " + command.get(0) + " (is the database server"
                    + " installed? the fault tests need PostgreSQL's initdb and pg_ctl, MariaDB's mariadb-install-db"
                    + " and mariadbd)", e);
        }
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(what + " failed (" + String.join(" ", command) + "):\n" + output);
        }
    }

    private static Path postgresBin() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL's server binaries are not installed (no " + root
                    + "); the fault tests need initdb and pg_ctl", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
