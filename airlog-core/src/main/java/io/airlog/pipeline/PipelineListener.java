package io.airlog.pipeline;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;

/**
 * Told what an {@link AuditPipeline} did with each draft, for metrics (airlog-micrometer
 * implements it). Called on the thread that completed the delivery: the caller's for
 * {@code record}, possibly a stream's writer or completion thread for {@code recordAsync}.
 * Implementations must be quick, must not block, and must be safe for concurrent use; an
 * exception they throw is logged and otherwise ignored, never passed to the caller.
 */
public interface PipelineListener {

    /**
     * A destination stream stored the event.
     *
     * @param stream the destination stream's name
     * @param event the event as that stream sealed it
     * @param nanos how long the delivery took, from handing the draft to the stream until it
     *              reported the event stored
     */
    default void stored(String stream, AuditEvent event, long nanos) {
    }

    /**
     * A destination stream did not store the draft.
     *
     * @param stream the destination stream's name
     * @param draft the draft, after middleware
     * @param delivery whether the stream had to store it (then the call failed)
     * @param error why
     * @param nanos how long the failed delivery took
     */
    default void failed(String stream, AuditDraft draft, Delivery delivery, Throwable error, long nanos) {
    }

    /**
     * The pipeline dropped the draft on purpose: a middleware or a {@link RouteAction#DROP} rule
     * did, or every destination declined it.
     *
     * @param pipeline the pipeline's name
     * @param draft the draft as handed to the pipeline
     */
    default void dropped(String pipeline, AuditDraft draft) {
    }
}
