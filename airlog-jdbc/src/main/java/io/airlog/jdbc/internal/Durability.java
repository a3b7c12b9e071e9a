package io.airlog.jdbc.internal;

import io.airlog.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Whether a committed transaction survives a crash of the database's process, as the
 * database is configured: PostgreSQL unless {@code synchronous_commit} is off; MariaDB when
 * {@code innodb_flush_log_at_trx_commit} is 1 or 2; H2 never (its MVStore writes committed
 * changes to the file in the background, up to its write delay later, and an in-memory
 * database keeps nothing).
 *
 * @param durable whether an acknowledged event survives a crash of the database process
 * @param reason what the decision rests on, for messages and documentation
 */
public record Durability(boolean durable, String reason) {

    /** Asks the database of {@code connection}. */
    public static Durability of(Connection connection) {
        try {
            SqlDialect dialect = SqlDialect.of(connection);
            return switch (dialect) {
                case H2 -> new Durability(false, "H2 writes committed transactions to its file in the background"
                        + " (write delay), so a crash of the process that holds the database can lose the last ones");
                case POSTGRESQL -> {
                    String value = setting(connection, "SHOW synchronous_commit");
                    yield new Durability(!value.equals("off"), "PostgreSQL synchronous_commit=" + value);
                }
                case MARIADB -> {
                    String value = setting(connection, "SELECT @@innodb_flush_log_at_trx_commit");
                    yield new Durability(value.equals("1") || value.equals("2"),
                            "MariaDB innodb_flush_log_at_trx_commit=" + value);
                }
            };
        } catch (SQLException | RuntimeException e) {
            return new Durability(false, "the durability settings could not be read: " + e.getMessage());
        }
    }

    private static String setting(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1).trim().toLowerCase(Locale.ROOT);
        }
    }
}
