package io.airlog.stream;

import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.spi.SealingAuditStream;
import io.airlog.spi.VerifiedReplay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A log kept in memory: for tests, demos and short-lived tools. Queryable; nothing survives
 * the JVM. Safe for concurrent use.
 */
public final class InMemoryAuditStream extends SealingAuditStream implements AuditLogReader {
    private final List<AuditEvent> events = new ArrayList<>();

    /**
     * @param name stream name
     * @param logId log id
     */
    public InMemoryAuditStream(String name, String logId) {
        super(name, logId, ChainPosition.EMPTY);
    }

    /**
     * A stream writing log {@code logId}, named after it (as a JSON-lines stream is), so that
     * streams of different logs can share an {@link io.airlog.pipeline.AuditStreamRegistry}.
     */
    public static InMemoryAuditStream of(String logId) {
        return new InMemoryAuditStream(logId, logId);
    }

    @Override
    protected void store(AuditEvent event) {
        events.add(event);
    }

    @Override
    protected void closeStorage() {
        // the events stay readable after close
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.QUERY);
    }

    /** A copy of all events, in sequence order. */
    public List<AuditEvent> events() {
        return underSequencer(() -> List.copyOf(events));
    }

    /** The number of events stored. */
    public int size() {
        return underSequencer(events::size);
    }

    @Override
    public List<AuditEvent> find(AuditQuery query) {
        return underSequencer(() -> {
            int first = query.fromSequence() == null ? 0 : (int) Math.max(0, Math.min(events.size(), query.fromSequence() - 1));
            List<AuditEvent> page = new ArrayList<>();
            long skip = query.offset();
            for (int i = first; i < events.size() && page.size() < query.limit(); i++) {
                AuditEvent e = events.get(i);
                if (query.matches(e) && skip-- <= 0) {
                    page.add(e);
                }
            }
            return page;
        });
    }

    @Override
    public Stream<AuditEvent> replay(long fromSequence, long toSequence) {
        List<AuditEvent> slice = underSequencer(() -> {
            long last = Math.min(toSequence, events.size());
            if (fromSequence < 1 || fromSequence > last) {
                return List.<AuditEvent>of();
            }
            return List.copyOf(events.subList((int) fromSequence - 1, (int) last));
        });
        long last = slice.isEmpty() ? fromSequence - 1 : slice.get(slice.size() - 1).sequence();
        return VerifiedReplay.of(logId(), fromSequence, last, slice.stream());
    }
}
