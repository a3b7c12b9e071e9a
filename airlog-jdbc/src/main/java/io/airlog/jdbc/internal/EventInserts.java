package io.airlog.jdbc.internal;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.internal.CanonicalMap;
import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
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
 * <p>On PostgreSQL, {@link #insertMovingHead} also moves the log's head in the statement of
 * the first rows (a data-modifying {@code WITH}): one round trip fewer per batch.
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
    private final String logId;
    private final Connection connection;
    private final boolean movesHead;
    private final Map<Integer, PreparedStatement> statements = new HashMap<>();
    private final Map<Integer, PreparedStatement> movingStatements = new HashMap<>();

    EventInserts(TableNames tables, String logId, SqlDialect dialect, Connection connection) {
        this.tables = tables;
        this.logId = logId;
        this.connection = connection;
        this.movesHead = dialect == SqlDialect.POSTGRESQL;
    }

    /** Inserts the events (within the caller's transaction). */
    void insert(List<AuditEvent> events) throws SQLException {
        insertChunks(chunks(events));
    }

    /** Whether {@link #insertMovingHead} can be used: on PostgreSQL. */
    boolean movesHead() {
        return movesHead;
    }

    /**
     * Whether {@link #insertMovingHead} stores {@code events} in one statement (they fit one
     * multi-row insert), so that it can run in auto-commit as a transaction of its own.
     */
    boolean oneStatement(List<AuditEvent> events) {
        return movesHead && chunks(events).size() == 1;
    }

    /**
     * Moves the head from {@code expected} to {@code next} and inserts the events (within the
     * caller's transaction), if the head is at {@code expected} and the stored rows end there
     * too: the statement of the first rows is {@link HeadRow#advanceAtEndSql}'s update in a
     * {@code WITH}, and inserts them only if it moved the head.
     *
     * @return whether the head moved and the events were inserted; if not, nothing changed
     * @throws SQLException if a statement failed (the transaction must roll back)
     */
    boolean insertMovingHead(List<AuditEvent> events, ChainPosition expected, ChainPosition next)
            throws SQLException {
        List<List<AuditEvent>> chunks = chunks(events);
        List<AuditEvent> first = chunks.get(0);
        PreparedStatement ps = movingStatements.get(first.size());
        if (ps == null) {
            ps = connection.prepareStatement(movingSql(first.size()));
            movingStatements.put(first.size(), ps);
        }
        HeadRow.bindAdvanceAtEnd(ps, logId, expected, next);
        bind(ps, HeadRow.ADVANCE_AT_END_PARAMETERS, first);
        int inserted = ps.executeUpdate();
        if (inserted == 0) {
            return false;
        }
        if (inserted != first.size()) {
            throw new SQLException("the statement that moved the head of log '" + logId + "' inserted " + inserted
                    + " rows instead of " + first.size());
        }
        insertChunks(chunks.subList(1, chunks.size()));
        return true;
    }

    private void insertChunks(List<List<AuditEvent>> chunks) throws SQLException {
        int i = 0;
        while (i < chunks.size()) {
            int rows = chunks.get(i).size();
            int j = i;
            while (j < chunks.size() && chunks.get(j).size() == rows) {
                j++;
            }
            PreparedStatement ps = statement(rows);
            if (j - i == 1) {
                bind(ps, 0, chunks.get(i));
                ps.executeUpdate();
            } else {
                for (int k = i; k < j; k++) {
                    bind(ps, 0, chunks.get(k));
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

    /** Binds the rows to the parameters after the first {@code offset}. */
    private static void bind(PreparedStatement ps, int offset, List<AuditEvent> rows) throws SQLException {
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
        return "INSERT INTO " + tables.event() + " (" + EventRows.COLUMNS + ") VALUES " + values(rows);
    }

    /** PostgreSQL: the head's update in a {@code WITH}, and the rows inserted only if it moved the head. */
    private String movingSql(int rows) {
        return "WITH moved AS (" + HeadRow.advanceAtEndSql(tables) + " RETURNING log_id) INSERT INTO "
                + tables.event() + " (" + EventRows.COLUMNS + ") SELECT * FROM (VALUES " + values(rows)
                + ") AS v WHERE EXISTS (SELECT 1 FROM moved)";
    }

    private static String values(int rows) {
        String row = "(" + "?, ".repeat(EventRows.COLUMN_COUNT - 1) + "?)";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    /** Closes the prepared statements (the connection stays open). */
    @Override
    public void close() {
        for (Map<Integer, PreparedStatement> kept : List.of(statements, movingStatements)) {
            for (PreparedStatement ps : kept.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    // the connection is being dropped anyway
                }
            }
            kept.clear();
        }
    }
}
