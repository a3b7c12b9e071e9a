package io.airlog.jdbc.internal;

import io.airlog.ChainPosition;
import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The head row of one log, as the writer uses it inside a batch transaction: locked with
 * {@code SELECT ... FOR UPDATE} (the log's sequencer across all JVMs), created when absent,
 * and advanced with a compare-and-swap guard.
 *
 * <p>Statements are prepared once per connection; not thread-safe.
 */
final class HeadRow implements AutoCloseable {
    /** The number of parameters of {@link #advanceAtEndSql}. */
    static final int ADVANCE_AT_END_PARAMETERS = 11;

    private final String logId;
    private final SqlDialect dialect;
    private final Connection connection;
    private final PreparedStatement lock;
    private final PreparedStatement create;
    private final PreparedStatement advance;

    HeadRow(TableNames tables, String logId, SqlDialect dialect, Connection connection) throws SQLException {
        this.logId = logId;
        this.dialect = dialect;
        this.connection = connection;
        this.lock = connection.prepareStatement(lockSql(tables));
        this.create = connection.prepareStatement(createSql(tables, dialect));
        this.advance = connection.prepareStatement(advanceSql(tables));
    }

    private static String advanceSql(TableNames tables) {
        return "UPDATE " + tables.head() + " SET size = ?, last_checksum = ?, updated_at = CURRENT_TIMESTAMP"
                + " WHERE log_id = ? AND size = ? AND last_checksum = ?";
    }

    /**
     * The compare-and-swap of {@link #advanceSql} that moves the head only if the stored
     * rows also end where the head is: the greatest sequence is its size and the row there
     * carries its last checksum (PostgreSQL; {@link EventInserts#insertMovingHead} runs it).
     * Both lookups are shaped so that only the primary key serves them (a maximum, and an
     * ordered range with a limit), also in a cached generic plan. Not for H2, whose
     * {@code MAX} under a {@code WHERE} reads every row of the log, nor MariaDB, whose InnoDB
     * reads the subqueries of an {@code UPDATE} with shared next-key locks on the event rows
     * (which would block, and deadlock with, another writer's insert).
     */
    static String advanceAtEndSql(TableNames tables) {
        return advanceSql(tables)
                + " AND COALESCE((SELECT MAX(seq) FROM " + tables.event() + " WHERE log_id = ?), 0) = ?"
                + " AND (? = 0 OR (SELECT checksum FROM " + tables.event()
                + " WHERE log_id = ? AND seq >= ? ORDER BY seq LIMIT 1) = ?)";
    }

    /** {@code SELECT size, last_checksum FROM <head> WHERE log_id = ? FOR UPDATE}. */
    static String lockSql(TableNames tables) {
        return "SELECT size, last_checksum FROM " + tables.head() + " WHERE log_id = ? FOR UPDATE";
    }

    /**
     * An insert of an empty head that does nothing when the row exists, also when another
     * transaction inserts it concurrently. H2 has no such statement outside its compatibility
     * modes; its plain insert fails with a duplicate key, which {@link #lockOrCreate} ignores
     * (a failed statement leaves an H2 transaction usable).
     */
    private static String createSql(TableNames tables, SqlDialect dialect) {
        String insert = "INTO " + tables.head() + " (log_id, size, last_checksum) VALUES (?, 0, ?)";
        return switch (dialect) {
            case POSTGRESQL -> "INSERT " + insert + " ON CONFLICT (log_id) DO NOTHING";
            case MARIADB -> "INSERT IGNORE " + insert;
            case H2 -> "INSERT " + insert;
        };
    }

    /**
     * Locks the head row until the transaction ends and returns the position it records.
     * If the log has no head row yet, the current transaction (which has done nothing else)
     * ends, the empty row is inserted and committed in a transaction of its own, and a new
     * transaction locks it: the batch transaction then holds nothing but the head row's
     * exclusive lock. (On MariaDB, a duplicate found by {@code INSERT IGNORE} leaves a shared
     * lock that, upgraded by the {@code FOR UPDATE} of the same transaction, deadlocks with
     * a second writer.)
     */
    ChainPosition lockOrCreate() throws SQLException {
        ChainPosition head = lock();
        if (head != null) {
            return head;
        }
        connection.rollback();
        create.setString(1, logId);
        create.setString(2, ChainPosition.GENESIS);
        try {
            create.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (dialect != SqlDialect.H2 || !SqlStates.isDuplicate(e)) {
                throw e;
            }
        }
        head = lock();
        if (head == null) {
            throw new SQLException("the head row of log '" + logId + "' is missing right after it was inserted");
        }
        return head;
    }

    private ChainPosition lock() throws SQLException {
        lock.setString(1, logId);
        try (ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            ChainPosition head = new ChainPosition(rs.getLong(1), rs.getString(2));
            if (rs.next()) {
                throw new SQLException("log '" + logId + "' has more than one head row");
            }
            return head;
        }
    }

    /**
     * Moves the head from {@code expected} to {@code next}.
     *
     * @throws SQLException unless exactly one row changed: the head was not what this
     *         transaction locked, so the batch must roll back
     */
    void advance(ChainPosition expected, ChainPosition next) throws SQLException {
        if (!tryAdvance(expected, next)) {
            throw new SQLException("the head of log '" + logId + "' is no longer at size " + expected.size()
                    + " (the compare-and-swap update changed no row); the batch is rolled back");
        }
    }

    /**
     * Moves the head from {@code expected} to {@code next} if it is at {@code expected}; the
     * row stays locked until the transaction ends. Waits while another transaction holds the
     * row, then compares with what that one committed.
     *
     * @return whether the head was at {@code expected} (and now is at {@code next})
     * @throws SQLException if the update failed, or changed more than one row
     */
    boolean tryAdvance(ChainPosition expected, ChainPosition next) throws SQLException {
        advance.setLong(1, next.size());
        advance.setString(2, next.lastChecksum());
        advance.setString(3, logId);
        advance.setLong(4, expected.size());
        advance.setString(5, expected.lastChecksum());
        int updated = advance.executeUpdate();
        if (updated > 1) {
            throw new SQLException("log '" + logId + "' has more than one head row");
        }
        return updated == 1;
    }

    /**
     * Binds the parameters of {@link #advanceAtEndSql}, the first {@value #ADVANCE_AT_END_PARAMETERS}
     * of {@code ps}.
     */
    static void bindAdvanceAtEnd(PreparedStatement ps, String logId, ChainPosition expected, ChainPosition next)
            throws SQLException {
        ps.setLong(1, next.size());
        ps.setString(2, next.lastChecksum());
        ps.setString(3, logId);
        ps.setLong(4, expected.size());
        ps.setString(5, expected.lastChecksum());
        ps.setString(6, logId);
        ps.setLong(7, expected.size());
        ps.setLong(8, expected.size());
        ps.setString(9, logId);
        ps.setLong(10, expected.size());
        ps.setString(11, expected.lastChecksum());
    }

    @Override
    public void close() {
        for (PreparedStatement ps : new PreparedStatement[] {lock, create, advance}) {
            try {
                ps.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            }
        }
    }
}
