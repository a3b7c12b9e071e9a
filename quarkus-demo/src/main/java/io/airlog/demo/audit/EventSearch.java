package io.airlog.demo.audit;

/**
 * One page of a search of the log, newest first. Without a cursor, the newest matching events;
 * with {@code before}, the newest of those with a smaller sequence (older); with {@code after},
 * the oldest of those with a larger sequence (newer; {@code after = 0} is the oldest page).
 *
 * @param filter which events
 * @param before the cursor of an older page, or null
 * @param after the cursor of a newer page, or null
 * @param limit the page size
 */
public record EventSearch(EventFilter filter, Long before, Long after, int limit) {
}
