package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.internal.EventRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;

/**
 * A naive chained log: every caller, on a connection of its own, stores each event in a
 * transaction of its own under the head-row lock: {@code SELECT size, last_checksum FROM
 * head WHERE log_id = ? FOR UPDATE}, seal the draft in Java, {@code INSERT} the row,
 * {@code UPDATE} the head, {@code COMMIT}. The result is a valid airlog chain (the same rows
 * airlog writes), one event per commit.
 */
public final class NaiveChainedSink implements Sink {
    private final String logId;
    private final Caller[] callers;

    /** Creates the head row of the log and opens one connection per caller. */
    public NaiveChainedSink(DataSource dataSource, TableNames tables, String logId, int callers) throws SQLException {
        this.logId = logId;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.head()
                     + " (log_id, size, last_checksum) VALUES (?, 0, ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, logId);
            ps.setString(2, ChainPosition.GENESIS);
            ps.executeUpdate();
        }
        this.callers = new Caller[callers];
        try {
            for (int i = 0; i < callers; i++) {
                this.callers[i] = new Caller(dataSource.getConnection(), tables);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public CompletionStage<?> store(int caller, AuditDraft draft) throws SQLException {
        callers[caller].store(draft);
        return null;
    }

    @Override
    public void close() throws SQLException {
        for (Caller c : callers) {
            if (c != null) {
                c.connection.close();
            }
        }
    }

    private final class Caller {
        private final Connection connection;
        private final PreparedStatement lock;
        private final PreparedStatement insert;
        private final PreparedStatement advance;

        Caller(Connection connection, TableNames tables) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            this.lock = connection.prepareStatement("SELECT size, last_checksum FROM " + tables.head()
                    + " WHERE log_id = ? FOR UPDATE");
            this.insert = connection.prepareStatement(EventRows.insertSql(tables));
            this.advance = connection.prepareStatement("UPDATE " + tables.head()
                    + " SET size = ?, last_checksum = ?, updated_at = CURRENT_TIMESTAMP WHERE log_id = ?");
        }

        void store(AuditDraft draft) throws SQLException {
            try {
                lock.setString(1, logId);
                long size;
                String last;
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no head row for log " + logId);
                    }
                    size = rs.getLong(1);
                    last = rs.getString(2);
                }
                AuditEvent event = draft.seal(logId, size + 1, last);
                EventRows.bind(insert, event);
                insert.executeUpdate();
                advance.setLong(1, event.sequence());
                advance.setString(2, event.checksum());
                advance.setString(3, logId);
                advance.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
