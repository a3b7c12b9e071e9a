package io.airlog.jdbc.internal;

import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.ChainPosition;
import io.airlog.jdbc.TableNames;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.verify.CheckpointVerifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the rows of one log after a tree edge, checks each (its columns map to an event, its
 * sequence is the next one, its checksum matches its fields, it links to the row before) and
 * extends the edge over them. Rows are streamed, so a long tail costs time, not memory.
 */
final class StoredTail implements AutoCloseable {
    /** Rows fetched per round trip. */
    private static final int FETCH_SIZE = 1000;

    private final String logId;
    private final PreparedStatement rowsFrom;

    /**
     * What the rows from an edge's end on hold.
     *
     * @param anchored whether the stored row at the start's size carries the start's last
     *        checksum (always for the empty start); if not, no row after it was read
     * @param storedAtStart the checksum of the stored row at the start's size, null if there
     *        is none (the genesis value for the empty start)
     * @param edge the start extended over every stored row after it; the start if not anchored
     * @param checksumAt the checksum of the row at the sequence asked for, if it was read, else null
     */
    record Extended(boolean anchored, String storedAtStart, TreeEdge edge, String checksumAt) {
    }

    StoredTail(TableNames tables, String logId, Connection connection) throws SQLException {
        this.logId = logId;
        this.rowsFrom = connection.prepareStatement(rowsFromSql(tables));
        rowsFrom.setFetchSize(FETCH_SIZE);
    }

    /** The statement that reads the rows from a sequence on, in order. */
    static String rowsFromSql(TableNames tables) {
        return "SELECT " + EventRows.COLUMNS + " FROM " + tables.event()
                + " WHERE log_id = ? AND seq >= ? ORDER BY seq";
    }

    /** The chain position at the end of an edge. */
    static ChainPosition position(TreeEdge edge) {
        return new ChainPosition(edge.size(), edge.lastLeaf().map(Digest::hex).orElse(ChainPosition.GENESIS));
    }

    /**
     * Extends {@code from} over every stored row after it, in one query that first reads the
     * row at its size: unless that row carries its last checksum (see {@link Extended#anchored}),
     * nothing after it is read or checked.
     *
     * @param checkpoint a trusted checkpoint the tree must match when it reaches its size, or null
     * @param at the sequence whose stored checksum to return (when the rows reach it)
     * @param witness fed every leaf, or null
     * @throws AuditIntegrityException naming the first row that fails, or the checkpoint the rows contradict
     */
    Extended extend(TreeEdge from, NewestCheckpoint.Trusted checkpoint, long at, CheckpointVerifier witness)
            throws SQLException {
        TreeEdge edge = from;
        String previous = position(from).lastChecksum();
        String checksumAt = null;
        rowsFrom.setString(1, logId);
        rowsFrom.setLong(2, from.size());
        try (ResultSet rs = rowsFrom.executeQuery()) {
            if (from.size() > 0) {
                String stored = rs.next() && rs.getLong(EventColumn.SEQ.index()) == from.size()
                        ? rs.getString(EventColumn.CHECKSUM.index()) : null;
                if (!previous.equals(stored)) {
                    return new Extended(false, stored, from, null);
                }
            }
            while (rs.next()) {
                long expected = edge.size() + 1;
                AuditEvent event;
                try {
                    event = EventRows.read(rs);
                } catch (IllegalArgumentException e) {
                    throw new AuditIntegrityException(logId, rs.getLong(EventColumn.SEQ.index()), "malformed row: "
                            + e.getMessage());
                }
                if (event.sequence() != expected) {
                    throw new AuditIntegrityException(logId, expected, "the row of sequence " + expected
                            + " is missing (the next stored row is " + event.sequence() + ")");
                }
                if (!event.verify()) {
                    throw new AuditIntegrityException(logId, expected, "the stored checksum does not match the"
                            + " row's fields (the row was altered)");
                }
                if (!event.previousChecksum().equals(previous)) {
                    throw new AuditIntegrityException(logId, expected, "the row's previous checksum is not the"
                            + " checksum of the row before it (the chain is broken)");
                }
                Digest leaf = Digest.fromHex(event.checksum());
                edge = edge.append(leaf);
                previous = event.checksum();
                if (expected == at) {
                    checksumAt = previous;
                }
                if (witness != null) {
                    witness.leaf(expected, leaf);
                }
                if (checkpoint != null && checkpoint.size() == expected) {
                    checkMatches(edge, checkpoint);
                }
            }
        }
        return new Extended(true, position(from).lastChecksum(), edge, checksumAt);
    }

    /** Fails unless the tree of {@code edge} is the one the trusted checkpoint of its size signed. */
    void checkMatches(TreeEdge edge, NewestCheckpoint.Trusted checkpoint) {
        if (!checkpoint.signed().checkpoint().matches(edge)) {
            throw new AuditIntegrityException(logId, edge.size(), "the stored events do not match the signed"
                    + " checkpoint of tree size " + edge.size() + " (its root differs: events before it were"
                    + " rewritten)");
        }
    }

    @Override
    public void close() {
        try {
            rowsFrom.close();
        } catch (SQLException e) {
            // the connection is being dropped anyway
        }
    }
}
