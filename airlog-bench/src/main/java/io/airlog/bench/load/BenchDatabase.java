package io.airlog.bench.load;

import io.airlog.jdbc.IndexProfile;
import io.airlog.jdbc.SchemaManager;
import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database the harness writes to: H2 embedded (a file, default settings; or in memory for
 * the harness's tests), PostgreSQL or MariaDB over TCP. Each measurement gets tables of its
 * own, created with airlog's bundled DDL under a fresh prefix and dropped afterwards.
 *
 * @param kind which database
 * @param url its JDBC URL
 */
public record BenchDatabase(Kind kind, String url) {

    /** The databases the harness knows. */
    public enum Kind {
        /** H2 embedded in the harness's JVM. */
        H2,
        /** PostgreSQL reached over TCP. */
        POSTGRESQL,
        /** MariaDB reached over TCP. */
        MARIADB;

        /** The name used on the command line and in tables. */
        public String label() {
            return switch (this) {
                case H2 -> "H2";
                case POSTGRESQL -> "PostgreSQL";
                case MARIADB -> "MariaDB";
            };
        }
    }

    /** The default PostgreSQL URL (the local server, database {@code test}, user {@code postgres}). */
    public static final String DEFAULT_POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** The default MariaDB URL (the local server, database {@code test}, user {@code root}). */
    public static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    /** The URL parameter that names PostgreSQL connections ({@code application_name}). */
    private static final String APPLICATION_NAME = "ApplicationName";

    /** Checks the parts. */
    public BenchDatabase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
    }

    /** An H2 file database {@code bench} in {@code directory}, with H2's default settings. */
    public static BenchDatabase h2File(Path directory) {
        return new BenchDatabase(Kind.H2, "jdbc:h2:file:" + directory.toAbsolutePath().resolve("bench"));
    }

    /** A private H2 in-memory database that lives as long as the JVM (for tests). */
    public static BenchDatabase h2Memory(String name) {
        return new BenchDatabase(Kind.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * PostgreSQL at {@code url}. Unless the URL names its connections already, they are named
     * {@code airlog-bench-<pid of this JVM>} ({@code ApplicationName}), so that the server's
     * backends of this run can be told from other sessions' (see
     * {@link io.airlog.bench.cpu.DatabaseServer}); child JVMs get the URL with the name.
     */
    public static BenchDatabase postgresql(String url) {
        if (applicationName(url).isPresent()) {
            return new BenchDatabase(Kind.POSTGRESQL, url);
        }
        return new BenchDatabase(Kind.POSTGRESQL, url + (url.contains("?") ? "&" : "?") + APPLICATION_NAME
                + "=airlog-bench-" + ProcessHandle.current().pid());
    }

    /** MariaDB at {@code url}. */
    public static BenchDatabase mariadb(String url) {
        return new BenchDatabase(Kind.MARIADB, url);
    }

    /** The database of a JDBC URL, as given to a child JVM. */
    public static BenchDatabase ofUrl(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return new BenchDatabase(Kind.H2, url);
        }
        return new BenchDatabase(url.startsWith("jdbc:mariadb:") ? Kind.MARIADB : Kind.POSTGRESQL, url);
    }

    /** The {@code ApplicationName} of the URL's connections (PostgreSQL), if it names one. */
    public Optional<String> applicationName() {
        return applicationName(url);
    }

    private static Optional<String> applicationName(String url) {
        Matcher m = Pattern.compile("[?&]" + APPLICATION_NAME + "=([^&]+)").matcher(url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A data source opening a new physical connection per call (no pool). */
    public DataSource dataSource() {
        return switch (kind) {
            case H2 -> {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(url);
                yield ds;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(url);
                yield ds;
            }
            case MARIADB -> {
                try {
                    yield new MariaDbDataSource(url);
                } catch (SQLException e) {
                    throw new IllegalArgumentException("not a MariaDB URL: " + url + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** A new connection. */
    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Creates airlog's tables (bundled DDL of the dialect) under {@code prefix}, with the default indexes. */
    public TableNames createTables(String prefix) throws SQLException {
        return createTables(prefix, IndexProfile.QUERY);
    }

    /** Creates airlog's tables (bundled DDL of the dialect) under {@code prefix}, with the given indexes. */
    public TableNames createTables(String prefix, IndexProfile indexes) throws SQLException {
        TableNames tables = new TableNames(prefix);
        try (Connection c = connect()) {
            new SchemaManager(tables, indexes).create(c);
        }
        return tables;
    }

    /** Drops the tables (and on PostgreSQL the trigger function) created under the prefix. */
    public void dropTables(TableNames tables) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : new String[] {tables.event(), tables.head(), tables.checkpoint()}) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            if (SqlDialect.of(c) == SqlDialect.POSTGRESQL) {
                s.execute("DROP FUNCTION IF EXISTS " + tables.prefix() + "reject_change()");
            }
        }
    }

    /**
     * A table prefix no other run uses: {@code bench}, five random letters, {@code _},
     * {@code label}, {@code _}.
     */
    public static String freshPrefix(String label) {
        StringBuilder s = new StringBuilder("bench");
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.append('_').append(label).append('_').toString();
    }

    /** The label of the database, e.g. {@code PostgreSQL}. */
    public String label() {
        return kind.label();
    }

    /** Parses a database name of the command line ({@code h2} or {@code postgresql}). */
    public static Kind kindOf(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "h2" -> Kind.H2;
            case "postgresql", "pg", "postgres" -> Kind.POSTGRESQL;
            case "mariadb" -> Kind.MARIADB;
            default -> throw new IllegalArgumentException("--db: unknown database '" + name
                    + "'; use h2, postgresql, mariadb or all");
        };
    }
}
