package io.airlog.jdbc;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.jdbc.internal.EventRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds sealed chains in Java and stores them with {@link EventRows}, as a writer would. */
final class TestChains {
    private TestChains() {
    }

    /** A draft with every field set, varied by {@code i}. */
    static AuditDraft draft(int i) {
        return new AuditDraft(UUID.randomUUID(), Instant.ofEpochSecond(1_700_000_000L + i, 123_456_789),
                "document.update", new Principal("user-" + (i % 7), AuthMethod.JWT,
                        Map.of("roles", List.of("editor", "viewer"), "tenant", "acme")),
                "Document", "doc-" + i, i % 5 == 0 ? Outcome.FAILURE : Outcome.SUCCESS, "req-" + i,
                Map.of("i", i, "note", "changed ü€𝄞", "nested", Map.of("ok", true)));
    }

    /** Seals {@code count} drafts as a new chain of {@code logId}, starting after {@code head}. */
    static List<AuditEvent> seal(String logId, ChainPosition head, int count) {
        List<AuditEvent> events = new ArrayList<>(count);
        ChainPosition position = head;
        for (int i = 0; i < count; i++) {
            AuditEvent event = draft((int) position.size() + 1).seal(logId, position.nextSequence(),
                    position.lastChecksum());
            events.add(event);
            position = event.position();
        }
        return events;
    }

    /** Seals a chain of {@code count} events of {@code logId} from sequence 1. */
    static List<AuditEvent> seal(String logId, int count) {
        return seal(logId, ChainPosition.EMPTY, count);
    }

    /** Inserts the events in batches and sets the log's head row to the last one (one transaction). */
    static void store(Connection c, TableNames tables, List<AuditEvent> events) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(EventRows.insertSql(tables))) {
            int pending = 0;
            for (AuditEvent event : events) {
                EventRows.bind(insert, event);
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            AuditEvent last = events.get(events.size() - 1);
            setHead(c, tables, last.logId(), last.position());
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Inserts or replaces the head row of a log. */
    static void setHead(Connection c, TableNames tables, String logId, ChainPosition head) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + tables.head()
                + " SET size = ?, last_checksum = ?, updated_at = CURRENT_TIMESTAMP WHERE log_id = ?")) {
            update.setLong(1, head.size());
            update.setString(2, head.lastChecksum());
            update.setString(3, logId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + tables.head()
                + " (log_id, size, last_checksum, updated_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, logId);
            insert.setLong(2, head.size());
            insert.setString(3, head.lastChecksum());
            insert.executeUpdate();
        }
    }

    /** Runs one SQL statement on its own. */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
