package io.airlog.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The databases every SQL test runs on. PostgreSQL and MariaDB are the local servers of this
 * machine (started by .ci/run); a test that cannot reach one fails, it is never skipped.
 * Each test isolates itself with its own table prefix ({@link #uniquePrefix()}).
 */
public enum TestDatabase {
    H2("jdbc:h2:mem:airlog_%s;DB_CLOSE_DELAY=-1", "sa", ""),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "");

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String url;
    private final String user;
    private final String password;

    TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * A random part per JVM: process ids alone collide, since test JVMs of other checkouts
     * (possibly in other process namespaces) share the PostgreSQL and MariaDB servers.
     */
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36)
            + Integer.toString(new java.security.SecureRandom().nextInt(36 * 36 * 36 * 36), 36);

    /**
     * The index profile that tests create their tables with unless they choose one: {@code
     * query}, or the profile the system property {@code airlog.test.index-profile} names (CI
     * runs the tamper, multi-JVM and fault suites once more with {@code write}).
     */
    public static IndexProfile indexProfile() {
        String name = System.getProperty("airlog.test.index-profile", "query");
        return IndexProfile.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A table prefix no other test uses, e.g. {@code tk3x9q2_17_}. */
    public static String uniquePrefix() {
        return "t" + RUN + "_" + COUNTER.incrementAndGet() + "_";
    }

    /** The JDBC URL; for H2 each {@code name} is a separate in-memory database. */
    public String url(String name) {
        return this == H2 ? String.format(url, name) : url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A DataSource on this database (H2: the in-memory database {@code name}). */
    public DataSource dataSource(String name) {
        String jdbcUrl = url(name);
        return new SimpleDataSource(jdbcUrl, user, password);
    }

    /** Opens a plain connection, for tests that act as an attacker or an operator. */
    public Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(url(name), user, password);
    }
}
