package io.airlog;

/**
 * A snapshot of a stream's state, for health checks and metrics.
 *
 * @param up whether the stream accepts and stores events
 * @param recorded events stored since the stream was opened
 * @param failed events that could not be stored (the caller got an error)
 * @param queued events waiting in a queue (0 for synchronous streams)
 * @param detail a human-readable explanation, empty when all is well
 */
public record StreamHealth(boolean up, long recorded, long failed, long queued, String detail) {
}
