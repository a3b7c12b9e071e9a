package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditIntegrityException;
import io.airlog.AuditOutcomeUnknownException;
import io.airlog.QueueFullPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The group-commit writer of one stream: a queue of drafts and one thread that drains it in
 * batches and hands each batch to a {@link BatchAppender} (for example one transaction per
 * batch).
 *
 * <p>A batch is whatever is queued when the thread comes back from the previous commit (up
 * to the maximum size). Under load the queue fills while a transaction commits, so batches
 * grow with the number of concurrent callers by themselves. Synchronous callers come back
 * together right after their commit, so when a batch is smaller than the previous one the
 * thread waits briefly (at most the maximum delay) for as many events as the previous batch
 * had; a lone caller is never delayed. When other writers append to the same log, the batch
 * closes only once the appender holds the log's head (for the JDBC appender, the head row's
 * lock): what was queued while a writer in another JVM held it joins it, up to the maximum size
 * (see {@link BatchAppender.DraftSource}).
 *
 * <p><b>Memory.</b> A caller takes one of {@code queueCapacity} permits before its draft is
 * queued, and the permit comes back only when the writer is done with the draft: stored or
 * failed, and its caller's future completed (for an asynchronous caller, after the code
 * chained to the stage ran). So at most {@code queueCapacity} drafts, futures and pending
 * completions exist at any time, whatever the storage does; producers beyond that are held
 * back ({@link QueueFullPolicy#BLOCK}) or fail ({@link QueueFullPolicy#FAIL}).
 *
 * <p><b>Time.</b> Every caller has a deadline, the write timeout after it called. A draft
 * still queued at its deadline is abandoned (never stored; its caller gets an
 * {@link AuditException}); a draft whose batch is in flight at its deadline gets an
 * {@link AuditOutcomeUnknownException}, and the writer establishes later what became of it.
 * An appender is expected to bound each of its own waits for the storage by the same timeout
 * (the JDBC appender sets it as its connection's network timeout), so a database that stops
 * answering never holds the writer for ever; while one wait lasts longer, the writer reports
 * a {@linkplain #problem() problem}.
 *
 * <p><b>Failures.</b> A failed batch fails its callers and makes the writer wait before the
 * next attempt, exponentially longer (with jitter) while failures continue, so an outage
 * costs the storage one connection attempt per backoff interval, not one per batch. A batch
 * the storage rolled back to break a deadlock ({@link BatchFailure.Kind#TRANSIENT}) is tried
 * again after a short backoff. A batch whose outcome is unknown is <em>in doubt</em>
 * ({@link BatchFailure.Kind#IN_DOUBT}): its callers keep waiting (until their deadline) while
 * the writer asks the appender ({@link BatchAppender#resolve}), as often as needed and before
 * any new batch, whether it is stored; then its callers learn which. An appender that cannot
 * tell leaves the outcome unknown: its callers get an {@link AuditOutcomeUnknownException}.
 * A batch rejected because one of its event ids is stored already
 * ({@link BatchFailure.Kind#CONFLICT}) answers each repeated draft with the stored event (same
 * content) or an error naming the fields that differ, and stores the others; with an appender
 * that cannot look events up by id ({@link BatchAppender#findStored}) the drafts are stored one
 * by one instead, so that only the repeated one fails.
 * A batch the appender refuses because it found the log damaged (a failure caused by an
 * {@link io.airlog.AuditIntegrityException}) fails its callers with an
 * {@code AuditIntegrityException} naming the log and position.
 *
 * <p>An {@link Error} thrown by the appender stops the writer: the callers of the batch in
 * flight get an {@link AuditOutcomeUnknownException} (it may have come out of the commit),
 * every other caller an {@link AuditException}, and the stream reports {@code DOWN}.
 *
 * <p>Callers' futures are completed only after the commit (or the failure) of their own
 * batch. Waiting callers are completed by the writer thread; asynchronous callers by a
 * separate completion thread, so code chained to their stages never delays the writer.
 */
public final class GroupCommitWriter {
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How often a batch is tried when the storage rolls it back to break a deadlock. */
    private static final int TRANSIENT_ATTEMPTS = 3;
    /** The first wait after a failed batch; it doubles with each further failure. */
    public static final Duration BACKOFF_BASE = Duration.ofMillis(50);
    /** The longest wait between two attempts while the storage keeps failing. */
    public static final Duration BACKOFF_CAP = Duration.ofSeconds(2);

    private final String streamName;
    private final String logId;
    private final BatchAppender appender;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final Semaphore permits;
    private final int capacity;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final QueueFullPolicy fullPolicy;
    private final long blockTimeoutNanos;
    private final long writeTimeoutNanos;
    private final Thread thread;
    private final ExecutorService completions;
    private final ScheduledThreadPoolExecutor deadlines;

    private final AtomicLong committedBatches = new AtomicLong();
    private final AtomicLong committedEvents = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong failedEvents = new AtomicLong();
    private final AtomicLong inDoubtBatches = new AtomicLong();
    private final AtomicLong inDoubtStored = new AtomicLong();
    private final AtomicLong inDoubtNotStored = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong repeatedDrafts = new AtomicLong();
    private volatile int largestBatch;
    /** Events of the batch in doubt now (0 when none). */
    private volatile int inDoubtNow;
    /** Events of in-doubt batches whose outcome the writer never learned. */
    private volatile int neverLearned;
    private volatile String lastFailure;
    private volatile boolean closing;
    private volatile long closeDeadlineNanos;
    private volatile boolean stopped;
    /** When the current wait for the appender began ({@link System#nanoTime()}), 0 when not waiting. */
    private volatile long busySinceNanos;
    private volatile Thread completionThread;

    // Writer thread only:
    /** Size of the batch stored before the current one. */
    private int previousBatch = 1;
    private final Backoff backoff = new Backoff(BACKOFF_BASE.toNanos(), BACKOFF_CAP.toNanos());
    private final Backoff transientBackoff = new Backoff(TimeUnit.MILLISECONDS.toNanos(10),
            TimeUnit.MILLISECONDS.toNanos(200));
    private long nextAttemptNanos = System.nanoTime();
    /** The batch whose commit outcome is unknown, or null. */
    private InDoubt inDoubt;
    /** Drafts that repeat an event id of their batch: they go into the next batch. */
    private final List<Submission> deferred = new ArrayList<>();
    /** The batch being written, so that an unexpected error can still complete its callers. */
    private List<Submission> inFlight = List.of();

    /**
     * Starts the writer thread.
     *
     * @param streamName the stream's name, for thread names and messages
     * @param logId the log, for messages
     * @param appender stores a batch; used by the writer thread only, closed when it stops
     * @param settings queue, batch and time settings
     */
    public GroupCommitWriter(String streamName, String logId, BatchAppender appender, Settings settings) {
        this.streamName = streamName;
        this.logId = logId;
        this.appender = appender;
        this.capacity = settings.queueCapacity();
        this.permits = new Semaphore(capacity);
        this.maxBatch = settings.maxBatchSize();
        this.maxDelayNanos = settings.maxDelay().toNanos();
        this.fullPolicy = settings.fullPolicy();
        this.blockTimeoutNanos = settings.blockTimeout().toNanos();
        this.writeTimeoutNanos = settings.writeTimeout().toNanos();
        if (settings.asyncCallers()) {
            this.completions = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = daemon("airlog-" + streamName + "-completion").newThread(runnable);
                completionThread = t;
                return t;
            });
            this.deadlines = new ScheduledThreadPoolExecutor(1, daemon("airlog-" + streamName + "-deadlines"));
            deadlines.setRemoveOnCancelPolicy(true);
        } else {
            this.completions = null;
            this.deadlines = null;
        }
        this.thread = daemon("airlog-" + streamName + "-writer").newThread(this::run);
        thread.start();
    }

    /**
     * Records a draft for a caller that waits: queues it and waits for its outcome, in all at
     * most the write timeout.
     *
     * @return the stored event
     * @throws AuditException if it was not stored (its batch failed, the queue stayed full, it
     *         was still queued when the write timeout passed)
     * @throws AuditOutcomeUnknownException if its batch was in flight when the write timeout
     *         passed (or the caller was interrupted then), or the stream closed before the
     *         storage could say whether its batch is stored, or the appender cannot tell
     * @throws IllegalStateException if the writer is closed
     */
    public AuditEvent record(AuditDraft draft) {
        Submission submission = enqueue(draft, true);
        CompletableFuture<AuditEvent> result = submission.result();
        try {
            try {
                return result.get(Math.max(0, submission.deadlineNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                expire(submission, "the write timeout (" + text(writeTimeoutNanos) + ") passed");
                return result.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                expire(submission, "the caller was interrupted");
                return result.join();
            }
        } catch (ExecutionException | CompletionException e) {
            // Thrown again here, so that the caller's stack trace shows where it recorded.
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException closed) {
                throw new IllegalStateException(closed.getMessage(), closed);
            }
            if (cause instanceof AuditOutcomeUnknownException unknown) {
                throw new AuditOutcomeUnknownException(unknown.getMessage(), unknown.eventId(), unknown);
            }
            if (cause instanceof AuditIntegrityException damage) {
                throw new AuditIntegrityException(damage);
            }
            throw new AuditException(cause.getMessage(), cause);
        }
    }

    /**
     * Queues a draft for an asynchronous caller.
     *
     * @return completed (never on the writer thread) with the sealed event once its batch has
     *         committed, or exceptionally with what {@link #record} would throw, at the latest
     *         when the write timeout has passed
     * @throws IllegalStateException if the writer is closed
     * @throws AuditException if the queue stayed full
     */
    public CompletableFuture<AuditEvent> submit(AuditDraft draft) {
        Submission submission = enqueue(draft, false);
        if (!submission.waiting()) {
            ScheduledFuture<?> timer = deadlines.schedule(() -> expire(submission, "the write timeout ("
                    + text(writeTimeoutNanos) + ") passed"), submission.deadlineNanos() - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
            submission.result().whenComplete((event, error) -> timer.cancel(false));
        }
        return submission.result();
    }

    private Submission enqueue(AuditDraft draft, boolean waiting) {
        Objects.requireNonNull(draft, "draft");
        long deadline = System.nanoTime() + writeTimeoutNanos;
        if (closing || stopped) {
            throw closedError();
        }
        if (!admit()) {
            failedEvents.incrementAndGet();
            String failure = lastFailure;
            throw new AuditException("audit stream '" + streamName + "': the write queue is full (capacity "
                    + capacity + ")" + (fullPolicy == QueueFullPolicy.BLOCK ? " and stayed full for "
                    + text(Math.min(blockTimeoutNanos, writeTimeoutNanos)) : "")
                    + "; the event was not recorded" + (failure == null ? "" : " (last failure: " + failure + ")"));
        }
        Submission submission = new Submission(draft, waiting || completions == null, deadline);
        queue.add(submission);
        // Raced with the writer's final drain: if it is still queued, nobody will take it.
        if (stopped && submission.abandon()) {
            queue.remove(submission);
            permits.release();
            throw closedError();
        }
        return submission;
    }

    private boolean admit() {
        if (fullPolicy == QueueFullPolicy.FAIL) {
            return permits.tryAcquire();
        }
        try {
            return permits.tryAcquire(Math.min(blockTimeoutNanos, writeTimeoutNanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("audit stream '" + streamName
                    + "': interrupted while waiting for room in the write queue; the event was not recorded", e);
        }
    }

    /**
     * The caller stops waiting: abandons the draft if it is still queued (it is then never
     * stored), else reports the outcome unknown (the writer goes on and counts how it ended).
     */
    private void expire(Submission s, String why) {
        if (s.abandon()) {
            queue.remove(s);
            permits.release();
            failedEvents.incrementAndGet();
            timedOut.incrementAndGet();
            String failure = lastFailure;
            s.result().completeExceptionally(new AuditException("audit stream '" + streamName + "': event "
                    + s.draft().eventId() + " was not recorded: it was still queued when " + why
                    + (failure == null ? "" : " (last failure: " + failure + ")")));
        } else if (s.result().completeExceptionally(unknown(s, why + " while its batch was being stored", null))) {
            timedOut.incrementAndGet();
        }
    }

    private static String text(long nanos) {
        return Duration.ofNanos(nanos).toMillis() + " ms";
    }

    /** The writer's counters. */
    public WriterStatistics statistics() {
        return new WriterStatistics(committedBatches.get(), committedEvents.get(), failedBatches.get(),
                failedEvents.get(), largestBatch, queue.size(), appender.connectionsOpened(),
                appender.foreignAppends(), inDoubtBatches.get(), inDoubtStored.get(), inDoubtNotStored.get(),
                inDoubtNow + neverLearned, timedOut.get(), repeatedDrafts.get(),
                capacity - permits.availablePermits());
    }

    /**
     * Why the writer is down, or null if it is up. It is down while closed or stopped, while a
     * wait for the storage has lasted longer than the write timeout, while a batch is in
     * doubt, and after a failed batch until one is stored.
     */
    public String problem() {
        if (closing) {
            return "closed";
        }
        if (stopped) {
            return "the writer stopped: " + lastFailure;
        }
        long busy = busySinceNanos;
        if (busy != 0 && System.nanoTime() - busy > writeTimeoutNanos) {
            return "waiting for the storage for " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - busy)
                    + " ms, longer than the write timeout";
        }
        int doubt = inDoubtNow;
        if (doubt > 0) {
            return doubt + " event(s) in doubt (their commit was cut off); checking whether they are stored: "
                    + lastFailure;
        }
        String failure = lastFailure;
        return failure == null ? null : "last batch failed: " + failure;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closing;
    }

    /**
     * Refuses new drafts, lets the thread store everything already queued (for at most the
     * write timeout), and waits until it has stopped and every caller has been completed.
     * Idempotent. Called from code that runs on the completion thread (a stage chained to
     * {@code recordAsync}), it does not wait for that thread.
     */
    public void close() {
        if (!closing) {
            closeDeadlineNanos = System.nanoTime() + writeTimeoutNanos;
            closing = true;
        }
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
            deadlines.shutdownNow();
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
        Throwable fatal = null;
        try {
            while (true) {
                if (inDoubt != null) {
                    resolveInDoubt();
                    continue;
                }
                if (closing && System.nanoTime() - closeDeadlineNanos > 0) {
                    failRemaining("the stream was closed before it could be stored (the write timeout passed"
                            + " while closing" + (lastFailure == null ? ")" : "; last failure: " + lastFailure + ")"));
                    break;
                }
                List<Submission> batch = nextBatch();
                if (batch == null) {
                    break;
                }
                if (!batch.isEmpty()) {
                    previousBatch = write(batch, true);
                }
            }
        } catch (InterruptedException | RuntimeException | Error e) {
            fatal = e;
            lastFailure = e.toString();
            stopped = true;
            // The batch in flight may have committed (an Error can come out of the commit): unknown.
            for (Submission s : inFlight) {
                complete(s, null, unknown(s, "the writer stopped (" + e + ") while storing its batch", e));
            }
            neverLearned += inFlight.size();
            fail(deferred, new AuditException("audit stream '" + streamName + "': the writer stopped: " + e, e));
            if (inDoubt != null) {
                for (Submission s : inDoubt.members()) {
                    complete(s, null, unknown(s, "the writer stopped (" + e + ") before it could find out", e));
                }
                giveUpInDoubt(); // its events stay counted as unresolved
            }
        } finally {
            stopped = true;
            List<Submission> stragglers = new ArrayList<>();
            queue.drainTo(stragglers);
            for (Submission s : stragglers) {
                if (s.take()) {
                    complete(s, null, fatal == null ? closedError() : new AuditException("audit stream '"
                            + streamName + "': the writer stopped: " + fatal + "; the event was not recorded", fatal));
                }
            }
            appender.close();
        }
    }

    /**
     * The next batch: drafts deferred from the previous one, then what is queued. Waits
     * first until the backoff after a failure has passed.
     *
     * @return the batch (possibly empty when nothing came), or null when the writer is closing
     *         and nothing is left
     */
    private List<Submission> nextBatch() throws InterruptedException {
        if (closing && deferred.isEmpty() && queue.isEmpty()) {
            return null;
        }
        waitForBackoff();
        List<Submission> batch = new ArrayList<>(maxBatch);
        batch.addAll(deferred);
        deferred.clear();
        if (batch.isEmpty()) {
            Submission first = pollLive(IDLE_POLL_NANOS);
            if (first == null) {
                return closing && queue.isEmpty() ? null : batch;
            }
            batch.add(first);
        }
        gather(batch);
        return batch;
    }

    /** Waits until the backoff after a failure has passed; while closing, at most until the close deadline. */
    private void waitForBackoff() {
        while (true) {
            long until = nextAttemptNanos;
            if (closing && until - closeDeadlineNanos > 0) {
                until = closeDeadlineNanos;
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, IDLE_POLL_NANOS));
        }
    }

    /** The next queued draft that its caller has not abandoned, waiting at most {@code nanos}. */
    private Submission pollLive(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            Submission s = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (s == null || s.take()) {
                return s;
            }
        }
    }

    /** Moves queued drafts into the batch, up to the maximum size, skipping abandoned ones. */
    private void drainLive(List<Submission> batch) {
        while (batch.size() < maxBatch) {
            List<Submission> taken = new ArrayList<>();
            if (queue.drainTo(taken, maxBatch - batch.size()) == 0) {
                return;
            }
            for (Submission s : taken) {
                if (s.take()) {
                    batch.add(s);
                }
            }
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
        drainLive(batch);
        int expected = Math.min(maxBatch, previousBatch);
        if (maxDelayNanos > 0 && !closing && batch.size() < expected) {
            long deadline = System.nanoTime() + maxDelayNanos;
            while (batch.size() < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Submission next = pollLive(left);
                if (next == null) {
                    break;
                }
                batch.add(next);
                drainLive(batch);
            }
        }
    }

    /**
     * Stores a batch in one transaction and completes its callers.
     *
     * @param batch the drafts gathered so far (taken)
     * @param growing whether the batch takes in, up to the maximum size, what was queued
     *                while the transaction waited for the head row's lock (held by a writer
     *                in another JVM): those callers then share this commit instead of waiting
     *                for the next one
     * @return the number of drafts the transaction tried to store
     */
    private int write(List<Submission> batch, boolean growing) throws InterruptedException {
        List<Submission> members = new ArrayList<>(batch);
        inFlight = members;
        List<AuditEvent> events = null;
        try {
            for (int attempt = 1; events == null; attempt++) {
                busySinceNanos = System.nanoTime();
                try {
                    events = appender.append(() -> {
                        if (growing) {
                            drainLive(members);
                        }
                        deferRepeatedIds(members);
                        List<AuditDraft> drafts = new ArrayList<>(members.size());
                        for (Submission s : members) {
                            drafts.add(s.draft());
                        }
                        return drafts;
                    });
                } catch (BatchFailure failure) {
                    failedBatches.incrementAndGet();
                    if (failure.kind() == BatchFailure.Kind.TRANSIENT && attempt < TRANSIENT_ATTEMPTS) {
                        // The storage broke a deadlock by rolling this one back: try again shortly.
                        TimeUnit.NANOSECONDS.sleep(transientBackoff.failed());
                        continue;
                    }
                    transientBackoff.succeeded();
                    switch (failure.kind()) {
                        case CONFLICT -> storeRepeated(members, failure);
                        case IN_DOUBT -> {
                            inDoubtBatches.incrementAndGet();
                            lastFailure = failure.getMessage();
                            inDoubt = new InDoubt(List.copyOf(members), failure.events(), failure);
                            inDoubtNow = members.size();
                        }
                        default -> {
                            nextAttemptNanos = System.nanoTime() + backoff.failed();
                            fail(members, failure);
                        }
                    }
                    inFlight = List.of();
                    return members.size();
                }
            }
        } finally {
            busySinceNanos = 0; // inFlight stays set when an Error leaves: run() fails those callers
        }
        inFlight = List.of();
        transientBackoff.succeeded();
        backoff.succeeded();
        committed(members, events);
        return members.size();
    }

    private void committed(List<Submission> members, List<AuditEvent> events) {
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
                permits.release();
            } else {
                later.add(() -> {
                    s.result().complete(event);
                    permits.release();
                });
            }
        }
        if (!later.isEmpty()) {
            completions.execute(() -> later.forEach(Runnable::run));
        }
    }

    /**
     * Moves the second and later drafts with the same event id out of the batch, into the
     * next one: there they find the first stored (or not) and are answered accordingly.
     */
    private void deferRepeatedIds(List<Submission> batch) {
        if (batch.size() == 1) {
            return;
        }
        Set<UUID> seen = new HashSet<>();
        for (Iterator<Submission> it = batch.iterator(); it.hasNext(); ) {
            Submission s = it.next();
            if (!seen.add(s.draft().eventId())) {
                it.remove();
                deferred.add(s);
            }
        }
    }

    /**
     * The storage rejected the batch for a duplicate key: answers the drafts whose event id
     * is stored (the stored event if the draft is the same, an error naming what differs if
     * not) and stores the others as a new batch. When the appender finds none of the ids
     * stored (it cannot look events up by id, or the conflict was not an event id), a batch of
     * several drafts is stored one draft at a time, so that only the conflicting one fails.
     */
    private void storeRepeated(List<Submission> members, BatchFailure conflict) throws InterruptedException {
        Map<UUID, Submission> byId = new LinkedHashMap<>();
        for (Submission s : members) {
            byId.put(s.draft().eventId(), s);
        }
        Map<UUID, AuditEvent> stored;
        busySinceNanos = System.nanoTime();
        try {
            stored = appender.findStored(byId.keySet());
        } catch (BatchFailure e) {
            nextAttemptNanos = System.nanoTime() + backoff.failed();
            fail(members, conflict);
            return;
        } finally {
            busySinceNanos = 0;
        }
        if (stored.isEmpty()) {
            if (members.size() == 1) {
                fail(members, conflict);
            } else {
                for (Submission s : members) {
                    write(List.of(s), false);
                }
            }
            return;
        }
        List<Submission> rest = new ArrayList<>();
        for (Submission s : members) {
            AuditEvent before = stored.get(s.draft().eventId());
            if (before == null) {
                rest.add(s);
                continue;
            }
            List<String> differences = RepeatedDraft.differences(before, logId, s.draft());
            if (differences.isEmpty()) {
                repeatedDrafts.incrementAndGet();
                complete(s, before, null);
            } else {
                failedEvents.incrementAndGet();
                complete(s, null, new AuditException("audit stream '" + streamName + "': event id "
                        + s.draft().eventId() + " is already stored (log '" + before.logId() + "', sequence "
                        + before.sequence() + ") with different content (" + String.join(", ", differences)
                        + "); an event id is recorded once, so this draft was not recorded"));
            }
        }
        if (!rest.isEmpty()) {
            write(rest, false);
        }
    }

    /**
     * One attempt (after the backoff) to find out whether the in-doubt batch is stored, and
     * to tell its callers. While closing, gives up at the close deadline: its callers then
     * learn that the outcome is unknown. An appender that cannot tell (or a failure without
     * the batch's sealed events) leaves it unknown at once.
     */
    private void resolveInDoubt() {
        waitForBackoff();
        InDoubt batch = inDoubt;
        BatchAppender.Resolution resolution;
        busySinceNanos = System.nanoTime();
        try {
            resolution = batch.events().isEmpty() ? BatchAppender.Resolution.UNKNOWN
                    : appender.resolve(batch.events());
        } catch (BatchFailure e) {
            lastFailure = e.getMessage();
            if (closing && System.nanoTime() - closeDeadlineNanos > 0) {
                for (Submission s : batch.members()) {
                    complete(s, null, unknown(s, "the stream was closed before the storage could say whether"
                            + " its batch is stored (" + e.getMessage() + ")", e));
                }
                giveUpInDoubt();
                return;
            }
            nextAttemptNanos = System.nanoTime() + backoff.failed();
            return;
        } finally {
            busySinceNanos = 0;
        }
        switch (resolution) {
            case STORED -> {
                settleInDoubt();
                inDoubtStored.addAndGet(batch.members().size());
                committed(batch.members(), batch.events());
            }
            case NOT_STORED -> {
                settleInDoubt();
                inDoubtNotStored.addAndGet(batch.members().size());
                lastFailure = null; // the storage answered; the next batch starts from the stored head
                fail(batch.members(), new AuditException("the commit of the batch was cut off ("
                        + batch.failure().getMessage() + ") and did not take effect; the log is unchanged",
                        batch.failure().getCause()));
            }
            case UNKNOWN -> {
                for (Submission s : batch.members()) {
                    complete(s, null, unknown(s, "its batch failed (" + batch.failure().getMessage()
                            + ") and the storage cannot tell whether it is stored", batch.failure().getCause()));
                }
                giveUpInDoubt();
                nextAttemptNanos = System.nanoTime() + backoff.failed();
            }
        }
    }

    /** The in-doubt batch's outcome is known. */
    private void settleInDoubt() {
        inDoubt = null;
        inDoubtNow = 0;
        backoff.succeeded();
    }

    /** The in-doubt batch's outcome will never be known: its events stay counted as unresolved. */
    private void giveUpInDoubt() {
        inDoubt = null;
        neverLearned += inDoubtNow;
        inDoubtNow = 0;
    }

    private AuditOutcomeUnknownException unknown(Submission s, String why, Throwable cause) {
        return new AuditOutcomeUnknownException("audit stream '" + streamName + "': event " + s.draft().eventId()
                + " may or may not be stored in log '" + logId + "': " + why + "; if it is, it is a valid part of"
                + " the log; record the same draft again to learn the outcome", s.draft().eventId(), cause);
    }

    /** Fails the callers of a batch that was not stored. */
    private void fail(List<Submission> batch, Throwable cause) {
        if (batch.isEmpty()) {
            return;
        }
        String detail = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        if (!(cause instanceof AuditException)) {
            lastFailure = detail;
        }
        Throwable root = cause instanceof BatchFailure && cause.getCause() != null ? cause.getCause() : cause;
        for (Submission s : List.copyOf(batch)) {
            failedEvents.incrementAndGet();
            if (root instanceof AuditIntegrityException damage) {
                // the appender refuses to build on a damaged log: its callers learn where and why
                complete(s, null, new AuditIntegrityException(damage));
                continue;
            }
            complete(s, null, new AuditException("audit stream '" + streamName + "' could not store a batch of "
                    + batch.size() + " events in log '" + logId + "': " + detail
                    + (detail.endsWith("the log is unchanged") ? "" : "; the log is unchanged"), root));
        }
    }

    /** Fails every draft still waiting (queued or deferred): the stream closes. */
    private void failRemaining(String why) {
        List<Submission> rest = new ArrayList<>(deferred);
        deferred.clear();
        List<Submission> queued = new ArrayList<>();
        queue.drainTo(queued);
        for (Submission s : queued) {
            if (s.take()) {
                rest.add(s);
            }
        }
        for (Submission s : rest) {
            failedEvents.incrementAndGet();
            complete(s, null, new AuditException("audit stream '" + streamName + "': event " + s.draft().eventId()
                    + " was not recorded: " + why));
        }
    }

    /** Completes a taken submission and gives its permit back. */
    private void complete(Submission s, AuditEvent event, RuntimeException error) {
        Runnable completion = () -> {
            if (error != null) {
                s.result().completeExceptionally(error);
            } else {
                s.result().complete(event);
            }
            permits.release();
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

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * A batch whose outcome was cut off.
     *
     * @param members its callers, in order
     * @param events its sealed events, in the same order (empty when the appender did not give them)
     * @param failure how it failed
     */
    private record InDoubt(List<Submission> members, List<AuditEvent> events, BatchFailure failure) {
    }

    /**
     * The writer's settings.
     *
     * @param maxBatchSize most events per batch
     * @param maxDelay how long to wait for more events before committing a batch smaller than the previous one
     * @param queueCapacity most drafts waiting or in flight
     * @param fullPolicy what a caller gets when the queue is full
     * @param blockTimeout how long {@link QueueFullPolicy#BLOCK} waits (never longer than the write timeout)
     * @param writeTimeout the longest a caller waits in all (room in the queue included); also how long
     *                     one wait for the appender may last before the writer reports {@code DOWN},
     *                     and the close deadline
     * @param asyncCallers whether some callers do not wait (a completion thread is needed)
     */
    public record Settings(int maxBatchSize, Duration maxDelay, int queueCapacity, QueueFullPolicy fullPolicy,
                           Duration blockTimeout, Duration writeTimeout, boolean asyncCallers) {
    }
}
