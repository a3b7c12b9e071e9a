package io.airlog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditException;
import io.airlog.AuditStream;
import io.airlog.RecordResult;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.verify.ChainVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuditStreamRegistryTest {
    private final InMemoryAuditStream main = new InMemoryAuditStream("main", "app");
    private final InMemoryAuditStream security = new InMemoryAuditStream("security", "sec");

    @Test
    void registeredStreamIsFoundByItsName() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(security);

        assertThat(registry.get("security")).isSameAs(security);
        assertThat(registry.names()).containsExactly("main", "security");
    }

    @Test
    void unknownNameFailsNamingItAndTheRegisteredNames() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(security);

        assertThatThrownBy(() -> registry.get("archive")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'archive'").hasMessageContaining("main, security");
    }

    @Test
    void secondStreamOfTheSameNameIsRejected() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main);
        InMemoryAuditStream other = new InMemoryAuditStream("main", "other");

        assertThatThrownBy(() -> registry.register(other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'main'");
    }

    @Test
    void closeClosesEveryStream() {
        new AuditStreamRegistry().register(main).register(security).close();

        assertThat(main.health().up()).isFalse();
        assertThat(security.health().up()).isFalse();
    }

    @Test
    void closeClosesTheOtherStreamsWhenOneFailsToClose() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main)
                .register(FailingStorageStream.failingToClose("broken")).register(security);

        assertThatThrownBy(registry::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("broken");
        assertThat(main.health().up()).isFalse();
        assertThat(security.health().up()).isFalse();
    }

    @Test
    void registeringAfterCloseFails() {
        AuditStreamRegistry registry = new AuditStreamRegistry();
        registry.close();

        assertThatThrownBy(() -> registry.register(main)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deregisterWithCloseRemovesAndClosesTheStream() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(security);

        assertThat(registry.deregister("main", true)).containsSame(main);

        assertThat(registry.names()).containsExactly("security");
        assertThat(main.health().up()).isFalse();
    }

    @Test
    void deregisterWithoutCloseHandsTheOpenStreamBack() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main);

        AuditStream removed = registry.deregister("main", false).orElseThrow();
        registry.close();

        assertThat(removed.record(AuditDraft.builder("still-open")).sequence()).isEqualTo(1);
        assertThat(registry.find("main")).isEmpty();
    }

    @Test
    void deregisteringAnUnknownNameReturnsEmpty() {
        assertThat(new AuditStreamRegistry().register(main).deregister("archive", true)).isEmpty();
        assertThat(main.health().up()).isTrue();
    }

    @Test
    void nameIsFreeAgainAfterDeregistration() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main);
        registry.deregister("main", true);
        InMemoryAuditStream replacement = new InMemoryAuditStream("main", "app-2");

        assertThat(registry.register(replacement).get("main")).isSameAs(replacement);
    }

    @Test
    void broadcastRecordsTheDraftInEveryStreamAndReturnsOneResultPerStream() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(security);
        AuditDraft draft = AuditDraft.builder("shutdown").build();

        BroadcastResult result = registry.broadcast(draft);

        assertThat(result.streams()).containsExactly("main", "security");
        assertThat(result.allStored()).isTrue();
        assertThat(result.event("main")).contains(main.events().get(0));
        assertThat(result.event("security")).contains(security.events().get(0));
        assertThat(main.events().get(0).eventId()).isEqualTo(draft.eventId())
                .isEqualTo(security.events().get(0).eventId());
    }

    @Test
    void failingStreamDoesNotHideTheOthers() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main)
                .register(FailingStorageStream.named("broken")).register(security);

        BroadcastResult result = registry.broadcast(AuditDraft.builder("shutdown").build());

        assertThat(result.streams()).containsExactlyInAnyOrder("main", "broken", "security");
        assertThat(result.results().keySet()).containsExactly("main", "security");
        assertThat(result.failures().get("broken")).isInstanceOf(AuditException.class)
                .hasMessageContaining("no space left on device");
        assertThat(result.allStored()).isFalse();
        assertThat(main.size()).isEqualTo(1);
        assertThat(security.size()).isEqualTo(1);
    }

    @Test
    void streamWhosePipelineDropsTheDraftReportsItAsDropped() {
        AuditStreamRegistry inner = new AuditStreamRegistry().register(security);
        AuditPipeline dropping = AuditPipeline.builder("filtered").use(AuditMiddleware.dropIf(d -> true))
                .registry(inner).defaultStream("security").build();
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(dropping);

        BroadcastResult result = registry.broadcast(AuditDraft.builder("shutdown").build());

        assertThat(result.results().get("filtered")).isInstanceOf(RecordResult.Dropped.class);
        assertThat(result.event("main")).isPresent();
        assertThat(result.allStored()).isFalse();
        assertThat(security.size()).isZero();
    }

    @Test
    void broadcastOnAClosedRegistryFails() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main);
        registry.close();

        assertThatThrownBy(() -> registry.broadcast(AuditDraft.builder("late").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void concurrentBroadcastsRegistrationsAndDeregistrationsKeepEveryStreamAGapFreeChain() throws Exception {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(security);
        int threads = 8;
        int rounds = 500;
        List<InMemoryAuditStream> churned = new CopyOnWriteArrayList<>();
        AtomicInteger mainStored = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        if (thread % 4 == 0) {
                            InMemoryAuditStream temp = new InMemoryAuditStream("temp-" + thread + "-" + i, "t");
                            churned.add(temp);
                            registry.register(temp);
                            registry.deregister(temp.name(), i % 2 == 0);
                        } else {
                            BroadcastResult result = registry.broadcast(AuditDraft.builder("b").put("i", i).build());
                            assertThat(result.streams()).contains("main", "security");
                            assertThat(result.failures().keySet()).allMatch(name -> name.startsWith("temp-"));
                            if (result.event("main").isPresent()) {
                                mainStored.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        int broadcasts = (threads - threads / 4) * rounds;
        assertThat(mainStored.get()).isEqualTo(broadcasts);
        for (InMemoryAuditStream stream : List.of(main, security)) {
            assertThat(stream.size()).isEqualTo(broadcasts);
            assertThat(ChainVerifier.verify(stream.logId(), stream.events()).intact()).isTrue();
        }
        assertThat(registry.names()).containsExactly("main", "security");
        assertThat(churned).allSatisfy(temp ->
                assertThat(ChainVerifier.verify("t", temp.events()).intact()).isTrue());
    }
}
