package io.airlog.pipeline;

/**
 * Whether an {@link AuditPipeline} must deliver an event to a stream.
 */
public enum Delivery {
    /**
     * The stream must store the event: if it does not, the {@code record} call fails with an
     * {@link AuditDeliveryException} (after every other destination was tried).
     */
    REQUIRED,
    /**
     * The stream should store the event: if it does not, the failure is counted
     * ({@link PipelineStats#deliveryFailures()}), logged at {@code WARNING} and reported to the
     * pipeline's {@link PipelineListener}s, and the call succeeds with the event of a stream
     * that stored it.
     */
    BEST_EFFORT
}
