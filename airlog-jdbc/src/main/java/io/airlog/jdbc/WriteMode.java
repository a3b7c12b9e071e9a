package io.airlog.jdbc;

/**
 * Whether {@link JdbcAuditStream#recordAsync} waits for the commit.
 *
 * <p>{@link JdbcAuditStream#record} always waits: it returns the event as committed. The
 * write mode decides what {@code recordAsync} does, and therefore whether the stream declares
 * {@link io.airlog.Capability#ASYNC}. Both modes go through the same queue and group commit.
 */
public enum WriteMode {
    /**
     * {@code recordAsync} waits for the commit and returns a completed stage, like
     * {@code record} (configuration: {@code airlog.write-mode=sync}, the default).
     */
    SYNC,
    /**
     * {@code recordAsync} hands the draft to the queue and returns (at once while the queue
     * has room; a full queue holds the caller back as its {@link QueueFullPolicy} says); the
     * stage completes when the batch holding the event has committed, or fails with an
     * {@link io.airlog.AuditException} when it could not be stored, at the latest when the
     * write timeout has passed ({@code airlog.write-mode=async}).
     */
    ASYNC
}
