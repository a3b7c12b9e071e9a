package io.airlog;

import java.util.UUID;

/**
 * Whether an event was stored is not known: its batch was committing when the connection
 * broke and the database could not be asked since, or the caller's write timeout passed while
 * the batch was in flight.
 *
 * <p>The event is either absent or stored whole, as a valid part of the chain; the stream
 * keeps trying to find out which (its statistics count how in-doubt events ended). To learn
 * the outcome, record the <em>same draft</em> (same event id, same content) again: a stream
 * that stores each event id once returns the stored event if the first attempt was stored,
 * and stores it now if it was not. Recording a new draft for the same action instead may
 * record it twice.
 */
public class AuditOutcomeUnknownException extends AuditException {
    private static final long serialVersionUID = 1L;

    private final UUID eventId;

    /**
     * @param message what happened
     * @param eventId the id of the event whose outcome is unknown
     * @param cause the failure that left it unknown, or null
     */
    public AuditOutcomeUnknownException(String message, UUID eventId, Throwable cause) {
        super(message, cause);
        this.eventId = eventId;
    }

    /** The id of the event whose outcome is unknown. */
    public UUID eventId() {
        return eventId;
    }
}
