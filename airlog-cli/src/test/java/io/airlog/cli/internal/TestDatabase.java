package io.airlog.cli.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the command line is tested on. PostgreSQL and MariaDB are the local servers of
 * this machine; a test that cannot reach one fails, it is never skipped. Each test has tables
 * of its own ({@link #uniquePrefix()}); on H2 also an in-memory database of its own.
 */
enum TestDatabase {
    H2("jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1", "sa"),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** A random part per JVM: test JVMs of other checkouts share the servers. */
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36)
            + Integer.toString(new SecureRandom().nextInt(36 * 36 * 36 * 36), 36);

    private final String url;
    private final String user;

    TestDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** A table prefix no other test uses. */
    static String uniquePrefix() {
        return "c" + RUN + "_" + COUNTER.incrementAndGet() + "_";
    }

    /** The JDBC URL; on H2 each {@code name} is a database of its own. */
    String url(String name) {
        return this == H2 ? String.format(url, name) : url;
    }

    String user() {
        return user;
    }
}
