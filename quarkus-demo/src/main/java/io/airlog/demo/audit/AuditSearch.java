package io.airlog.demo.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.ChainPosition;
import io.airlog.encoding.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Searches the log for the viewer: newest first, with counts, by keyset paging (a page is found
 * from its neighbour's sequence, so the newest and the oldest page of a large log cost the
 * same), with a case-insensitive subject prefix and a time range. The counts scan the matching
 * index entries; a subject prefix, compared ignoring case, scans the log's rows.
 *
 * <p>airlog's reader queries events in sequence order with exact filters; the viewer needs
 * more, so the matching sequences and the counts come from SQL on the event table's documented
 * columns ({@code log_id}, {@code seq}, {@code ts_nanos}, {@code action},
 * {@code principal_subject}, {@code resource}, {@code resource_id}, {@code outcome},
 * {@code correlation_id}; see docs/database.md), and the events themselves from airlog's reader,
 * one by sequence, each checked against its checksum. Every query of a search is bounded by the
 * head read first, so the counts and the page agree while events are being added.
 */
@ApplicationScoped
public class AuditSearch {
    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    /** One page of the events that match. */
    public EventPage search(EventSearch search) {
        AuditLogReader reader = trail.reader();
        ChainPosition head = reader.head();
        Where where = Where.of(trail.logId(), head.size(), search.filter());
        long total;
        long newer;
        List<Long> sequences;
        try (Connection c = trail.dataSource().getConnection()) {
            total = count(c, where, null);
            sequences = sequences(c, where, head.size(), search);
            long pivot = !sequences.isEmpty() ? sequences.get(0)
                    : search.before() != null ? search.before() - 1
                    : search.after() != null ? search.after() : head.size();
            newer = count(c, where, pivot);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search the audit log: " + e.getMessage(), e);
        }
        List<EventEntry> events = new ArrayList<>(sequences.size());
        for (long sequence : sequences) {
            events.add(entry(reader, sequence));
        }
        return new EventPage(trail.logId(), head, total, newer, total - newer - sequences.size(), search.limit(),
                events);
    }

    private long count(Connection c, Where where, Long newerThan) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + trail.tables().event() + where.sql()
                + (newerThan == null ? "" : " AND seq > ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(ps);
            if (newerThan != null) {
                ps.setLong(next, newerThan);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The page's sequences, newest first. */
    private List<Long> sequences(Connection c, Where where, long head, EventSearch search) throws SQLException {
        if (search.after() != null) {
            List<Long> newer = select(c, where, search.after(), head, "ASC", search.limit());
            Collections.reverse(newer);
            return newer;
        }
        // Newest first, in windows of sequences that grow fourfold from the top: the database
        // sorts one window's rows, never every matching row of the log, and an unfiltered page
        // is one small range.
        List<Long> out = new ArrayList<>(search.limit());
        long upper = search.before() != null ? Math.min(search.before() - 1, head) : head;
        long window = 4L * search.limit();
        while (out.size() < search.limit() && upper > 0) {
            long lower = Math.max(0, upper - window);
            out.addAll(select(c, where, lower, upper, "DESC", search.limit() - out.size()));
            upper = lower;
            window = Math.min(window * 4, Long.MAX_VALUE / 8);
        }
        return out;
    }

    /** Up to {@code limit} matching sequences in (lower, upper], in {@code order}. */
    private List<Long> select(Connection c, Where where, long lower, long upper, String order, int limit)
            throws SQLException {
        String sql = "SELECT seq FROM " + trail.tables().event() + where.sql() + " AND seq > ? AND seq <= ? ORDER BY seq "
                + order + " LIMIT ?";
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(ps);
            ps.setLong(next++, lower);
            ps.setLong(next++, upper);
            ps.setInt(next, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private EventEntry entry(AuditLogReader reader, long sequence) {
        List<AuditEvent> found;
        try {
            found = reader.find(AuditQuery.builder().sequences(sequence, sequence).limit(1).build());
        } catch (AuditIntegrityException e) {
            return new EventEntry(sequence, null, null, e.getMessage());
        }
        if (found.isEmpty()) {
            return new EventEntry(sequence, null, null, "no stored event has this sequence");
        }
        AuditEvent event = found.get(0);
        try {
            return new EventEntry(sequence, json.readTree(EventJson.toJson(event)), event.verify(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + sequence + " has no JSON form: " + e.getMessage(), e);
        }
    }

    /** The WHERE clause of a filter, with its parameters. */
    private record Where(String sql, List<Object> parameters) {
        static Where of(String logId, long headSize, EventFilter f) {
            StringBuilder sql = new StringBuilder(" WHERE log_id = ? AND seq <= ?");
            List<Object> parameters = new ArrayList<>(List.of(logId, headSize));
            add(sql, parameters, "action = ?", f.action());
            if (f.subjectPrefix() != null) {
                add(sql, parameters, "LOWER(principal_subject) LIKE ? ESCAPE '!'",
                        likePrefix(f.subjectPrefix().toLowerCase(Locale.ROOT)));
            }
            add(sql, parameters, "outcome = ?", f.outcome() == null ? null : f.outcome().name());
            add(sql, parameters, "resource = ?", f.resource());
            add(sql, parameters, "resource_id = ?", f.resourceId());
            add(sql, parameters, "correlation_id = ?", f.correlationId());
            add(sql, parameters, "ts_nanos >= ?", f.from() == null ? null : nanos(f.from()));
            add(sql, parameters, "ts_nanos < ?", f.to() == null ? null : nanos(f.to()));
            return new Where(sql.toString(), parameters);
        }

        private static void add(StringBuilder sql, List<Object> parameters, String condition, Object value) {
            if (value != null) {
                sql.append(" AND ").append(condition);
                parameters.add(value);
            }
        }

        private static String likePrefix(String prefix) {
            return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        }

        /** Epoch nanoseconds, clamped to the range of a long (a time the log cannot hold matches nothing or all). */
        private static long nanos(Instant t) {
            try {
                return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
            } catch (ArithmeticException e) {
                return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }

        /** Binds the parameters from index 1; the next free index. */
        int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object p : parameters) {
                if (p instanceof Long l) {
                    ps.setLong(i++, l);
                } else {
                    ps.setString(i++, (String) p);
                }
            }
            return i;
        }
    }
}
