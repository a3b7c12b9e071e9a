package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.internal.EventRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of airlog's event table written by the harness's own (non-airlog) writers, bound
 * with airlog's {@link EventRows} so that every scenario stores the same columns and
 * values.
 *
 * <p>{@link #unchained} makes the row of a draft without hashing or chaining: the sequence
 * comes from the caller (an in-JVM counter) and both checksum columns hold the genesis value
 * (64 zeros), so the row has exactly the width of a sealed one.
 *
 * <p>{@link MultiRowInsert} inserts a batch the way airlog's writer does: multi-row
 * {@code INSERT ... VALUES (...), (...)} statements of up to {@value #ROWS_PER_STATEMENT}
 * rows, the statements of equal row count sent as one JDBC batch.
 */
public final class Rows {
    /** Rows per multi-row insert statement, as in airlog's writer. */
    public static final int ROWS_PER_STATEMENT = 64;

    private Rows() {
    }

    /** The row of {@code draft} at {@code sequence}, unhashed and unchained. */
    public static AuditEvent unchained(AuditDraft draft, String logId, long sequence) {
        return new AuditEvent(draft.eventId(), logId, sequence, draft.timestamp(), draft.action(), draft.principal(),
                draft.resource(), draft.resourceId(), draft.outcome(), draft.correlationId(), draft.context(),
                ChainPosition.GENESIS, ChainPosition.GENESIS);
    }

    /**
     * Multi-row inserts into one event table over one connection; statements are prepared
     * once per row count. Not thread-safe.
     */
    public static final class MultiRowInsert implements AutoCloseable {
        private final TableNames tables;
        private final Connection connection;
        private final Map<Integer, PreparedStatement> statements = new HashMap<>();

        /** Inserts over {@code connection} into the event table of {@code tables}. */
        public MultiRowInsert(TableNames tables, Connection connection) {
            this.tables = tables;
            this.connection = connection;
        }

        /** Inserts the rows (in the caller's transaction). */
        public void insert(List<AuditEvent> rows) throws SQLException {
            int full = rows.size() / ROWS_PER_STATEMENT;
            if (full > 0) {
                PreparedStatement ps = statement(ROWS_PER_STATEMENT);
                for (int s = 0; s < full; s++) {
                    bind(ps, rows.subList(s * ROWS_PER_STATEMENT, (s + 1) * ROWS_PER_STATEMENT));
                    if (full > 1) {
                        ps.addBatch();
                    }
                }
                if (full > 1) {
                    ps.executeBatch();
                } else {
                    ps.executeUpdate();
                }
            }
            int rest = rows.size() - full * ROWS_PER_STATEMENT;
            if (rest > 0) {
                PreparedStatement ps = statement(rest);
                bind(ps, rows.subList(full * ROWS_PER_STATEMENT, rows.size()));
                ps.executeUpdate();
            }
        }

        private static void bind(PreparedStatement ps, List<AuditEvent> rows) throws SQLException {
            int offset = 0;
            for (AuditEvent e : rows) {
                EventRows.bind(ps, offset, e);
                offset += EventRows.COLUMN_COUNT;
            }
        }

        private PreparedStatement statement(int rows) throws SQLException {
            PreparedStatement ps = statements.get(rows);
            if (ps == null) {
                String row = "(" + "?, ".repeat(EventRows.COLUMN_COUNT - 1) + "?)";
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.event()).append(" (")
                        .append(EventRows.COLUMNS).append(") VALUES ").append(row);
                for (int i = 1; i < rows; i++) {
                    sql.append(", ").append(row);
                }
                ps = connection.prepareStatement(sql.toString());
                statements.put(rows, ps);
            }
            return ps;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
        }
    }
}
