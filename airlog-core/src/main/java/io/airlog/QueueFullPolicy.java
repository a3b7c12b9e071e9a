package io.airlog;

/**
 * What a caller experiences when a stream's write queue is full: its storage is slower than
 * the callers (see {@link io.airlog.spi.batch.GroupCommitWriter}). Events are never dropped
 * silently.
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
