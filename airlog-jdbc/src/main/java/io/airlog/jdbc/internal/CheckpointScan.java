package io.airlog.jdbc.internal;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.jdbc.TableNames;
import io.airlog.merkle.TreeEdge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;

/**
 * The checkpoint rows of one log in size order, read in pages of a bounded number of rows
 * (keyset paging on the primary key). Nothing a row holds is trusted by itself: only its note,
 * once a trusted key's signature verifies, and its edge once it hashes to that note's root
 * ({@link NewestCheckpoint} finds the newest such row).
 */
public final class CheckpointScan {
    private final Connection c;
    private final TableNames tables;
    private final String logId;
    private final int pageSize;
    private final ArrayDeque<Row> page = new ArrayDeque<>();
    private long after;
    private boolean exhausted;

    /**
     * One stored checkpoint row, unverified.
     *
     * @param size the size column
     * @param lastChecksum the checksum the row says event {@code size} has
     * @param merkleRoot the root the row says the tree of {@code size} events has (hex)
     * @param edge the stored tree edge (text form of {@link TreeEdge})
     * @param note the signed note, verbatim
     */
    public record Row(long size, String lastChecksum, String merkleRoot, String edge, String note) {
        /** The columns {@link #read} reads, in its order. */
        static final String COLUMNS = "size, last_checksum, merkle_root, edge, note";

        /** The row at the result set's cursor, of a query that selects {@link #COLUMNS}. */
        static Row read(ResultSet rs) throws SQLException {
            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
        }

        /**
         * How the row's size or root column disagrees with its note, or null if they agree or the
         * note cannot be read (a check of the note reports that). The last checksum is not
         * compared here: whether the events match the note is the tree check's finding.
         */
        public String disagreement() {
            Checkpoint c;
            try {
                c = Checkpoint.parse(SignedNote.parse(note).text());
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (c.size() != size) {
                return "the row's size is " + size + " but its note's tree size is " + c.size();
            }
            if (merkleRoot != null && !merkleRoot.strip().equalsIgnoreCase(c.root().hex())) {
                return "the row's merkle_root is not its note's root " + c.root().hex();
            }
            return null;
        }
    }

    /** The rows of {@code logId} with a size above {@code after}, {@code pageSize} per query. */
    public CheckpointScan(Connection c, TableNames tables, String logId, long after, int pageSize) {
        this.c = c;
        this.tables = tables;
        this.logId = logId;
        this.after = after;
        this.pageSize = pageSize;
    }

    /** The next row in size order if its size is at most {@code size}; null otherwise or at the end. */
    public Row nextUpTo(long size) throws SQLException {
        Row next = peek();
        if (next == null || next.size() > size) {
            return null;
        }
        return page.poll();
    }

    private Row peek() throws SQLException {
        if (page.isEmpty() && !exhausted) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Row.COLUMNS + " FROM " + tables.checkpoint()
                    + " WHERE log_id = ? AND size > ? ORDER BY log_id, size LIMIT " + pageSize)) {
                ps.setString(1, logId);
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(Row.read(rs));
                    }
                }
            }
            exhausted = page.size() < pageSize;
            if (!page.isEmpty()) {
                after = page.peekLast().size();
            }
        }
        return page.peek();
    }

}
