package io.airlog.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The databases airlog supports. Each has its own DDL, bundled in the jar under
 * {@code io/airlog/jdbc/sql/<directory>/}.
 */
public enum SqlDialect {
    /** H2 2.x (embedded or server); insert-only through a Java trigger class. */
    H2("h2", "H2", List.of("_insert_only")),
    /** PostgreSQL 14 or later; insert-only through PL/pgSQL row and TRUNCATE triggers. */
    POSTGRESQL("postgresql", "PostgreSQL", List.of("_insert_only", "_no_truncate")),
    /** MariaDB 10.6 or later (InnoDB); insert-only through SIGNAL triggers. */
    MARIADB("mariadb", "MariaDB", List.of("_no_update", "_no_delete"));

    private final String directory;
    private final String productName;
    private final List<String> triggerSuffixes;

    SqlDialect(String directory, String productName, List<String> triggerSuffixes) {
        this.directory = directory;
        this.productName = productName;
        this.triggerSuffixes = triggerSuffixes;
    }

    /**
     * The dialect of a connection, from {@link DatabaseMetaData#getDatabaseProductName()}.
     *
     * @throws IllegalArgumentException if the database is none of the supported ones
     * @throws SQLException if the metadata cannot be read
     */
    public static SqlDialect of(Connection connection) throws SQLException {
        return of(connection.getMetaData());
    }

    /**
     * The dialect of a database, from {@link DatabaseMetaData#getDatabaseProductName()}.
     *
     * @throws IllegalArgumentException if the database is none of the supported ones
     * @throws SQLException if the metadata cannot be read
     */
    public static SqlDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        for (SqlDialect dialect : values()) {
            if (dialect.productName.equalsIgnoreCase(product)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("database '" + product + "' is not supported; airlog supports H2,"
                + " PostgreSQL and MariaDB (with the MariaDB JDBC driver)");
    }

    /** The resource directory of this dialect's DDL, e.g. {@code postgresql}. */
    public String directory() {
        return directory;
    }

    /** The class-path resource of a DDL version, e.g. {@code io/airlog/jdbc/sql/h2/V1__airlog.sql}. */
    public String scriptResource(int version) {
        return resource("V" + version + "__airlog.sql");
    }

    /** The class-path resource of the bundled script of an {@link IndexProfile} for this dialect. */
    public String indexScriptResource(IndexProfile profile) {
        return resource("indexes-" + profile.configValue() + ".sql");
    }

    private String resource(String file) {
        return "io/airlog/jdbc/sql/" + directory + "/" + file;
    }

    /**
     * The names of the insert-only triggers the bundled DDL puts on one table.
     *
     * @param table an insert-only table (event or checkpoint), as written in the DDL
     */
    public List<String> insertOnlyTriggers(String table) {
        return triggerSuffixes.stream().map(suffix -> table + suffix).toList();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
