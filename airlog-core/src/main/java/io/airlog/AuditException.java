package io.airlog;

/**
 * An audit event could not be recorded (the backend failed, the stream is closed, the queue
 * is full, the write timeout passed while the event was still queued).
 *
 * <p>What the caller may assume about the event depends on the type:
 * <ul>
 *   <li>{@code AuditException} itself: the event was <b>not stored</b>; nothing stored earlier
 *   was affected. Recording it again (the same draft, or a new one) cannot duplicate it.</li>
 *   <li>{@link AuditOutcomeUnknownException}: whether the event was stored is <b>not known</b>
 *   (its transaction was in flight when the connection broke or the write timeout passed). If
 *   it was stored, it is a valid part of the log. Record the same draft again to find out: a
 *   stream that stores event ids once (the JDBC stream) returns the stored event instead of a
 *   second copy.</li>
 *   <li>{@link io.airlog.pipeline.AuditDeliveryException}: a pipeline reached some of its
 *   streams and not others; it names which stored the event.</li>
 *   <li>{@link AuditDroppedException}: not a failure of storage; the stream's middleware or
 *   routing dropped the draft on purpose, and nothing was stored
 *   ({@link AuditStream#submit(AuditDraft)} returns that as a {@link RecordResult.Dropped}
 *   instead).</li>
 * </ul>
 */
public class AuditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public AuditException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
