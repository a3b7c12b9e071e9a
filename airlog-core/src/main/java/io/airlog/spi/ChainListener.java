package io.airlog.spi;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;

/**
 * Told of every event a stream appended to its log, in sequence order, while the log's
 * sequencer is held: where a checkpointer (signing the head every so often) or a replica
 * plugs into a stream that cannot be read back, such as the SLF4J stream (see
 * {@link EmittingAuditStream}). A listener runs on the recording thread and delays the next
 * event until it returns: keep it quick. An exception it throws is logged and counted in the
 * stream's health; the event stays appended and the call succeeds.
 */
public interface ChainListener {

    /**
     * An event was appended.
     *
     * @param event the event, sealed and stored
     */
    void appended(AuditEvent event);

    /**
     * The stream was closed with its log at {@code head}.
     *
     * @param head the position after the last appended event
     */
    default void closed(ChainPosition head) {
    }
}
