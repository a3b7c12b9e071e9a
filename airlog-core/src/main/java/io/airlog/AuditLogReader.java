package io.airlog;

import java.util.List;
import java.util.stream.Stream;

/**
 * Read access to one stored log: queries for viewers, and replay for consumers that must
 * see every event in order.
 */
public interface AuditLogReader {

    /** The id of the log this reader reads. */
    String logId();

    /** The current head of the log. */
    ChainPosition head();

    /** The events that match a query, in sequence order, one page. */
    List<AuditEvent> find(AuditQuery query);

    /**
     * Replays events {@code fromSequence..toSequence} (inclusive; {@code toSequence} is capped
     * at the head) in order, verifying each event's checksum and its link to the one before
     * as it streams. A damaged or missing event ends the stream with an
     * {@link AuditIntegrityException} at that position. Close the stream when done.
     */
    Stream<AuditEvent> replay(long fromSequence, long toSequence);
}
