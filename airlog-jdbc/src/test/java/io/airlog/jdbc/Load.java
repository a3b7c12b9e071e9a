package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditOutcomeUnknownException;
import io.airlog.AuditStream;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Threads that record into a stream until stopped, remembering for every draft how its
 * caller was answered: acknowledged (with the stored event), not stored (an
 * {@link AuditException}), outcome unknown (an {@link AuditOutcomeUnknownException}), and
 * anything else that went wrong. Synchronous threads call {@code record}; asynchronous ones
 * call {@code recordAsync} as fast as the stream lets them, with at most a bounded number of
 * stages open each.
 */
final class Load implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final Set<UUID> attempted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<AuditEvent> acknowledged = new ConcurrentLinkedQueue<>();
    private final Map<UUID, AuditDraft> notStored = new ConcurrentHashMap<>();
    private final Map<UUID, AuditDraft> unknown = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<AuditException> lastFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final AtomicLong longestWaitNanos = new AtomicLong();
    private volatile boolean stopping;

    private Load() {
    }

    /** Starts {@code count} threads calling {@code record} on {@code stream}. */
    static Load start(AuditStream stream, int count) {
        return start(stream, count, 0);
    }

    /**
     * Starts {@code sync} threads calling {@code record} and {@code async} threads calling
     * {@code recordAsync} (each with at most 10,000 stages open).
     */
    static Load start(AuditStream stream, int sync, int async) {
        Load load = new Load();
        for (int t = 0; t < sync + async; t++) {
            int thread = t;
            Runnable body = t < sync ? () -> load.runSync(stream, thread) : () -> load.runAsync(stream, thread);
            Thread worker = new Thread(body, "load-" + t);
            load.threads.add(worker);
            worker.start();
        }
        return load;
    }

    private void runSync(AuditStream stream, int thread) {
        long i = 0;
        while (!stopping) {
            AuditDraft draft = draft(thread, i++);
            long start = System.nanoTime();
            try {
                acknowledged.add(stream.record(draft));
            } catch (AuditException e) {
                failed(draft, e);
                pause();
            } catch (RuntimeException | Error e) {
                unexpected.add(e);
                return;
            } finally {
                long waited = System.nanoTime() - start;
                longestWaitNanos.accumulateAndGet(waited, Math::max);
            }
        }
    }

    private void runAsync(AuditStream stream, int thread) {
        Semaphore open = new Semaphore(10_000);
        long i = 0;
        while (!stopping) {
            AuditDraft draft = draft(thread, i++);
            open.acquireUninterruptibly();
            stream.recordAsync(draft).whenComplete((event, error) -> {
                open.release();
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error;
                if (cause == null) {
                    acknowledged.add(event);
                } else if (cause instanceof AuditException e) {
                    failed(draft, e);
                } else {
                    unexpected.add(cause);
                }
            });
        }
        open.acquireUninterruptibly(10_000);
    }

    private AuditDraft draft(int thread, long i) {
        AuditDraft draft = AuditDraft.builder("load").put("thread", thread).put("i", i).build();
        attempted.add(draft.eventId());
        return draft;
    }

    private void failed(AuditDraft draft, AuditException e) {
        failures.incrementAndGet();
        lastFailure.set(e);
        if (e instanceof AuditOutcomeUnknownException) {
            unknown.put(draft.eventId(), draft);
        } else {
            notStored.put(draft.eventId(), draft);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int acknowledged() {
        return acknowledged.size();
    }

    long failures() {
        return failures.get();
    }

    /** The longest a {@code record} call took. */
    java.time.Duration longestWait() {
        return java.time.Duration.ofNanos(longestWaitNanos.get());
    }

    /** The drafts whose callers were told that the outcome is unknown. */
    Map<UUID, AuditDraft> unknown() {
        return unknown;
    }

    /**
     * Waits until at least {@code n} events were acknowledged in all; fails after two minutes
     * without a new acknowledgement, naming the last failure the callers were given.
     */
    void awaitAcknowledged(int n) throws InterruptedException {
        int seen = acknowledged.size();
        long progressAt = System.nanoTime();
        while (acknowledged.size() < n) {
            assertThat(unexpected).isEmpty();
            if (acknowledged.size() > seen) {
                seen = acknowledged.size();
                progressAt = System.nanoTime();
            }
            AuditException last = lastFailure.get();
            assertThat(System.nanoTime() - progressAt)
                    .as("no event acknowledged for 2 minutes (%d of %d); %d failures, the last: %s", seen, n,
                            failures.get(), last == null ? "none" : last.getClass().getSimpleName() + ": "
                                    + last.getMessage())
                    .isLessThan(java.util.concurrent.TimeUnit.MINUTES.toNanos(2));
            Thread.sleep(5);
        }
    }

    /** Waits until at least {@code n} records failed in all. */
    void awaitFailures(int n) throws InterruptedException {
        while (failures.get() < n) {
            assertThat(unexpected).isEmpty();
            Thread.sleep(5);
        }
    }

    /** Stops the threads and waits for them (an asynchronous thread until its stages completed). */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        for (Thread t : threads) {
            t.join();
        }
    }

    /** The ids of the events acknowledged so far. */
    Set<UUID> acknowledgedIds() {
        return acknowledged.stream().map(AuditEvent::eventId).collect(Collectors.toSet());
    }

    /**
     * Asserts, after {@link #close()}, that the stored log (all of it, in sequence order) is
     * one intact chain holding every acknowledged event exactly once, equal to what its caller
     * got, none of the events whose callers were told they were not stored, and nothing that
     * was not recorded by this load.
     *
     * @return how many of the drafts with an unknown outcome are stored
     */
    long assertStoredLog(String logId, List<AuditEvent> stored) {
        return assertStoredLog(logId, stored, id -> false);
    }

    /**
     * Like {@link #assertStoredLog(String, List)}, except that an acknowledged event for
     * which {@code mayBeMissing} holds may be absent (never different).
     */
    long assertStoredLog(String logId, List<AuditEvent> stored, Predicate<UUID> mayBeMissing) {
        assertThat(unexpected).isEmpty();
        VerificationReport report = ChainVerifier.verify(logId, stored);
        assertThat(report.damages()).isEmpty();
        assertThat(report.end().size()).isEqualTo(stored.size());
        Map<UUID, AuditEvent> byId = stored.stream().collect(Collectors.toMap(AuditEvent::eventId,
                Function.identity()));
        assertThat(byId).hasSameSizeAs(stored);
        for (AuditEvent ack : acknowledged) {
            AuditEvent found = byId.get(ack.eventId());
            if (found != null || !mayBeMissing.test(ack.eventId())) {
                assertThat(found).as("acknowledged event %s", ack.eventId()).isEqualTo(ack);
            }
        }
        assertThat(notStored.keySet().stream().filter(byId::containsKey)).as("reported not stored, but stored")
                .isEmpty();
        assertThat(byId.keySet().stream().filter(id -> !attempted.contains(id))).as("stored but never recorded")
                .isEmpty();
        return unknown.keySet().stream().filter(byId::containsKey).count();
    }
}
