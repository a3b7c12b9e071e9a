package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a stored log back with plain SQL, independent of the stream, and checks it as a verifier would. */
final class StoredLog {
    private StoredLog() {
    }

    /** Every event of the log, in sequence order. */
    static List<AuditEvent> events(Connection c, TableNames tables, String logId) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventRows.COLUMNS + " FROM " + tables.event()
                + " WHERE log_id = ? ORDER BY seq")) {
            ps.setString(1, logId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(EventRows.read(rs));
                }
            }
        }
        return events;
    }

    /** The head row of the log, or {@link ChainPosition#EMPTY} if it has none. */
    static ChainPosition head(Connection c, TableNames tables, String logId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size, last_checksum FROM " + tables.head()
                + " WHERE log_id = ?")) {
            ps.setString(1, logId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ChainPosition(rs.getLong(1), rs.getString(2)) : ChainPosition.EMPTY;
            }
        }
    }

    /**
     * Asserts the log is one intact chain of {@code size} events (every checksum recomputed,
     * every link, sequences 1..size) whose head row matches its last event; returns the events.
     */
    static List<AuditEvent> assertIntact(Fixture fixture, String logId, long size) throws SQLException {
        try (Connection c = fixture.connect()) {
            List<AuditEvent> events = events(c, fixture.tables, logId);
            VerificationReport report = ChainVerifier.verify(logId, events);
            assertThat(report.damages()).as("damage in log %s", logId).isEmpty();
            assertThat(report.end().size()).isEqualTo(size);
            assertThat(events).hasSize((int) size);
            assertThat(head(c, fixture.tables, logId)).isEqualTo(report.end());
            return events;
        }
    }
}
