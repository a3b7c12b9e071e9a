package io.airlog.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.pipeline.AuditStreamRegistry;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryAuditStreamTest {

    @Test
    void streamsOfTwoLogsMadeWithOfHaveDistinctNamesAndShareARegistry() {
        InMemoryAuditStream app = InMemoryAuditStream.of("app");
        InMemoryAuditStream security = InMemoryAuditStream.of("security");

        AuditStreamRegistry registry = new AuditStreamRegistry().register(app).register(security);

        assertThat(registry.names()).containsExactly("app", "security");
        assertThat(app.name()).isEqualTo(app.logId());
    }

    @Test
    void twoHundredThreadsRecordingAThousandEachGiveOneGapFreeChain() throws Exception {
        InMemoryAuditStream stream = InMemoryAuditStream.of("load");
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        stream.record(AuditDraft.builder("load").put("t", thread).put("i", i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEvent> events = stream.events();
        assertThat(events).hasSize(200_000);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isEqualTo(i + 1L);
        }
        VerificationReport report = ChainVerifier.verify("load", events);
        assertThat(report.damages()).isEmpty();
        assertThat(report.end().size()).isEqualTo(200_000);
    }

    @Test
    void rejectedDraftWritesNothingAndTheNextRecordGetsTheNextSequence() {
        InMemoryAuditStream stream = InMemoryAuditStream.of("log");
        stream.record(AuditDraft.builder("first"));
        assertThatThrownBy(() -> stream.record(AuditDraft.builder("bad").put("worker", new Thread())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context.worker");
        assertThatThrownBy(() -> stream.record(AuditDraft.builder("bad").put("s", "\uDC00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context.s");
        AuditEvent next = stream.record(AuditDraft.builder("second"));
        assertThat(next.sequence()).isEqualTo(2);
        assertThat(stream.size()).isEqualTo(2);
    }

    @Test
    void eventsStayReadableAfterClose() {
        InMemoryAuditStream stream = InMemoryAuditStream.of("log");
        stream.record(AuditDraft.builder("only"));
        stream.close();
        assertThat(stream.events()).hasSize(1);
    }
}
