package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSignature;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signed checkpoint rows as schema V2 stores them (note, edge and the informational columns):
 * written by the tests themselves, independently of the writer, and read back and checked
 * against the stored events.
 */
final class CheckpointRows {
    private CheckpointRows() {
    }

    /** The tree edge over the first {@code size} events. */
    static TreeEdge edge(List<AuditEvent> events, long size) {
        TreeEdge edge = TreeEdge.empty();
        for (AuditEvent e : events.subList(0, (int) size)) {
            edge = edge.append(Digest.fromHex(e.checksum()));
        }
        return edge;
    }

    /** Signs the checkpoint of the first {@code size} events of {@code events} and inserts its row. */
    static SignedNote insert(Connection c, TableNames tables, List<AuditEvent> events, long size, NoteSigner key)
            throws SQLException {
        TreeEdge edge = edge(events, size);
        String logId = events.get(0).logId();
        SignedNote note = key.sign(Checkpoint.of(Checkpoint.defaultOrigin(logId), edge));
        insert(c, tables, logId, events.get((int) size - 1).checksum(), edge, note.format());
        return note;
    }

    /**
     * A signature line without its leading em dash: the V1 {@code signature} column is ASCII on
     * MariaDB (the note column holds the lines verbatim).
     */
    private static String signatureColumn(NoteSignature s) {
        return s.line().substring(s.line().indexOf(' ') + 1).strip();
    }

    /** Inserts a checkpoint row of {@code edge}'s size holding {@code note} verbatim, its root taken from the note. */
    static void insert(Connection c, TableNames tables, String logId, String lastChecksum, TreeEdge edge, String note)
            throws SQLException {
        SignedNote parsed = SignedNote.parse(note);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.checkpoint()
                + " (log_id, size, last_checksum, merkle_root, signature, key_id, edge, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, logId);
            ps.setLong(2, edge.size());
            ps.setString(3, lastChecksum);
            ps.setString(4, Checkpoint.parse(parsed.text()).root().hex());
            ps.setString(5, parsed.signatures().stream().map(CheckpointRows::signatureColumn)
                    .collect(Collectors.joining("\n")));
            NoteSignature first = parsed.signatures().get(0);
            ps.setString(6, first.keyName() + "+" + first.keyIdHex());
            ps.setString(7, edge.encode());
            ps.setString(8, note);
            ps.executeUpdate();
        }
    }

    /** One stored checkpoint row, every column the writer fills. */
    record Row(long size, String lastChecksum, String merkleRoot, String signature, String keyId, String edge,
               String note) {
    }

    /** Every checkpoint row of the log, by size. */
    static List<Row> read(Connection c, TableNames tables, String logId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT size, last_checksum, merkle_root, signature, key_id,"
                + " edge, note FROM " + tables.checkpoint() + " WHERE log_id = ? ORDER BY size")) {
            ps.setString(1, logId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    static List<Row> read(Fixture fixture, String logId) throws SQLException {
        try (Connection c = fixture.connect()) {
            return read(c, fixture.tables, logId);
        }
    }

    /**
     * Asserts that the log is an intact chain of {@code size} events and that every checkpoint
     * row is signed by a trusted key, has an edge that hashes to its signed root, repeats the
     * note in its other columns, and matches the tree of the stored events at its size;
     * returns the rows.
     */
    static List<Row> assertEveryRowVerifies(Fixture fixture, String logId, long size, TrustedKeys keys,
                                            String origin) throws SQLException {
        List<AuditEvent> events = StoredLog.assertIntact(fixture, logId, size);
        List<Row> rows = read(fixture, logId);
        TreeEdge tree = TreeEdge.empty();
        int next = 0;
        for (Row row : rows) {
            SignedCheckpoint signed = keys.open(row.note(), origin);
            TreeEdge edge = TreeEdge.parse(row.edge());
            assertThat(signed.size()).as("note size of row %d", row.size()).isEqualTo(row.size());
            assertThat(signed.checkpoint().matches(edge)).as("edge of row %d hashes to its root", row.size()).isTrue();
            assertThat(row.merkleRoot()).isEqualTo(edge.root().hex());
            assertThat(row.keyId()).isEqualTo(signed.signedBy().get(0).name() + "+"
                    + signed.signedBy().get(0).keyIdHex());
            assertThat(row.note()).contains(row.signature());
            while (tree.size() < row.size()) {
                tree = tree.append(Digest.fromHex(events.get(next++).checksum()));
            }
            assertThat(row.lastChecksum()).isEqualTo(events.get((int) row.size() - 1).checksum());
            assertThat(tree.root()).as("stored tree at %d", row.size()).isEqualTo(signed.checkpoint().root());
        }
        return rows;
    }
}
