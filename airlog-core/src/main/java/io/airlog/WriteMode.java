package io.airlog;

/**
 * Whether a stream's {@link AuditStream#recordAsync} waits for the event to be stored.
 *
 * <p>{@link AuditStream#record} always waits: it returns the event as stored. The write mode
 * decides what {@code recordAsync} does on a stream that has a write queue (the JDBC stream,
 * any stream built on {@link io.airlog.spi.batch.GroupCommitWriter}), and therefore whether
 * that stream declares {@link Capability#ASYNC}. Both modes go through the same queue and
 * group commit.
 */
public enum WriteMode {
    /**
     * {@code recordAsync} waits until the event is stored and returns a completed stage, like
     * {@code record} (configuration: {@code airlog.write-mode=sync}, the default).
     */
    SYNC,
    /**
     * {@code recordAsync} hands the draft to the queue and returns (at once while the queue
     * has room; a full queue holds the caller back as its {@link QueueFullPolicy} says); the
     * stage completes when the batch holding the event has been stored, or fails with an
     * {@link AuditException} when it could not be stored, at the latest when the write timeout
     * has passed ({@code airlog.write-mode=async}).
     */
    ASYNC
}
