package io.airlog.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditLimits;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.AuditStream;
import io.airlog.AuthMethod;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.VerificationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AuditStream} backend must meet. A backend's test extends this
 * class and says how to open a fresh, empty log and how to read it back through the
 * backend's own storage.
 *
 * <p>Covered: sealed events that verify, contiguous sequences in record order, unique ids,
 * gap-free sequencing under 50 concurrent threads, a round trip through storage that gives
 * back equal events (non-BMP text, nested context, nulls, maximum-length fields, nanosecond
 * timestamps), honest capabilities, query and verified replay for readers, behaviour after
 * close.
 */
public abstract class AuditStreamContract {
    private final List<AuditStream> opened = new ArrayList<>();

    /** Opens a stream on a new, empty log {@code logId}. */
    protected abstract AuditStream openStream(String logId) throws Exception;

    /**
     * Reads every stored event of {@code logId} back, in storage order, through the backend's
     * own storage (not from memory of what was returned). Called after the stream is closed.
     */
    protected abstract List<AuditEvent> readBack(String logId) throws Exception;

    /** Events each of the 50 threads records in the concurrency test. */
    protected int eventsPerThread() {
        return 200;
    }

    private AuditStream open(String logId) throws Exception {
        AuditStream s = openStream(logId);
        opened.add(s);
        return s;
    }

    private static String newLogId() {
        return "contract-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(AuditStream::close);
    }

    @Test
    void firstEventIsSealedAtSequenceOneFromGenesis() throws Exception {
        String logId = newLogId();
        AuditStream stream = open(logId);
        AuditEvent e = stream.record(AuditDraft.builder("contract.first"));
        assertThat(e.logId()).isEqualTo(logId);
        assertThat(e.sequence()).isEqualTo(1);
        assertThat(e.previousChecksum()).isEqualTo(ChainPosition.GENESIS);
        assertThat(e.verify()).isTrue();
    }

    @Test
    void sequencesAreContiguousInRecordOrder() throws Exception {
        AuditStream stream = open(newLogId());
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(stream.record(AuditDraft.builder("contract.order").put("i", i)));
        }
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).follows(events.get(i - 1))).as("event %d follows %d", i + 1, i).isTrue();
            assertThat(events.get(i).context().get("i")).isEqualTo((long) i);
        }
    }

    @Test
    void eventIdsAreUnique() throws Exception {
        AuditStream stream = open(newLogId());
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(stream.record(AuditDraft.builder("contract.ids")).eventId());
        }
        assertThat(ids).hasSize(200);
    }

    @Test
    void concurrentRecordingIsGapFreeAndVerifies() throws Exception {
        String logId = newLogId();
        AuditStream stream = open(logId);
        int threads = 50;
        int perThread = eventsPerThread();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<AuditEvent> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        acknowledged.add(stream.record(AuditDraft.builder("contract.concurrent")
                                .put("thread", thread).put("i", i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        stream.close();
        long total = (long) threads * perThread;
        assertThat(acknowledged.stream().map(AuditEvent::sequence).collect(Collectors.toSet()))
                .hasSize((int) total).allMatch(s -> s >= 1 && s <= total);
        List<AuditEvent> stored = readBack(logId);
        assertThat(stored).hasSize((int) total);
        VerificationReport report = ChainVerifier.verify(logId, stored);
        assertThat(report.damages()).isEmpty();
        assertThat(report.end().size()).isEqualTo(total);
        // every acknowledged event is stored exactly as it was returned (set lookups: n is large)
        assertThat(new HashSet<>(stored)).hasSize((int) total).isEqualTo(new HashSet<>(acknowledged));
    }

    @Test
    void storedEventsReadBackEqualToTheRecordedOnes() throws Exception {
        String logId = newLogId();
        AuditStream stream = open(logId);
        List<AuditEvent> recorded = new ArrayList<>();
        for (AuditDraft draft : richDrafts()) {
            recorded.add(stream.record(draft));
        }
        stream.close();
        List<AuditEvent> stored = readBack(logId);
        assertThat(stored).containsExactlyElementsOf(recorded);
        assertThat(stored).allMatch(AuditEvent::verify);
        assertThat(ChainVerifier.verify(logId, stored).intact()).isTrue();
    }

    @Test
    void recordingAfterCloseFails() throws Exception {
        AuditStream stream = open(newLogId());
        stream.record(AuditDraft.builder("contract.before-close"));
        stream.close();
        assertThatThrownBy(() -> stream.record(AuditDraft.builder("contract.after-close")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        AuditStream stream = open(newLogId());
        stream.close();
        stream.close();
        assertThat(stream.health().up()).isFalse();
    }

    @Test
    void healthCountsRecordedEvents() throws Exception {
        AuditStream stream = open(newLogId());
        for (int i = 0; i < 3; i++) {
            stream.record(AuditDraft.builder("contract.health"));
        }
        assertThat(stream.health().up()).isTrue();
        assertThat(stream.health().recorded()).isEqualTo(3);
        assertThat(stream.health().failed()).isZero();
    }

    @Test
    void asyncRecordingCompletesWithTheSealedEvent() throws Exception {
        AuditStream stream = open(newLogId());
        AuditEvent e = stream.recordAsync(AuditDraft.builder("contract.async").build())
                .toCompletableFuture().get(1, TimeUnit.MINUTES);
        assertThat(e.sequence()).isEqualTo(1);
        assertThat(e.verify()).isTrue();
    }

    @Test
    void queryCapabilityIsDeclaredExactlyWhenTheStreamIsAReader() throws Exception {
        AuditStream stream = open(newLogId());
        assertThat(stream.capabilities().contains(Capability.QUERY)).isEqualTo(stream instanceof AuditLogReader);
    }

    @Test
    void readerFindsByFilterAndReplaysVerified() throws Exception {
        String logId = newLogId();
        AuditStream stream = open(logId);
        if (!(stream instanceof AuditLogReader reader)) {
            return; // not a reader: nothing to check (the capability test covers the declaration)
        }
        for (int i = 0; i < 20; i++) {
            stream.record(AuditDraft.builder(i % 2 == 0 ? "contract.even" : "contract.odd")
                    .principal(Principal.of(i < 10 ? "alice" : "bob", AuthMethod.PASSWORD))
                    .resource("Doc", "d" + (i % 5)).outcome(i % 4 == 3 ? Outcome.FAILURE : Outcome.SUCCESS));
        }
        assertThat(reader.find(AuditQuery.builder().action("contract.even").build()))
                .hasSize(10).allMatch(e -> e.action().equals("contract.even"));
        assertThat(reader.find(AuditQuery.builder().subject("bob").outcome(Outcome.FAILURE).build()))
                .extracting(AuditEvent::sequence).containsExactly(12L, 16L, 20L);
        assertThat(reader.find(AuditQuery.builder().resourceId("d1").offset(1).limit(2).build()))
                .extracting(AuditEvent::sequence).containsExactly(7L, 12L);
        assertThat(reader.head().size()).isEqualTo(20);
        try (Stream<AuditEvent> replay = reader.replay(5, 9)) {
            assertThat(replay.map(AuditEvent::sequence)).containsExactly(5L, 6L, 7L, 8L, 9L);
        }
    }

    /** Drafts that exercise every corner of the event's content. */
    protected static List<AuditDraft> richDrafts() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("emoji", "\uD83D\uDD12 locked");
        nested.put("cjk", "\uD840\uDC0B漢字");
        nested.put("list", Arrays.asList(1, -2.5, true, null, "x", List.of(), Map.of()));
        nested.put("empty", "");
        nested.put("nothing", null);
        nested.put("big", 9_007_199_254_740_992L);
        nested.put("decimal", 0.1);
        nested.put("quote\"and\\slash", "line\nbreak\ttab\u0001");
        return List.of(
                AuditDraft.builder("contract.minimal").build(),
                AuditDraft.builder("contract.rich")
                        .timestamp(Instant.parse("2026-11-28T10:15:30.123456789Z"))
                        .principal(new Principal("\uD83D\uDC69\u200D\uD83D\uDCBB user", AuthMethod.JWT,
                                Map.of("roles", List.of("admin", "auditor"), "tenant", "t-1")))
                        .resource("Document", "doc-\uD83D\uDCC4").outcome(Outcome.DENIED)
                        .correlationId("corr-1").putAll(Map.of("nested", nested)).build(),
                AuditDraft.builder("contract.empty-strings").resource("", "").correlationId("").build(),
                AuditDraft.builder("a".repeat(AuditLimits.ACTION))
                        .principal(Principal.of("s".repeat(AuditLimits.SUBJECT), AuthMethod.API_KEY))
                        .resource("r".repeat(AuditLimits.RESOURCE), "\u00e9".repeat(AuditLimits.RESOURCE_ID / 2))
                        .correlationId("c".repeat(AuditLimits.CORRELATION_ID))
                        .put("sql", "'; DROP TABLE audit; --").build(),
                AuditDraft.builder("contract.old").timestamp(Instant.parse("1970-01-01T00:00:00.000000001Z"))
                        .outcome(Outcome.FAILURE).build());
    }
}
