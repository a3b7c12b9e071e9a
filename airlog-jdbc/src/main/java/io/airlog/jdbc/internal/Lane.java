package io.airlog.jdbc.internal;

import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * One connection of a {@link ChainAppender} and the statements it keeps prepared on it, in
 * manual-commit mode at {@code READ COMMITTED}, every answer of the database bounded by the
 * write timeout (the connection's network timeout). An appender has one, and a second while it
 * stages a batch on one connection as the batch before commits on the other. Used by one
 * thread at a time.
 */
final class Lane implements AutoCloseable {
    final Handle handle;
    final Connection connection;
    final SqlDialect dialect;
    final HeadRow head;
    final EventInserts inserts;
    final CheckpointInserts checkpointInserts;
    final StoredTail tail;
    final PreparedStatement findChecksum;
    final PreparedStatement endRows;

    private Lane(Handle handle, TableNames tables, String logId, Duration timeout) throws SQLException {
        this.handle = handle;
        this.connection = handle.getConnection();
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (SQLFeatureNotSupportedException e) {
            // this driver has none: only the opening of connections is bounded
        }
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        dialect = SqlDialect.of(connection);
        head = new HeadRow(tables, logId, dialect, connection);
        inserts = new EventInserts(tables, connection);
        checkpointInserts = new CheckpointInserts(tables, connection);
        tail = new StoredTail(tables, logId, connection);
        findChecksum = connection.prepareStatement("SELECT checksum FROM " + tables.event()
                + " WHERE log_id = ? AND seq = ?");
        endRows = connection.prepareStatement("SELECT seq, checksum FROM " + tables.event()
                + " WHERE log_id = ? AND seq >= ? ORDER BY seq");
        endRows.setMaxRows(2);
    }

    /**
     * Opens a connection (waiting at most {@code timeout}) and prepares the statements.
     *
     * @throws SQLException if the connection cannot be opened or set up (it is closed again)
     */
    static Lane open(ConnectionOpener opener, Duration timeout, TableNames tables, String logId) throws SQLException {
        Handle handle = opener.open(timeout);
        try {
            return new Lane(handle, tables, logId, timeout);
        } catch (SQLException | RuntimeException e) {
            try {
                handle.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The checksum of the stored event {@code sequence} of {@code logId}, or null if there is none. */
    String checksumOf(String logId, long sequence) throws SQLException {
        findChecksum.setString(1, logId);
        findChecksum.setLong(2, sequence);
        try (java.sql.ResultSet rs = findChecksum.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Rolls back, then closes the statements and the connection; never throws (the connection may be broken). */
    @Override
    public void close() {
        head.close();
        inserts.close();
        checkpointInserts.close();
        tail.close();
        for (PreparedStatement ps : new PreparedStatement[] {findChecksum, endRows}) {
            try {
                ps.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            }
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            // a broken connection: closing it is all that is left
        }
        try {
            handle.close();
        } catch (RuntimeException e) {
            // idem
        }
    }
}
