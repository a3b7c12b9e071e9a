package io.airlog;

/**
 * A stored log failed an integrity check while it was being read.
 */
public class AuditIntegrityException extends AuditException {
    private static final long serialVersionUID = 1L;

    private final String logId;
    private final long sequence;

    /**
     * @param logId the log
     * @param sequence the first sequence found damaged
     * @param message what is wrong
     */
    public AuditIntegrityException(String logId, long sequence, String message) {
        super("log '" + logId + "', sequence " + sequence + ": " + message);
        this.logId = logId;
        this.sequence = sequence;
    }

    /** The damaged log. */
    public String logId() {
        return logId;
    }

    /** The first damaged sequence. */
    public long sequence() {
        return sequence;
    }
}
