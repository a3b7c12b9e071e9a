package io.airlog.spi.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditOutcomeUnknownException;
import io.airlog.Capability;
import io.airlog.StreamHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitAuditStreamTest {

    @Test
    void asyncRecordingReturnsBeforeTheBatchIsStoredAndCompletesAfterIt() throws Exception {
        try (MemoryBatchStream stream = MemoryBatchStream.open("held", true)) {
            CountDownLatch held = stream.appender().holdNextBatch();

            CompletableFuture<AuditEvent> pending = stream.recordAsync(AuditDraft.builder("held").build())
                    .toCompletableFuture();

            assertThat(pending).isNotDone();
            assertThat(stream.appender().events()).isEmpty();
            held.countDown();
            assertThat(pending.get(1, TimeUnit.MINUTES).sequence()).isEqualTo(1);
            assertThat(stream.appender().events()).hasSize(1);
        }
    }

    @Test
    void callersQueuedWhileABatchIsStoredShareTheNextBatch() throws Exception {
        try (MemoryBatchStream stream = MemoryBatchStream.open("shared", true)) {
            CountDownLatch held = stream.appender().holdNextBatch();
            CompletableFuture<AuditEvent> first = stream.recordAsync(AuditDraft.builder("first").build())
                    .toCompletableFuture();
            List<CompletableFuture<AuditEvent>> queued = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                queued.add(stream.recordAsync(AuditDraft.builder("queued").build()).toCompletableFuture());
            }
            held.countDown();
            first.get(1, TimeUnit.MINUTES);
            for (CompletableFuture<AuditEvent> f : queued) {
                f.get(1, TimeUnit.MINUTES);
            }

            assertThat(stream.statistics().committedEvents()).isEqualTo(21);
            assertThat(stream.statistics().largestBatch()).isGreaterThan(1);
        }
    }

    @Test
    void aFailedBatchFailsItsCallersAndTheStreamIsDownUntilABatchIsStored() {
        try (MemoryBatchStream stream = MemoryBatchStream.open("failing", false)) {
            stream.appender().failNextBatch(BatchFailure.rolledBack("disk full", null));

            assertThatThrownBy(() -> stream.record(AuditDraft.builder("lost")))
                    .isInstanceOf(AuditException.class).hasMessageContaining("disk full");
            assertThat(stream.health().up()).isFalse();
            assertThat(stream.health().detail()).contains("disk full");

            AuditEvent next = stream.record(AuditDraft.builder("stored"));

            assertThat(next.sequence()).isEqualTo(1);
            assertThat(stream.health().up()).isTrue();
            assertThat(stream.health().failed()).isEqualTo(1);
        }
    }

    @Test
    void aFullQueueFailsTheCallerAtOnceWithFailPolicy() throws Exception {
        try (MemoryBatchStream stream = MemoryBatchStream.withQueue("full", 2)) {
            Held taken = Held.taken(stream, "taken");
            CountDownLatch held = taken.release();
            // the writer holds the first draft; fill the room left
            CompletableFuture<AuditEvent> queued = stream.recordAsync(AuditDraft.builder("queued").build())
                    .toCompletableFuture();

            assertThat(stream.recordAsync(AuditDraft.builder("refused").build()).toCompletableFuture())
                    .isCompletedExceptionally();
            held.countDown();
            assertThat(taken.event().get(1, TimeUnit.MINUTES).sequence()).isEqualTo(1);
            assertThat(queued.get(1, TimeUnit.MINUTES).sequence()).isEqualTo(2);
        }
    }

    @Test
    void aDraftInFlightTakesRoomInTheQueueUntilItsCallerIsCompleted() {
        try (MemoryBatchStream stream = MemoryBatchStream.withQueue("in-flight", 1)) {
            CountDownLatch held = Held.taken(stream, "taken").release();

            assertThat(stream.statistics().inFlight()).isEqualTo(1);
            assertThat(stream.recordAsync(AuditDraft.builder("refused").build()).toCompletableFuture())
                    .isCompletedExceptionally();
            held.countDown();
        }
    }

    @Test
    void aWaitingCallerLearnsTheOutcomeIsUnknownWhenTheWriteTimeoutPassesWhileItsBatchIsStored() {
        try (MemoryBatchStream stream = MemoryBatchStream.withWriteTimeout("slow", false, Duration.ofMillis(300))) {
            CountDownLatch held = stream.appender().holdNextBatch();
            AuditDraft draft = AuditDraft.builder("slow").build();
            long start = System.nanoTime();

            try {
                assertThatThrownBy(() -> stream.record(draft))
                        .isInstanceOfSatisfying(AuditOutcomeUnknownException.class,
                                e -> assertThat(e.eventId()).isEqualTo(draft.eventId()))
                        .hasMessageContaining("the write timeout (300 ms) passed while its batch was being stored");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
                // The writer's wait began after the caller's (it took the draft later): DOWN once it
                // too has lasted the write timeout.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (stream.health().status() != StreamHealth.Status.DOWN && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                assertThat(stream.health().status()).isEqualTo(StreamHealth.Status.DOWN);
                assertThat(stream.health().detail()).contains("longer than the write timeout");
                assertThat(stream.statistics().timedOut()).isEqualTo(1);
            } finally {
                held.countDown();
            }
            assertThat(stream.record(AuditDraft.builder("after").build()).sequence()).isEqualTo(2);
            assertThat(stream.appender().events()).extracting(AuditEvent::eventId).startsWith(draft.eventId());
        }
    }

    @Test
    void aDraftStillQueuedWhenTheWriteTimeoutPassesIsNeverStored() throws Exception {
        try (MemoryBatchStream stream = MemoryBatchStream.withWriteTimeout("queued", true, Duration.ofMillis(300))) {
            Held taken = Held.taken(stream, "first");
            CountDownLatch held = taken.release();
            CompletableFuture<AuditEvent> first = taken.event();
            CompletableFuture<AuditEvent> second = stream.recordAsync(AuditDraft.builder("second").build())
                    .toCompletableFuture();

            assertThatThrownBy(() -> second.get(1, TimeUnit.MINUTES)).cause()
                    .isExactlyInstanceOf(AuditException.class)
                    .hasMessageContaining("was not recorded: it was still queued when the write timeout (300 ms)");
            held.countDown();
            assertThatThrownBy(() -> first.get(1, TimeUnit.MINUTES)).cause()
                    .isInstanceOf(AuditOutcomeUnknownException.class);
            stream.close();
            assertThat(stream.appender().events()).extracting(AuditEvent::action).containsExactly("first");
        }
    }

    @Test
    void anInDoubtBatchFoundStoredGivesItsCallersTheirEvents() {
        try (MemoryBatchStream stream = MemoryBatchStream.open("doubt-stored", false)) {
            stream.appender().cutOffNextBatch(true);

            AuditEvent event = stream.record(AuditDraft.builder("cut"));

            assertThat(event).isEqualTo(stream.appender().events().get(0));
            WriterStatistics stats = stream.statistics();
            assertThat(stats.inDoubtBatches()).isEqualTo(1);
            assertThat(stats.inDoubtStored()).isEqualTo(1);
            assertThat(stats.unresolved()).isZero();
            assertThat(stream.health().status()).isEqualTo(StreamHealth.Status.UP);
        }
    }

    @Test
    void anInDoubtBatchFoundNotStoredFailsItsCallersAndTheLogIsUnchanged() {
        try (MemoryBatchStream stream = MemoryBatchStream.open("doubt-lost", false)) {
            stream.appender().cutOffNextBatch(false);

            assertThatThrownBy(() -> stream.record(AuditDraft.builder("cut")))
                    .isExactlyInstanceOf(AuditException.class)
                    .hasMessageContaining("did not take effect; the log is unchanged");
            assertThat(stream.statistics().inDoubtNotStored()).isEqualTo(1);
            assertThat(stream.record(AuditDraft.builder("next")).sequence()).isEqualTo(1);
        }
    }

    @Test
    void anInDoubtBatchTheAppenderCannotResolveLeavesItsCallersWithAnUnknownOutcome() {
        try (MemoryBatchStream stream = MemoryBatchStream.open("doubt-unknown", false)) {
            stream.appender().failNextBatch(BatchFailure.inDoubt("torn write", null));

            assertThatThrownBy(() -> stream.record(AuditDraft.builder("torn")))
                    .isInstanceOf(AuditOutcomeUnknownException.class)
                    .hasMessageContaining("the storage cannot tell whether it is stored");
            assertThat(stream.statistics().unresolved()).isEqualTo(1);
            assertThat(stream.health().status()).isEqualTo(StreamHealth.Status.DOWN);
            assertThat(stream.health().detail()).contains("torn write");

            assertThat(stream.record(AuditDraft.builder("next")).sequence()).isEqualTo(1);
            assertThat(stream.health().status()).isEqualTo(StreamHealth.Status.UP);
        }
    }

    @Test
    void aRepeatedEventIdFailsAloneWhenTheAppenderCannotLookEventsUp() throws Exception {
        try (MemoryBatchStream stream = MemoryBatchStream.open("repeated", true)) {
            AuditDraft first = AuditDraft.builder("first").build();
            stream.record(first);
            Held taken = Held.taken(stream, "gate");
            CountDownLatch held = taken.release();
            CompletableFuture<AuditEvent> gate = taken.event();
            CompletableFuture<AuditEvent> before = stream.recordAsync(AuditDraft.builder("before").build())
                    .toCompletableFuture();
            CompletableFuture<AuditEvent> again = stream.recordAsync(first).toCompletableFuture();
            CompletableFuture<AuditEvent> after = stream.recordAsync(AuditDraft.builder("after").build())
                    .toCompletableFuture();
            held.countDown();

            gate.get(1, TimeUnit.MINUTES);
            assertThatThrownBy(() -> again.get(1, TimeUnit.MINUTES)).cause().isInstanceOf(AuditException.class)
                    .hasMessageContaining("is stored");
            assertThat(before.get(1, TimeUnit.MINUTES).action()).isEqualTo("before");
            assertThat(after.get(1, TimeUnit.MINUTES).action()).isEqualTo("after");
            assertThat(stream.appender().events()).extracting(AuditEvent::action)
                    .containsExactly("first", "gate", "before", "after");
        }
    }

    @Test
    void asyncCapabilityFollowsTheWriteMode() {
        try (MemoryBatchStream sync = MemoryBatchStream.open("sync", false);
             MemoryBatchStream async = MemoryBatchStream.open("async", true)) {
            assertThat(sync.capabilities()).containsExactly(Capability.BATCHING);
            assertThat(async.capabilities()).containsExactlyInAnyOrder(Capability.BATCHING, Capability.ASYNC);
        }
    }

    @Test
    void closeStoresWhatIsQueuedAndClosesTheAppender() throws Exception {
        MemoryBatchStream stream = MemoryBatchStream.open("drain", true);
        CountDownLatch held = stream.appender().holdNextBatch();
        List<CompletableFuture<AuditEvent>> pending = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pending.add(stream.recordAsync(AuditDraft.builder("drain").build()).toCompletableFuture());
        }
        Thread closer = new Thread(stream::close);
        closer.start();
        held.countDown();
        closer.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(pending).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(stream.appender().events()).hasSize(10);
        assertThat(stream.appender().isClosed()).isTrue();
    }

    /**
     * A batch the writer holds: its one draft, taken out of the queue, and the latch that lets
     * the batch go on.
     */
    private record Held(CountDownLatch release, CompletableFuture<AuditEvent> event) {
        /** Holds the next batch, records {@code action} asynchronously and waits until the writer took it. */
        static Held taken(MemoryBatchStream stream, String action) {
            CountDownLatch release = stream.appender().holdNextBatch();
            CompletableFuture<AuditEvent> event = stream.recordAsync(AuditDraft.builder(action).build())
                    .toCompletableFuture();
            while (stream.statistics().queued() > 0) {
                Thread.onSpinWait();
            }
            return new Held(release, event);
        }
    }
}
