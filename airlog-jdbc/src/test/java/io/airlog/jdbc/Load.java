package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditStream;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Threads that record into a stream until stopped, remembering what was acknowledged, what
 * failed with an {@link AuditException}, and anything else that went wrong.
 */
final class Load implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final Set<UUID> attempted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<AuditEvent> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<AuditException> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;

    private Load() {
    }

    /** Starts {@code count} threads recording into {@code stream}. */
    static Load start(AuditStream stream, int count) {
        Load load = new Load();
        for (int t = 0; t < count; t++) {
            int thread = t;
            Thread worker = new Thread(() -> load.run(stream, thread), "load-" + t);
            load.threads.add(worker);
            worker.start();
        }
        return load;
    }

    private void run(AuditStream stream, int thread) {
        long i = 0;
        while (!stopping) {
            AuditDraft draft = AuditDraft.builder("load").put("thread", thread).put("i", i++).build();
            attempted.add(draft.eventId());
            try {
                acknowledged.add(stream.record(draft));
            } catch (AuditException e) {
                failures.add(e);
                pause();
            } catch (RuntimeException | Error e) {
                unexpected.add(e);
                return;
            }
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

    int failures() {
        return failures.size();
    }

    /** Waits until at least {@code n} events were acknowledged in all. */
    void awaitAcknowledged(int n) throws InterruptedException {
        while (acknowledged.size() < n) {
            assertThat(unexpected).isEmpty();
            Thread.sleep(5);
        }
    }

    /** Waits until at least {@code n} records failed in all. */
    void awaitFailures(int n) throws InterruptedException {
        while (failures.size() < n) {
            assertThat(unexpected).isEmpty();
            Thread.sleep(5);
        }
    }

    /** Stops the threads and waits for them. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Asserts, after {@link #close()}, that the stored log (all of it, in sequence order) is
     * one intact chain holding every acknowledged event exactly once, equal to what its caller
     * got, and nothing that was not recorded by this load.
     */
    void assertStoredLog(String logId, List<AuditEvent> stored) {
        assertThat(unexpected).isEmpty();
        VerificationReport report = ChainVerifier.verify(logId, stored);
        assertThat(report.damages()).isEmpty();
        assertThat(report.end().size()).isEqualTo(stored.size());
        Map<UUID, AuditEvent> byId = stored.stream().collect(Collectors.toMap(AuditEvent::eventId,
                Function.identity()));
        assertThat(byId).hasSameSizeAs(stored);
        for (AuditEvent ack : acknowledged) {
            assertThat(byId.get(ack.eventId())).as("acknowledged event %s", ack.eventId()).isEqualTo(ack);
        }
        assertThat(byId.keySet().stream().filter(id -> !attempted.contains(id))).as("stored but never recorded")
                .isEmpty();
    }
}
