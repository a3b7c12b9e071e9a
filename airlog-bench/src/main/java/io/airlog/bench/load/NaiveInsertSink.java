package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.internal.EventRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The naive way, as audit libraries without batching do it: every caller, on a connection
 * of its own in auto-commit mode, executes one single-row {@code INSERT} per event, which
 * the database commits before the call returns. No hashing, no chaining: the sequence comes
 * from an in-JVM counter (cheaper than a database sequence) and the checksum columns hold
 * a constant of the same width.
 */
public final class NaiveInsertSink implements Sink {
    private final String logId;
    private final Connection[] connections;
    private final PreparedStatement[] inserts;
    private final AtomicLong sequence = new AtomicLong();

    /** Opens one connection per caller. */
    public NaiveInsertSink(DataSource dataSource, TableNames tables, String logId, int callers) throws SQLException {
        this.logId = logId;
        this.connections = new Connection[callers];
        this.inserts = new PreparedStatement[callers];
        try {
            for (int i = 0; i < callers; i++) {
                connections[i] = dataSource.getConnection();
                connections[i].setAutoCommit(true);
                inserts[i] = connections[i].prepareStatement(EventRows.insertSql(tables));
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public CompletionStage<?> store(int caller, AuditDraft draft) throws SQLException {
        PreparedStatement insert = inserts[caller];
        EventRows.bind(insert, Rows.unchained(draft, logId, sequence.incrementAndGet()));
        insert.executeUpdate();
        return null;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Connection c : connections) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
