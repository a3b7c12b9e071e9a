package io.airlog;

/**
 * A stored log failed an integrity check while it was being read, or a writer refused to
 * append to it because it found it damaged.
 */
public class AuditIntegrityException extends AuditException {
    private static final long serialVersionUID = 1L;

    private final String logId;
    private final long sequence;
    private final String problem;

    /**
     * @param logId the log
     * @param sequence the first sequence found damaged
     * @param message what is wrong
     */
    public AuditIntegrityException(String logId, long sequence, String message) {
        super("log '" + logId + "', sequence " + sequence + ": " + message);
        this.logId = logId;
        this.sequence = sequence;
        this.problem = message;
    }

    /**
     * The same finding thrown again in another thread (so that its stack trace shows where),
     * with the original as its cause.
     *
     * @param original the finding
     */
    public AuditIntegrityException(AuditIntegrityException original) {
        super(original.getMessage(), original);
        this.logId = original.logId;
        this.sequence = original.sequence;
        this.problem = original.problem;
    }

    /** The damaged log. */
    public String logId() {
        return logId;
    }

    /** The first damaged sequence. */
    public long sequence() {
        return sequence;
    }

    /** What is wrong, without the log and sequence. */
    public String problem() {
        return problem;
    }
}
