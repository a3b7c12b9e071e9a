package io.airlog.bench.load;

import io.airlog.jdbc.SchemaManager;
import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database the harness writes to: H2 embedded (a file, default settings; or in memory for
 * the harness's tests) or PostgreSQL over TCP. Each measurement gets tables of its own,
 * created with airlog's bundled DDL under a fresh prefix and dropped afterwards.
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
        POSTGRESQL;

        /** The name used on the command line and in tables. */
        public String label() {
            return this == H2 ? "H2" : "PostgreSQL";
        }
    }

    /** The default PostgreSQL URL (the local server, database {@code test}, user {@code postgres}). */
    public static final String DEFAULT_POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

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

    /** PostgreSQL at {@code url}. */
    public static BenchDatabase postgresql(String url) {
        return new BenchDatabase(Kind.POSTGRESQL, url);
    }

    /** A data source opening a new physical connection per call (no pool). */
    public DataSource dataSource() {
        if (kind == Kind.H2) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            return ds;
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds;
    }

    /** A new connection. */
    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Creates airlog's tables (bundled DDL of the dialect) under {@code prefix}. */
    public TableNames createTables(String prefix) throws SQLException {
        TableNames tables = new TableNames(prefix);
        try (Connection c = connect()) {
            new SchemaManager(tables).create(c);
        }
        return tables;
    }

    /** Drops the tables (and on PostgreSQL the trigger function) created under the prefix. */
    public void dropTables(TableNames tables) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : new String[] {tables.event(), tables.head(), tables.checkpoint(),
                    tables.verification()}) {
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
            default -> throw new IllegalArgumentException("--db: unknown database '" + name
                    + "'; use h2, postgresql or all");
        };
    }
}
