package io.airlog.jdbc;

/**
 * What a caller experiences when the writer's queue is full: the database is slower than
 * the callers. Events are never dropped silently.
 */
public enum QueueFullPolicy {
    /**
     * Wait for room, at most the configured block timeout, then fail with an
     * {@link io.airlog.AuditException} (configuration: {@code airlog.queue.full=block}, the
     * default).
     */
    BLOCK,
    /** Fail at once with an {@link io.airlog.AuditException} ({@code airlog.queue.full=fail}). */
    FAIL
}
