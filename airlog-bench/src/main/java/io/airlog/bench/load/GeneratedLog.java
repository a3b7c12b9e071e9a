package io.airlog.bench.load;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.Principal;
import io.airlog.jdbc.TableNames;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A log generated quickly for the verification and query measurements: typical drafts
 * ({@link Drafts#typical}, 16 principals in turn) sealed into one chain in Java and inserted
 * with multi-row statements, {@value #ROWS_PER_TRANSACTION} rows per transaction, then the head
 * row set to the end. Keeps the log's end and Merkle tree between appends.
 */
public final class GeneratedLog {
    private static final int ROWS_PER_TRANSACTION = 5_000;

    private final BenchDatabase db;
    private final TableNames tables;
    private final String logId;
    private ChainPosition end = ChainPosition.EMPTY;
    private TreeEdge edge = TreeEdge.empty();

    /** An empty log {@code logId} in the (existing) tables {@code tables} of {@code db}. */
    public GeneratedLog(BenchDatabase db, TableNames tables, String logId) {
        this.db = db;
        this.tables = tables;
        this.logId = logId;
    }

    /** The end of the log. */
    public ChainPosition end() {
        return end;
    }

    /** The Merkle tree of the log. */
    public TreeEdge edge() {
        return edge;
    }

    /** Seals {@code count} more drafts, inserts them and moves (or creates) the head row. */
    public void append(int count) throws SQLException {
        Principal[] principals = new Principal[16];
        for (int i = 0; i < principals.length; i++) {
            principals[i] = Drafts.principal(i);
        }
        ChainPosition from = end;
        try (Connection c = db.connect(); Rows.MultiRowInsert insert = new Rows.MultiRowInsert(tables, c)) {
            c.setAutoCommit(false);
            List<AuditEvent> batch = new ArrayList<>(ROWS_PER_TRANSACTION);
            for (long seq = from.size() + 1; seq <= from.size() + count; seq++) {
                AuditEvent event = Drafts.typical(principals[(int) (seq % principals.length)], seq)
                        .seal(logId, seq, end.lastChecksum());
                batch.add(event);
                edge = edge.append(Digest.fromHex(event.checksum()));
                end = event.position();
                if (batch.size() == ROWS_PER_TRANSACTION) {
                    insert.insert(batch);
                    c.commit();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                insert.insert(batch);
            }
            String sql = from.size() == 0
                    ? "INSERT INTO " + tables.head() + " (size, last_checksum, log_id) VALUES (?, ?, ?)"
                    : "UPDATE " + tables.head() + " SET size = ?, last_checksum = ? WHERE log_id = ?";
            try (PreparedStatement head = c.prepareStatement(sql)) {
                head.setLong(1, end.size());
                head.setString(2, end.lastChecksum());
                head.setString(3, logId);
                head.executeUpdate();
            }
            c.commit();
        }
    }
}
