package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One draft waiting for the writer, and the future its caller waits on.
 *
 * <p>A submission is {@linkplain #take() taken} by the writer thread (it is then part of a
 * batch whose outcome the writer will establish) or {@linkplain #abandon() abandoned} by its
 * caller when the write timeout passed while it was still queued (it is then never stored);
 * exactly one of the two happens, decided by a compare-and-set.
 */
final class Submission {
    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    private final AuditDraft draft;
    private final CompletableFuture<AuditEvent> result = new CompletableFuture<>();
    private final boolean waiting;
    private final long deadlineNanos;
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    /**
     * @param draft the validated draft
     * @param waiting whether the caller is a thread blocked on {@link #result} (completed
     *                directly by the writer) rather than an asynchronous caller (completed on
     *                the completion thread, so that caller code never runs on the writer thread)
     * @param deadlineNanos when the caller stops waiting ({@link System#nanoTime()} time)
     */
    Submission(AuditDraft draft, boolean waiting, long deadlineNanos) {
        this.draft = draft;
        this.waiting = waiting;
        this.deadlineNanos = deadlineNanos;
    }

    AuditDraft draft() {
        return draft;
    }

    CompletableFuture<AuditEvent> result() {
        return result;
    }

    boolean waiting() {
        return waiting;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** The writer takes it into a batch; false if its caller abandoned it first. */
    boolean take() {
        return state.compareAndSet(QUEUED, TAKEN);
    }

    /** The caller gives up while it is queued; false if the writer took it first. */
    boolean abandon() {
        return state.compareAndSet(QUEUED, ABANDONED);
    }
}
