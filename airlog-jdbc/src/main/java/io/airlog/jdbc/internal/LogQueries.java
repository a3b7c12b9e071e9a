package io.airlog.jdbc.internal;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditIntegrityException;
import io.airlog.AuditQuery;
import io.airlog.ChainPosition;
import io.airlog.internal.EventEncoder;
import io.airlog.jdbc.TableNames;
import io.airlog.spi.VerifiedReplay;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/**
 * The read side of one log: the head, filtered pages of events, and verified replay. Every
 * filter and the paging run in SQL, on the indexes the schema defines; events come back in
 * sequence order. Each call uses a connection of its own for as long as the call lasts.
 */
public final class LogQueries {
    /** Rows fetched per query while replaying. */
    static final int REPLAY_PAGE = 1000;

    private final Jdbi jdbi;
    private final TableNames tables;
    private final String logId;

    /**
     * @param jdbi where connections come from
     * @param tables the table names
     * @param logId the log to read
     */
    public LogQueries(Jdbi jdbi, TableNames tables, String logId) {
        this.jdbi = jdbi;
        this.tables = tables;
        this.logId = logId;
    }

    /** The committed head of the log, {@link ChainPosition#EMPTY} before its first event. */
    public ChainPosition head() {
        return read("read the head", () -> jdbi.withHandle(h -> h
                .createQuery("SELECT size, last_checksum FROM " + tables.head() + " WHERE log_id = :log")
                .bind("log", logId)
                .map((rs, ctx) -> new ChainPosition(rs.getLong(1), rs.getString(2)))
                .findOne()
                .orElse(ChainPosition.EMPTY)));
    }

    /** One page of the events matching the query, in sequence order. */
    public List<AuditEvent> find(AuditQuery q) {
        if ((q.from() != null && q.from().isAfter(AuditDraft.MAX_TIMESTAMP))
                || (q.to() != null && !q.to().isAfter(AuditDraft.MIN_TIMESTAMP))) {
            return List.of();
        }
        Long fromTs = q.from() == null || !q.from().isAfter(AuditDraft.MIN_TIMESTAMP) ? null
                : EventEncoder.epochNanos(q.from());
        Long toTs = q.to() == null || q.to().isAfter(AuditDraft.MAX_TIMESTAMP) ? null
                : EventEncoder.epochNanos(q.to());
        StringBuilder sql = new StringBuilder("SELECT ").append(EventRows.COLUMNS).append(" FROM ")
                .append(tables.event()).append(" WHERE log_id = :log");
        condition(sql, q.fromSequence(), "seq >= :fromSeq");
        condition(sql, q.toSequence(), "seq <= :toSeq");
        condition(sql, fromTs, "ts_nanos >= :fromTs");
        condition(sql, toTs, "ts_nanos < :toTs");
        condition(sql, q.subject(), "principal_subject = :subject");
        condition(sql, q.action(), "action = :action");
        condition(sql, q.resource(), "resource = :resource");
        condition(sql, q.resourceId(), "resource_id = :resourceId");
        condition(sql, q.outcome(), "outcome = :outcome");
        condition(sql, q.correlationId(), "correlation_id = :correlationId");
        sql.append(" ORDER BY seq LIMIT :limit OFFSET :offset");
        return read("query", () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString())
                    .bind("log", logId)
                    .bind("limit", q.limit())
                    .bind("offset", q.offset());
            bindIfSet(query, "fromSeq", q.fromSequence());
            bindIfSet(query, "toSeq", q.toSequence());
            bindIfSet(query, "fromTs", fromTs);
            bindIfSet(query, "toTs", toTs);
            bindIfSet(query, "subject", q.subject());
            bindIfSet(query, "action", q.action());
            bindIfSet(query, "resource", q.resource());
            bindIfSet(query, "resourceId", q.resourceId());
            bindIfSet(query, "outcome", q.outcome() == null ? null : q.outcome().name());
            bindIfSet(query, "correlationId", q.correlationId());
            return query.map((rs, ctx) -> event(rs)).list();
        }));
    }

    /**
     * Replays {@code fromSequence..toSequence} (capped at the head), verified as it streams.
     * Rows are read in pages of {@value #REPLAY_PAGE} by sequence range, each page with a
     * short query of its own, so memory stays constant and no connection is held between
     * pages.
     */
    public Stream<AuditEvent> replay(long fromSequence, long toSequence) {
        if (fromSequence < 1) {
            throw new IllegalArgumentException("fromSequence must be at least 1, not " + fromSequence);
        }
        long last = Math.min(toSequence, head().size());
        Iterator<AuditEvent> rows = new Iterator<>() {
            private long next = fromSequence;
            private Iterator<AuditEvent> page = List.<AuditEvent>of().iterator();
            private boolean exhausted = next > last;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted) {
                    List<AuditEvent> rows = page(next, Math.min(last, next + REPLAY_PAGE - 1));
                    if (rows.isEmpty()) {
                        exhausted = true;
                    } else {
                        next = rows.get(rows.size() - 1).sequence() + 1;
                        exhausted = next > last;
                        page = rows.iterator();
                    }
                }
                return page.hasNext();
            }

            @Override
            public AuditEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        Stream<AuditEvent> stored = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false);
        return VerifiedReplay.of(logId, fromSequence, last, stored);
    }

    private List<AuditEvent> page(long first, long last) {
        return read("replay", () -> jdbi.withHandle(h -> h
                .createQuery("SELECT " + EventRows.COLUMNS + " FROM " + tables.event()
                        + " WHERE log_id = :log AND seq >= :first AND seq <= :last ORDER BY seq")
                .bind("log", logId)
                .bind("first", first)
                .bind("last", last)
                .map((rs, ctx) -> event(rs))
                .collectIntoList()));
    }

    /** Maps a row; a row that maps to no event is damage, reported at its sequence. */
    private AuditEvent event(ResultSet rs) throws SQLException {
        try {
            return EventRows.read(rs);
        } catch (IllegalArgumentException e) {
            throw new AuditIntegrityException(logId, rs.getLong(2), "malformed row: " + e.getMessage());
        }
    }

    private static void condition(StringBuilder sql, Object value, String condition) {
        if (value != null) {
            sql.append(" AND ").append(condition);
        }
    }

    private static void bindIfSet(Query query, String name, Object value) {
        if (value instanceof Long l) {
            query.bind(name, l.longValue());
        } else if (value instanceof String s) {
            query.bind(name, s);
        }
    }

    private <T> T read(String what, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (JdbiException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new AuditException("cannot " + what + " log '" + logId + "': " + cause.getMessage(), e);
        }
    }
}
