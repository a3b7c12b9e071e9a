package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import java.util.concurrent.CompletableFuture;

/**
 * One draft waiting for the writer, and the future its caller waits on.
 *
 * @param draft the validated draft
 * @param result completed with the sealed event after its batch committed, or exceptionally
 * @param waiting whether the caller is a thread blocked on {@code result} (completed directly
 *                by the writer) rather than an asynchronous caller (completed on the
 *                completion thread, so that caller code never runs on the writer thread)
 */
record Submission(AuditDraft draft, CompletableFuture<AuditEvent> result, boolean waiting) {

    Submission(AuditDraft draft, boolean waiting) {
        this(draft, new CompletableFuture<>(), waiting);
    }
}
