package io.airlog.jdbc.internal;

import io.airlog.checkpoint.NoteSignature;
import io.airlog.checkpoint.SignedNote;
import io.airlog.jdbc.TableNames;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Inserts a signed checkpoint row, inside the caller's transaction. Checks trust only its
 * {@code note} (and its {@code edge} once it hashes to the note's root); the other columns
 * repeat what the note and edge say, for queries: {@code size}, {@code last_checksum} (the
 * checksum of event {@code size}), {@code merkle_root} (lowercase hex), {@code signature} (the
 * note's signature lines joined with a newline, each without its leading em dash, as the
 * column is ASCII) and {@code key_id} ({@code name+keyid} of the
 * first signature). Not thread-safe: one per connection.
 */
public final class CheckpointInserts implements AutoCloseable {
    /** The longest text the {@code signature} column holds. */
    static final int SIGNATURE_COLUMN = 512;

    private final PreparedStatement insert;

    /**
     * @param tables the table names
     * @param connection the connection whose transactions the rows go into
     */
    public CheckpointInserts(TableNames tables, Connection connection) throws SQLException {
        this.insert = connection.prepareStatement("INSERT INTO " + tables.checkpoint()
                + " (log_id, size, last_checksum, merkle_root, signature, key_id, edge, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Inserts the checkpoint of {@code edge}, signed as {@code note}.
     *
     * @param logId the log
     * @param edge the tree at the checkpoint's size (at least one leaf)
     * @param note the signed checkpoint note of that tree
     * @throws SQLException if the insert fails (a row of that size exists: a duplicate key)
     */
    public void insert(String logId, TreeEdge edge, SignedNote note) throws SQLException {
        Digest last = edge.lastLeaf().orElseThrow(() -> new IllegalArgumentException(
                "the empty tree has no checkpoint row"));
        String signatures = note.signatures().stream().map(CheckpointInserts::ascii)
                .collect(Collectors.joining("\n"));
        if (signatures.length() > SIGNATURE_COLUMN) {
            signatures = signatures.substring(0, SIGNATURE_COLUMN);
        }
        NoteSignature first = note.signatures().get(0);
        insert.setString(1, logId);
        insert.setLong(2, edge.size());
        insert.setString(3, last.hex());
        insert.setString(4, edge.root().hex());
        insert.setString(5, signatures);
        insert.setString(6, first.keyName() + "+" + first.keyIdHex());
        insert.setString(7, edge.encode());
        insert.setString(8, note.format());
        insert.executeUpdate();
    }

    /**
     * A signature line without its em dash and newline ({@code <key name> <base64>}), any
     * character beyond ASCII as {@code ?}: the column is ASCII on MariaDB (schema V1).
     */
    private static String ascii(NoteSignature signature) {
        String line = signature.line();
        return line.substring(2, line.length() - 1).replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Closes the statement (the connection stays open). */
    @Override
    public void close() {
        try {
            insert.close();
        } catch (SQLException e) {
            // the connection is being dropped anyway
        }
    }
}
