package io.airlog.jdbc.internal;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.TableNames;
import io.airlog.merkle.TreeEdge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The checkpoint rows of one log in size order, read in pages of a bounded number of rows
 * (keyset paging on the primary key), and the newest row a check may start from. Nothing a row
 * holds is trusted by itself: only its note, once a trusted key's signature verifies, and its
 * edge once it hashes to that note's root.
 */
public final class CheckpointScan {
    private static final String COLUMNS = "size, last_checksum, merkle_root, edge, note";

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

    /**
     * The newest row a check may start from: its note opened with trusted keys for the origin, of
     * its row's size, and its edge hashing to the note's root.
     *
     * @param checkpoint the opened note
     * @param edge the stored edge, checked against it
     */
    public record Trusted(SignedCheckpoint checkpoint, TreeEdge edge) {
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
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.checkpoint()
                    + " WHERE log_id = ? AND size > ? ORDER BY log_id, size LIMIT " + pageSize)) {
                ps.setString(1, logId);
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(row(rs));
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

    /**
     * The newest row of {@code logId} with a size of at most {@code atMost} that a check may start
     * from (see {@link Trusted}); rows that do not qualify are passed over.
     */
    public static Optional<Trusted> newestTrusted(Connection c, TableNames tables, String logId, TrustedKeys keys,
                                                  String origin, long atMost) throws SQLException {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        long below = atMost;
        while (true) {
            int read = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.checkpoint()
                    + " WHERE log_id = ? AND size <= ? ORDER BY log_id DESC, size DESC LIMIT 100")) {
                ps.setString(1, logId);
                ps.setLong(2, below);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        Row row = row(rs);
                        below = row.size() - 1;
                        Optional<Trusted> trusted = trusted(row, keys, origin);
                        if (trusted.isPresent()) {
                            return trusted;
                        }
                    }
                }
            }
            if (read < 100) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Trusted> trusted(Row row, TrustedKeys keys, String origin) {
        try {
            SignedCheckpoint signed = keys.open(row.note(), origin);
            if (signed.size() != row.size()) {
                return Optional.empty();
            }
            TreeEdge edge = TreeEdge.parse(row.edge());
            return signed.checkpoint().matches(edge) ? Optional.of(new Trusted(signed, edge)) : Optional.empty();
        } catch (IllegalArgumentException e) { // RejectedCheckpointException too
            return Optional.empty();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
