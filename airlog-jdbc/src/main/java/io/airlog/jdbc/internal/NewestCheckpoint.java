package io.airlog.jdbc.internal;

import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.TableNames;
import io.airlog.merkle.TreeEdge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that finds the newest <em>trusted</em> checkpoint row of one log, for the writer
 * and the verifier alike: the row of greatest size whose note a trusted key validly signed, for
 * this log's origin, at the row's size, whose other columns agree with the note
 * ({@link CheckpointScan.Row#disagreement()}), and whose stored edge hashes to the note's root.
 * Nothing else in the row is trusted. Rows are read newest first in pages of {@value #PAGE}
 * (in primary-key order, so that the database reads index entries, not the whole table), and
 * reading stops at the first trusted row. The rows passed over on the way (newer than the one
 * found) are returned as rejected, with why: anyone who can insert into the checkpoint table can
 * add such rows, so they are worth a report, never a failure by themselves. Without trusted
 * keys no row can be trusted and none is read.
 */
public final class NewestCheckpoint {
    /** Rows read per query. */
    static final int PAGE = 100;

    private final String sql;
    private final String logId;
    private final String origin;
    private final TrustedKeys keys;

    /**
     * A checkpoint row that passed every check.
     *
     * @param signed the opened, validly signed checkpoint
     * @param edge the stored tree edge, of the checkpoint's size and root
     */
    public record Trusted(SignedCheckpoint signed, TreeEdge edge) {
        /** The tree size. */
        public long size() {
            return edge.size();
        }
    }

    /**
     * A checkpoint row that is not trusted.
     *
     * @param size the row's size column
     * @param problem why it is not trusted
     */
    public record Rejected(long size, String problem) {
    }

    /**
     * What {@link #find} found.
     *
     * @param newest the newest trusted row in the range, if any
     * @param rejected the rows newer than it (in the range) that are not trusted, newest first
     */
    public record Found(Optional<Trusted> newest, List<Rejected> rejected) {
        /** Copies the list. */
        public Found {
            rejected = List.copyOf(rejected);
        }
    }

    /**
     * @param tables the table names
     * @param logId the log
     * @param origin the origin its checkpoints must name
     * @param keys the keys whose signatures are trusted
     */
    public NewestCheckpoint(TableNames tables, String logId, String origin, TrustedKeys keys) {
        this.sql = "SELECT " + CheckpointScan.Row.COLUMNS + " FROM " + tables.checkpoint()
                + " WHERE log_id = ? AND size > ? AND size <= ? ORDER BY log_id DESC, size DESC LIMIT " + PAGE;
        this.logId = logId;
        this.origin = origin;
        this.keys = keys;
    }

    /**
     * The newest trusted checkpoint row with {@code above < size <= atMost}, reading rows newest
     * first and stopping at the first trusted one.
     *
     * @throws SQLException if the table cannot be read
     */
    public Found find(Connection connection, long above, long atMost) throws SQLException {
        List<Rejected> rejected = new ArrayList<>();
        if (keys.isEmpty()) {
            return new Found(Optional.empty(), rejected);
        }
        long below = atMost;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            while (below > above) {
                ps.setString(1, logId);
                ps.setLong(2, above);
                ps.setLong(3, below);
                int read = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        CheckpointScan.Row row = CheckpointScan.Row.read(rs);
                        below = row.size() - 1;
                        try {
                            return new Found(Optional.of(check(row)), rejected);
                        } catch (IllegalArgumentException e) {
                            // a RejectedCheckpointException, or a row whose columns disagree with its note
                            rejected.add(new Rejected(row.size(), e.getMessage()));
                        }
                    }
                }
                if (read < PAGE) {
                    break;
                }
            }
        }
        return new Found(Optional.empty(), rejected);
    }

    /** The newest trusted checkpoint row of any size. */
    public Found find(Connection connection) throws SQLException {
        return find(connection, -1, Long.MAX_VALUE);
    }

    private Trusted check(CheckpointScan.Row row) {
        if (row.note() == null || row.edge() == null) {
            throw new IllegalArgumentException("the row has no note or no edge");
        }
        SignedCheckpoint signed = keys.open(row.note(), origin);
        if (signed.size() != row.size()) {
            throw new IllegalArgumentException("the row's size column says " + row.size() + " but its signed note "
                    + signed.size());
        }
        String disagreement = row.disagreement();
        if (disagreement != null) {
            throw new IllegalArgumentException(disagreement);
        }
        TreeEdge edge;
        try {
            edge = TreeEdge.parse(row.edge());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its edge is malformed: " + e.getMessage(), e);
        }
        if (!signed.checkpoint().matches(edge)) {
            throw new IllegalArgumentException("its edge does not hash to the signed root of tree size "
                    + row.size());
        }
        return new Trusted(signed, edge);
    }
}
