package io.airlog.verify;

import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One store's copy of a log, read once from start to end for a {@link LogComparison}: the
 * stored records in storage order, each an event or the reason it could not be read. Read
 * lazily, with memory bounded by one record (or one page of a reader).
 *
 * <p>Sources: {@link #of(String, AuditLogReader)} for any readable stream (a database log),
 * {@link io.airlog.stream.JsonLinesReader#source(java.nio.file.Path)} for a JSON-lines file,
 * {@link #ofEvents} for events already at hand. Close the source when done. Not thread-safe.
 */
public final class LogSource implements AutoCloseable {
    /** Events a reader is asked for at a time. */
    static final int PAGE = 1_000;

    private final String label;
    private final Stream<Entry> entries;

    private LogSource(String label, Stream<Entry> entries) {
        this.label = Objects.requireNonNull(label, "label");
        this.entries = Objects.requireNonNull(entries, "entries");
    }

    /**
     * One stored record.
     *
     * @param position where it is stored: line number, row number in sequence order, 1-based
     * @param event the event, or null when the record could not be read
     * @param problem why it could not be read, or null
     */
    public record Entry(long position, AuditEvent event, String problem) {
        /** Exactly one of event and problem. */
        public Entry {
            if ((event == null) == (problem == null)) {
                throw new IllegalArgumentException("an entry holds an event or a problem, not both or neither");
            }
        }
    }

    /**
     * A source over stored records.
     *
     * @param label names the store in the report (a file name, "database", ...)
     * @param entries the records in storage order; closed with the source
     * @return the source
     */
    public static LogSource of(String label, Stream<Entry> entries) {
        return new LogSource(label, entries);
    }

    /**
     * A source over events; their positions are 1, 2, 3, ... in stream order.
     *
     * @param label names the store in the report
     * @param events the events in storage order; closed with the source
     * @return the source
     */
    public static LogSource ofEvents(String label, Stream<AuditEvent> events) {
        AtomicLong position = new AtomicLong();
        return new LogSource(label, events.map(e -> new Entry(position.incrementAndGet(), e, null)));
    }

    /**
     * A source that reads the reader's log in sequence order, a page of {@value #PAGE}
     * events at a time, without verifying (the comparison judges every event itself, so a
     * damaged store is compared, not refused). Positions are 1, 2, 3, ... in sequence order.
     *
     * @param label names the store in the report
     * @param reader the log's reader (e.g. a JDBC stream)
     * @return the source
     */
    public static LogSource of(String label, AuditLogReader reader) {
        Objects.requireNonNull(reader, "reader");
        Iterator<AuditEvent> pages = new Iterator<>() {
            private Iterator<AuditEvent> page = List.<AuditEvent>of().iterator();
            private long nextSequence = 1;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !exhausted) {
                    List<AuditEvent> events = reader.find(AuditQuery.builder().sequences(nextSequence, Long.MAX_VALUE)
                            .limit(PAGE).build());
                    exhausted = events.size() < PAGE;
                    if (!events.isEmpty()) {
                        nextSequence = events.get(events.size() - 1).sequence() + 1;
                    }
                    page = events.iterator();
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
        return ofEvents(label, StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false));
    }

    /** The name of the store in reports. */
    public String label() {
        return label;
    }

    Iterator<Entry> iterator() {
        return entries.iterator();
    }

    @Override
    public void close() {
        entries.close();
    }
}
