package io.airlog.jdbc;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSignature;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signed checkpoint rows as schema V2 stores them (note, edge and the informational columns),
 * written by the tests themselves, independently of the writer.
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
}
