package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.merkle.Digest;
import io.airlog.verify.LogSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of one log in airlog's event table, read on one connection in sequence order, a
 * bounded range of {@value #PAGE} sequences per query on the primary key (so no query reads
 * or sorts the rest of the table, and no transaction stays open between pages). Rows map back
 * to events strictly (airlog-jdbc's {@code EventRows}): a row whose stored values map to no
 * event is a record that cannot be read.
 */
final class EventTable {
    /** Sequences per query. */
    static final int PAGE = 1_000;

    private final Connection connection;
    private final TableNames tables;
    private final String logId;
    private final String where;

    /**
     * @param connection the connection, kept open by the caller
     * @param tables the table names
     * @param logId the log
     * @param where the database, for messages
     */
    EventTable(Connection connection, TableNames tables, String logId, String where) {
        this.connection = connection;
        this.tables = tables;
        this.logId = logId;
        this.where = where;
    }

    /**
     * Checks that the event and head tables can be read.
     *
     * @throws CliException naming the table and the prefix
     */
    static void checkTables(Connection c, TableNames tables, String where) {
        for (String table : List.of(tables.event(), tables.head())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT log_id FROM " + table + " WHERE 1 = 0");
                 ResultSet ignored = ps.executeQuery()) {
                // readable
            } catch (SQLException e) {
                throw CliException.error("cannot read the airlog table " + table + " in " + where + " (table prefix '"
                        + tables.prefix() + "'; another one is named with --table-prefix): " + e.getMessage(), e);
            }
        }
    }

    /** The logs the head table names, in order. */
    static List<String> logs(Connection c, TableNames tables, String where) {
        List<String> logs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT log_id FROM " + tables.head() + " ORDER BY log_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                logs.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failed(where, "read the logs of", e);
        }
        return logs;
    }

    /** The highest stored sequence of the log, 0 if it holds no row. */
    long maxSequence() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT MAX(seq) FROM " + tables.event()
                + " WHERE log_id = ?")) {
            ps.setString(1, logId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failed(where, "read the size of log '" + logId + "' in", e);
        }
    }

    /** Whether the head table has a row for the log. */
    boolean hasHead() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT size FROM " + tables.head()
                + " WHERE log_id = ?")) {
            ps.setString(1, logId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failed(where, "read the head of log '" + logId + "' in", e);
        }
    }

    /**
     * Hands the stored checksums of sequences {@code from + 1 .. to} to {@code sink}, in order.
     *
     * @throws AuditIntegrityException at the first sequence missing or without a readable checksum
     */
    void leaves(long from, long to, Consumer<Digest> sink) {
        String sql = "SELECT seq, checksum FROM " + tables.event() + " WHERE log_id = ? AND seq > ? AND seq <= ?"
                + " ORDER BY log_id, seq";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            long next = from + 1;
            for (long after = from; after < to; after = Math.min(to, after + PAGE)) {
                ps.setString(1, logId);
                ps.setLong(2, after);
                ps.setLong(3, Math.min(to, after + PAGE));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        if (seq != next) {
                            throw damaged(next, "the event table holds no row with this sequence (the next is " + seq
                                    + ")");
                        }
                        try {
                            sink.accept(Digest.fromHex(String.valueOf(rs.getString(2))));
                        } catch (IllegalArgumentException e) {
                            throw damaged(seq, "the stored checksum cannot be read: " + e.getMessage());
                        }
                        next++;
                    }
                }
                if (next <= Math.min(to, after + PAGE)) {
                    throw damaged(next, "the event table holds no row with this sequence");
                }
            }
        } catch (SQLException e) {
            throw failed(where, "read log '" + logId + "' from", e);
        }
    }

    /** The stored event with this id, as stored. */
    Optional<AuditEvent> byId(UUID eventId) {
        return one("event_id = ?", eventId.toString());
    }

    /** The stored event at this sequence, as stored. */
    Optional<AuditEvent> bySequence(long sequence) {
        return one("seq = ?", sequence);
    }

    private Optional<AuditEvent> one(String condition, Object value) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + EventRows.COLUMNS + " FROM "
                + tables.event() + " WHERE log_id = ? AND " + condition)) {
            ps.setString(1, logId);
            ps.setObject(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(EventRows.read(rs));
                } catch (IllegalArgumentException e) {
                    throw damaged(rs.getLong(2), "the row cannot be read as an event: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw failed(where, "read log '" + logId + "' from", e);
        }
    }

    /**
     * Every stored row of sequences {@code first..last} in sequence order, gaps passed over;
     * positions count rows from 1. Lazy: one query per page.
     */
    Stream<LogSource.Entry> entries(long first, long last) {
        Iterator<LogSource.Entry> rows = new Iterator<>() {
            private long after = first - 1;
            private long position;
            private Iterator<LogSource.Entry> page = List.<LogSource.Entry>of().iterator();
            private boolean exhausted = first > last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !exhausted) {
                    page = nextPage().iterator();
                }
                return page.hasNext();
            }

            @Override
            public LogSource.Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }

            /** The rows of the next range of sequences; after a short range, skips to the next stored row. */
            private List<LogSource.Entry> nextPage() {
                long upper = last - after <= PAGE ? last : after + PAGE;
                List<LogSource.Entry> entries = new ArrayList<>();
                try (PreparedStatement ps = connection.prepareStatement("SELECT " + EventRows.COLUMNS + " FROM "
                        + tables.event() + " WHERE log_id = ? AND seq > ? AND seq <= ? ORDER BY log_id, seq")) {
                    ps.setString(1, logId);
                    ps.setLong(2, after);
                    ps.setLong(3, upper);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            entries.add(entry(++position, rs));
                        }
                    }
                    if (upper == last) {
                        exhausted = true;
                    } else if (entries.size() < upper - after) {
                        Long next = nextStored(upper);
                        exhausted = next == null || next > last;
                        upper = next == null ? upper : next - 1;
                    }
                } catch (SQLException e) {
                    throw failed(where, "read log '" + logId + "' from", e);
                }
                after = upper;
                return entries;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED
                | Spliterator.NONNULL), false);
    }

    private static LogSource.Entry entry(long position, ResultSet rs) throws SQLException {
        try {
            return new LogSource.Entry(position, EventRows.read(rs), null);
        } catch (IllegalArgumentException e) {
            return new LogSource.Entry(position, null, "row with seq " + rs.getLong(2) + ": " + e.getMessage());
        }
    }

    /** The lowest stored sequence above {@code after}, or null. */
    private Long nextStored(long after) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT MIN(seq) FROM " + tables.event()
                + " WHERE log_id = ? AND seq > ?")) {
            ps.setString(1, logId);
            ps.setLong(2, after);
            try (ResultSet rs = ps.executeQuery()) {
                long next = rs.next() ? rs.getLong(1) : 0;
                return next == 0 ? null : next;
            }
        }
    }

    private AuditIntegrityException damaged(long sequence, String detail) {
        return new AuditIntegrityException(logId, sequence, detail + "; run `airlog verify` on " + where);
    }

    private static CliException failed(String where, String what, SQLException e) {
        return CliException.error("cannot " + what + " " + where + ": " + e.getMessage(), e);
    }
}
