package io.airlog;

/**
 * {@link AuditStream#record(AuditDraft)} was called on a stream whose middleware or routing
 * dropped the draft on purpose: nothing was stored. Not a failure of storage; callers of
 * streams that may drop use {@link AuditStream#submit(AuditDraft)}, which returns
 * {@link RecordResult.Dropped} instead of throwing.
 */
public class AuditDroppedException extends AuditException {
    private static final long serialVersionUID = 1L;

    private final transient RecordResult.Dropped dropped;

    /**
     * @param dropped what was dropped and why
     */
    public AuditDroppedException(RecordResult.Dropped dropped) {
        super("audit event " + dropped.eventId() + " was dropped, not stored: " + dropped.reason());
        this.dropped = dropped;
    }

    /** What was dropped and why. */
    public RecordResult.Dropped dropped() {
        return dropped;
    }
}
