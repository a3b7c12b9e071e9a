package io.airlog;

/**
 * An audit event could not be recorded (the backend failed, the stream is closed, the queue
 * is full). The event was not stored; nothing stored earlier was affected.
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
