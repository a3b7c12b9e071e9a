package io.airlog.demo.audit;

import io.airlog.ChainPosition;
import java.util.List;

/**
 * One page of the events that match a search, newest first.
 *
 * @param logId the log
 * @param head the log's size and last checksum when the page was read (the search saw the
 *             events up to it)
 * @param total how many events match
 * @param newer how many matching events are newer than this page
 * @param older how many matching events are older than this page
 * @param limit the page size asked for
 * @param events the page, newest first
 */
public record EventPage(String logId, ChainPosition head, long total, long newer, long older, int limit,
                        List<EventEntry> events) {
}
