package io.airlog.spi.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.Capability;
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
    void aFullQueueFailsTheCallerAtOnceWithFailPolicy() {
        try (MemoryBatchStream stream = MemoryBatchStream.withQueue("full", 1)) {
            CountDownLatch held = stream.appender().holdNextBatch();
            stream.recordAsync(AuditDraft.builder("taken").build());
            // the writer holds the first draft; wait until it left the queue, then fill it
            while (stream.statistics().queued() > 0) {
                Thread.onSpinWait();
            }
            stream.recordAsync(AuditDraft.builder("queued").build());

            assertThat(stream.recordAsync(AuditDraft.builder("refused").build()).toCompletableFuture())
                    .isCompletedExceptionally();
            held.countDown();
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
}
