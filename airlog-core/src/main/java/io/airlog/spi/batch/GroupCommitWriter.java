package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.QueueFullPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The group-commit writer of one stream: a bounded queue of drafts and one thread that
 * drains it in batches and hands each batch to a {@link BatchAppender} (for example one
 * transaction per batch).
 *
 * <p>A batch is whatever is queued when the thread comes back from the previous commit (up
 * to the maximum size). Under load the queue fills while a transaction commits, so batches
 * grow with the number of callers by themselves. When the batch is smaller than the one
 * before, the thread waits up to the maximum delay for the callers of that batch to come
 * back (see {@link #gather}); a single caller never waits. When other writers append to the
 * same log, the batch closes only once the appender holds the log's head (for the JDBC
 * appender, the head row's lock): what was queued while a writer in another JVM held it joins
 * it (see {@link BatchAppender.DraftSource}).
 *
 * <p>Callers' futures are completed only after the commit (or the failure) of their own
 * batch. Waiting callers are completed by the writer thread; asynchronous callers by a
 * separate completion thread, so code chained to their stages never delays the writer.
 */
public final class GroupCommitWriter {
    private static final long IDLE_POLL_MILLIS = 20;
    /** How often a batch is tried when the database rolls it back to break a deadlock. */
    private static final int TRANSIENT_ATTEMPTS = 3;

    private final String streamName;
    private final String logId;
    private final BatchAppender appender;
    private final BlockingQueue<Submission> queue;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final QueueFullPolicy fullPolicy;
    private final long blockTimeoutNanos;
    private final Thread thread;
    private final ExecutorService completions;

    private final AtomicLong committedBatches = new AtomicLong();
    private final AtomicLong committedEvents = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong failedEvents = new AtomicLong();
    private volatile int largestBatch;
    /** Size of the batch stored before the current one; writer thread only. */
    private int previousBatch = 1;
    private volatile String lastFailure;
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile Thread completionThread;

    /**
     * Starts the writer thread.
     *
     * @param streamName the stream's name, for thread names and messages
     * @param logId the log, for messages
     * @param appender stores a batch; used by the writer thread only, closed when it stops
     * @param settings queue and batch settings
     */
    public GroupCommitWriter(String streamName, String logId, BatchAppender appender, Settings settings) {
        this.streamName = streamName;
        this.logId = logId;
        this.appender = appender;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.maxBatch = settings.maxBatchSize();
        this.maxDelayNanos = settings.maxDelay().toNanos();
        this.fullPolicy = settings.fullPolicy();
        this.blockTimeoutNanos = settings.blockTimeout().toNanos();
        this.completions = settings.asyncCallers()
                ? Executors.newSingleThreadExecutor(runnable -> {
                    Thread t = daemon("airlog-" + streamName + "-completion").newThread(runnable);
                    completionThread = t;
                    return t;
                })
                : null;
        this.thread = daemon("airlog-" + streamName + "-writer").newThread(this::run);
        thread.start();
    }

    /**
     * Queues a draft.
     *
     * @param draft the draft
     * @param waiting true if the caller will block on the result, false for an asynchronous
     *                caller (whose result is completed off the writer thread)
     * @return completed with the sealed event once its batch has committed
     * @throws IllegalStateException if the writer is closed
     * @throws AuditException if the queue stayed full
     */
    public CompletableFuture<AuditEvent> submit(AuditDraft draft, boolean waiting) {
        Objects.requireNonNull(draft, "draft");
        if (closing || stopped) {
            throw closedError();
        }
        Submission submission = new Submission(draft, waiting || completions == null);
        if (!enqueue(submission)) {
            failedEvents.incrementAndGet();
            throw new AuditException("audit stream '" + streamName + "': the write queue is full (capacity "
                    + (queue.size() + queue.remainingCapacity()) + ")" + (fullPolicy == QueueFullPolicy.BLOCK
                    ? " and stayed full for " + Duration.ofNanos(blockTimeoutNanos) : "")
                    + "; the event was not recorded");
        }
        // Raced with the writer's final drain: if it is still queued, nobody will take it.
        if (stopped && queue.remove(submission)) {
            throw closedError();
        }
        return submission.result();
    }

    private boolean enqueue(Submission submission) {
        if (fullPolicy == QueueFullPolicy.FAIL) {
            return queue.offer(submission);
        }
        try {
            return queue.offer(submission, blockTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("audit stream '" + streamName
                    + "': interrupted while waiting for room in the write queue; the event was not recorded", e);
        }
    }

    /** The writer's counters. */
    public WriterStatistics statistics() {
        return new WriterStatistics(committedBatches.get(), committedEvents.get(), failedBatches.get(),
                failedEvents.get(), largestBatch, queue.size(), appender.connectionsOpened(),
                appender.foreignAppends());
    }

    /** The message of the last failed batch, or null if the last batch committed. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closing;
    }

    /**
     * Refuses new drafts, lets the thread store everything already queued, and waits until
     * it has stopped and every caller has been completed. Idempotent. Called from code that
     * runs on the completion thread (a stage chained to {@code recordAsync}), it does not wait
     * for that thread.
     */
    public void close() {
        closing = true;
        if (Thread.currentThread() == thread) {
            return; // no caller code runs on the writer thread; never wait for oneself
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (completions != null) {
            completions.shutdown();
            while (Thread.currentThread() != completionThread && !completions.isTerminated()) {
                try {
                    completions.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Submission> batch = new ArrayList<>(maxBatch);
        Throwable fatal = null;
        try {
            while (true) {
                Submission first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                gather(batch);
                previousBatch = write(batch, true);
                batch.clear();
            }
        } catch (InterruptedException | RuntimeException | Error e) {
            fatal = e;
            lastFailure = "the writer stopped: " + e;
            fail(batch, e);
        } finally {
            stopped = true;
            List<Submission> stragglers = new ArrayList<>();
            queue.drainTo(stragglers);
            for (Submission s : stragglers) {
                complete(s, null, fatal == null ? closedError()
                        : new AuditException("audit stream '" + streamName + "': the writer stopped: " + fatal, fatal));
            }
            appender.close();
        }
    }

    /**
     * Adds what is queued now; then, if the batch is smaller than the previous one, waits up
     * to the maximum delay for as many events as the previous batch had. Callers that wait
     * for their commit come back together right after it, so the previous batch's size is
     * the best guess of how many are about to arrive; a lone caller never waits, and the
     * guess shrinks as soon as fewer callers come back.
     */
    private void gather(List<Submission> batch) throws InterruptedException {
        queue.drainTo(batch, maxBatch - batch.size());
        int expected = Math.min(maxBatch, previousBatch);
        if (maxDelayNanos > 0 && !closing && batch.size() < expected) {
            long deadline = System.nanoTime() + maxDelayNanos;
            while (batch.size() < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Submission next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                batch.add(next);
                queue.drainTo(batch, maxBatch - batch.size());
            }
        }
    }

    /**
     * Stores a batch in one transaction and completes its callers.
     *
     * @param batch the drafts gathered so far
     * @param growing whether the batch takes in, up to the maximum size, what was queued
     *                while the transaction waited for the head row's lock (held by a writer
     *                in another JVM): those callers then share this commit instead of waiting
     *                for the next one
     * @return the number of drafts the transaction tried to store
     */
    private int write(List<Submission> batch, boolean growing) {
        List<Submission> members = new ArrayList<>(batch);
        List<AuditEvent> events = null;
        for (int attempt = 1; events == null; attempt++) {
            try {
                events = appender.append(() -> {
                    if (growing) {
                        queue.drainTo(members, maxBatch - members.size());
                    }
                    removeRepeatedIds(members);
                    List<AuditDraft> drafts = new ArrayList<>(members.size());
                    for (Submission s : members) {
                        drafts.add(s.draft());
                    }
                    return drafts;
                });
            } catch (BatchFailure failure) {
                failedBatches.incrementAndGet();
                if (failure.kind() == BatchFailure.Kind.TRANSIENT && attempt < TRANSIENT_ATTEMPTS) {
                    continue; // the database broke a deadlock by rolling this one back: try again
                }
                if (failure.kind() == BatchFailure.Kind.CONFLICT && members.size() > 1) {
                    // One draft repeats an event id stored earlier: store the others one by
                    // one, so that only the repeated one fails.
                    for (Submission s : members) {
                        write(List.of(s), false);
                    }
                } else {
                    fail(members, failure);
                }
                return members.size();
            }
        }
        committedBatches.incrementAndGet();
        committedEvents.addAndGet(events.size());
        if (events.size() > largestBatch) {
            largestBatch = events.size();
        }
        lastFailure = null;
        List<Runnable> later = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Submission s = members.get(i);
            AuditEvent event = events.get(i);
            if (s.waiting()) {
                s.result().complete(event);
            } else {
                later.add(() -> s.result().complete(event));
            }
        }
        if (!later.isEmpty()) {
            completions.execute(() -> later.forEach(Runnable::run));
        }
        return members.size();
    }

    /** Fails and removes the second and later drafts with the same event id: an event id is stored once. */
    private void removeRepeatedIds(List<Submission> batch) {
        if (batch.size() == 1) {
            return;
        }
        Set<UUID> seen = new HashSet<>();
        for (Iterator<Submission> it = batch.iterator(); it.hasNext(); ) {
            Submission s = it.next();
            if (!seen.add(s.draft().eventId())) {
                it.remove();
                failedEvents.incrementAndGet();
                complete(s, null, new AuditException("audit stream '" + streamName + "': event id "
                        + s.draft().eventId() + " was recorded twice at the same time; the second was not recorded"));
            }
        }
    }

    private void fail(List<Submission> batch, Throwable cause) {
        String detail = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        lastFailure = detail;
        boolean inDoubt = cause instanceof BatchFailure f && f.kind() == BatchFailure.Kind.IN_DOUBT;
        Throwable root = cause instanceof BatchFailure && cause.getCause() != null ? cause.getCause() : cause;
        for (Submission s : batch) {
            if (s.result().isDone()) {
                continue;
            }
            failedEvents.incrementAndGet();
            complete(s, null, new AuditException("audit stream '" + streamName + "' could not store a batch of "
                    + batch.size() + " events in log '" + logId + "': " + detail
                    + (inDoubt ? "" : "; the log is unchanged"), root));
        }
    }

    private void complete(Submission s, AuditEvent event, RuntimeException error) {
        Runnable completion = () -> {
            if (error != null) {
                s.result().completeExceptionally(error);
            } else {
                s.result().complete(event);
            }
        };
        if (s.waiting() || completions.isShutdown()) {
            completion.run();
        } else {
            completions.execute(completion);
        }
    }

    private IllegalStateException closedError() {
        return new IllegalStateException("audit stream '" + streamName + "' is closed"
                + (closing ? "" : ": " + lastFailure));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The writer's settings.
     *
     * @param maxBatchSize most events per transaction
     * @param maxDelay how long to wait for more events before committing a batch smaller than the previous one
     * @param queueCapacity most drafts waiting
     * @param fullPolicy what a caller gets when the queue is full
     * @param blockTimeout how long {@link QueueFullPolicy#BLOCK} waits
     * @param asyncCallers whether some callers do not wait (a completion thread is needed)
     */
    public record Settings(int maxBatchSize, Duration maxDelay, int queueCapacity, QueueFullPolicy fullPolicy,
                           Duration blockTimeout, boolean asyncCallers) {
    }
}
