package io.airlog.jdbc.internal;

import io.airlog.AuditEvent;
import io.airlog.internal.CanonicalMap;
import io.airlog.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts a batch of sealed events with multi-row {@code INSERT ... VALUES (...), (...)}
 * statements: one statement stores up to {@value #ROWS_PER_STATEMENT} rows, and the
 * statements of equal row count go to the database as one JDBC batch. This needs no driver
 * option ({@code reWriteBatchedInserts} and the like) and works the same on every dialect.
 *
 * <p>A statement also stops growing at about {@value #BYTES_PER_STATEMENT} bytes of
 * parameters, far below MariaDB's default packet limit (16 MiB) even for the largest events.
 *
 * <p>Prepared statements are kept per row count for the life of one connection; not
 * thread-safe (used by the writer thread only).
 */
final class EventInserts implements AutoCloseable {
    static final int ROWS_PER_STATEMENT = 64;
    static final int BYTES_PER_STATEMENT = 1 << 20;
    /** A generous per-row allowance for the fixed-size columns and the protocol. */
    private static final int ROW_OVERHEAD_BYTES = 1024;

    private final TableNames tables;
    private final Connection connection;
    private final Map<Integer, PreparedStatement> statements = new HashMap<>();

    EventInserts(TableNames tables, Connection connection) {
        this.tables = tables;
        this.connection = connection;
    }

    /** Inserts the events (within the caller's transaction). */
    void insert(List<AuditEvent> events) throws SQLException {
        List<List<AuditEvent>> chunks = chunks(events);
        int i = 0;
        while (i < chunks.size()) {
            int rows = chunks.get(i).size();
            int j = i;
            while (j < chunks.size() && chunks.get(j).size() == rows) {
                j++;
            }
            PreparedStatement ps = statement(rows);
            if (j - i == 1) {
                bind(ps, chunks.get(i));
                ps.executeUpdate();
            } else {
                for (int k = i; k < j; k++) {
                    bind(ps, chunks.get(k));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            i = j;
        }
    }

    private static List<List<AuditEvent>> chunks(List<AuditEvent> events) {
        List<List<AuditEvent>> chunks = new ArrayList<>();
        List<AuditEvent> chunk = new ArrayList<>();
        long bytes = 0;
        for (AuditEvent e : events) {
            long size = estimatedBytes(e);
            if (!chunk.isEmpty() && (chunk.size() == ROWS_PER_STATEMENT || bytes + size > BYTES_PER_STATEMENT)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(e);
            bytes += size;
        }
        chunks.add(chunk);
        return chunks;
    }

    /** An upper bound of a row's parameter bytes: three UTF-8 bytes per UTF-16 unit of the JSON columns. */
    private static long estimatedBytes(AuditEvent e) {
        return ROW_OVERHEAD_BYTES + 3L * (e.contextJson().length() + ((CanonicalMap) e.principal().metadata()).json().length());
    }

    private void bind(PreparedStatement ps, List<AuditEvent> rows) throws SQLException {
        int offset = 0;
        for (AuditEvent e : rows) {
            EventRows.bind(ps, offset, e);
            offset += EventRows.COLUMN_COUNT;
        }
    }

    private PreparedStatement statement(int rows) throws SQLException {
        PreparedStatement ps = statements.get(rows);
        if (ps == null) {
            ps = connection.prepareStatement(sql(rows));
            statements.put(rows, ps);
        }
        return ps;
    }

    private String sql(int rows) {
        String row = "(" + "?, ".repeat(EventRows.COLUMN_COUNT - 1) + "?)";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.event()).append(" (")
                .append(EventRows.COLUMNS).append(") VALUES ").append(row);
        for (int i = 1; i < rows; i++) {
            sql.append(", ").append(row);
        }
        return sql.toString();
    }

    /** Closes the prepared statements (the connection stays open). */
    @Override
    public void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            }
        }
        statements.clear();
    }
}
