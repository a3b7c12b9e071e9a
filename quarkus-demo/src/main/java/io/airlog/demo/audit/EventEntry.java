package io.airlog.demo.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a page, as stored.
 *
 * @param sequence its sequence
 * @param event the event in airlog's JSON shape ({@link io.airlog.encoding.EventJson}); null
 *              when the stored row cannot be read as an event
 * @param checksumMatches whether the stored checksum matches the event's fields (false: the
 *                        row was changed); null when the row cannot be read
 * @param unreadable why the stored row cannot be read as an event (a value was altered), or null
 */
public record EventEntry(long sequence, JsonNode event, Boolean checksumMatches, String unreadable) {
}
