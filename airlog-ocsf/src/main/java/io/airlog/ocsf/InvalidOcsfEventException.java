package io.airlog.ocsf;

/**
 * An OCSF event failed the check against the {@linkplain OcsfSchema shipped schema}, so it
 * was not written. The message lists every violation.
 */
public class InvalidOcsfEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient OcsfValidation validation;

    /**
     * @param subject what was mapped, e.g. "event 3f2a... (sequence 7 of log 'bank')"
     * @param validation the failed check
     */
    public InvalidOcsfEventException(String subject, OcsfValidation validation) {
        super(subject + " is " + validation.describe());
        this.validation = validation;
    }

    /** The failed check. */
    public OcsfValidation validation() {
        return validation;
    }
}
