package io.airlog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditDroppedException;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditOutcomeUnknownException;
import io.airlog.AuthMethod;
import io.airlog.Capability;
import io.airlog.Principal;
import io.airlog.RecordResult;
import io.airlog.StreamHealth;
import io.airlog.spi.batch.MemoryBatchStream;
import io.airlog.stream.InMemoryAuditStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class AuditPipelineTest {
    private final InMemoryAuditStream main = new InMemoryAuditStream("main", "app");
    private final InMemoryAuditStream security = new InMemoryAuditStream("security", "sec");
    private final FailingStorageStream broken = FailingStorageStream.named("broken");
    private final AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(security)
            .register(broken);

    private AuditPipeline.Builder pipeline() {
        return AuditPipeline.builder("default").registry(registry).defaultStream("main");
    }

    private AuditPipeline routing(RouteRule... rules) {
        RoutingPolicy.Builder policy = RoutingPolicy.builder();
        for (RouteRule rule : rules) {
            policy.rule(rule);
        }
        return pipeline().routing(policy.build()).build();
    }

    private static AuditDraft draft(String action) {
        return AuditDraft.builder(action).build();
    }

    @Test
    void recordReturnsTheSealedEventAsStoredAfterMiddleware() {
        AuditPipeline audit = pipeline().use(AuditMiddleware.enrich(Map.of("app", "shop"))).build();

        AuditEvent returned = audit.record(AuditDraft.builder("login").put("user", "bob"));

        assertThat(returned.context()).isEqualTo(Map.of("user", "bob", "app", "shop"));
        assertThat(returned).isEqualTo(main.events().get(0));
        assertThat(returned.verify()).isTrue();
    }

    @Test
    void redactionReachesNestedValuesAndPrincipalMetadataAndTheStoredEventVerifies() {
        AuditPipeline audit = pipeline().use(Redactor.defaults()).build();
        Principal bob = new Principal("bob", AuthMethod.OAUTH2,
                Map.of("profile", Map.of("email", "bob@example.com"), "access_token", "t0k3n"));

        AuditEvent returned = audit.record(AuditDraft.builder("payment").principal(bob)
                .put("order", Map.of("lines", List.of(Map.of("card", "4111 1111 1111 1111", "sku", "A-1"))))
                .put("password", "hunter2"));

        AuditEvent stored = main.events().get(0);
        assertThat(stored).isEqualTo(returned);
        assertThat(stored.context()).isEqualTo(Map.of("password", Redactor.MARKER,
                "order", Map.of("lines", List.of(Map.of("card", Redactor.MARKER, "sku", "A-1")))));
        assertThat(stored.principal().metadata()).isEqualTo(Map.of("profile", Map.of("email", Redactor.MARKER),
                "access_token", Redactor.MARKER));
        assertThat(stored.verify()).isTrue();
    }

    @Test
    void middlewareRunsInTheOrderAdded() {
        AuditPipeline audit = pipeline()
                .use(Enricher.builder().value("step", "first").overridingCallerValues().build())
                .use(Enricher.builder().value("step", "second").overridingCallerValues().build())
                .build();

        assertThat(audit.record(draft("login")).context()).containsEntry("step", "second");
    }

    @Test
    void supplierEnrichmentIsEvaluatedForEveryEvent() {
        AtomicInteger requests = new AtomicInteger();
        AuditPipeline audit = pipeline().use(AuditMiddleware.enrich("request", requests::incrementAndGet)).build();

        audit.record(draft("a"));
        audit.record(draft("b"));

        assertThat(main.events()).extracting(e -> e.context().get("request")).containsExactly(1L, 2L);
    }

    @Test
    void droppedDraftRecordsNothingAndDoesNotAdvanceTheSequence() {
        AuditPipeline audit = pipeline().use(AuditMiddleware.dropIf(d -> d.action().equals("health"))).build();

        audit.record(draft("login"));
        RecordResult dropped = audit.submit(draft("health"));
        AuditEvent next = audit.record(draft("logout"));

        assertThat(dropped).isInstanceOfSatisfying(RecordResult.Dropped.class,
                d -> assertThat(d.reason()).startsWith("middleware #1 ").endsWith("dropped it"));
        assertThat(next.sequence()).isEqualTo(2);
        assertThat(main.events()).extracting(AuditEvent::action).containsExactly("login", "logout");
    }

    @Test
    void recordOfADroppedDraftThrowsNamingTheReasonInsteadOfReturningNull() {
        AuditPipeline audit = pipeline().use(AuditMiddleware.dropIf(d -> true)).build();
        AuditDraft probe = draft("health");

        assertThatThrownBy(() -> audit.record(probe)).isInstanceOfSatisfying(AuditDroppedException.class,
                e -> assertThat(e.dropped().eventId()).isEqualTo(probe.eventId()))
                .hasMessageContaining(probe.eventId() + " was dropped, not stored: middleware #1");
        assertThat(main.size()).isZero();
    }

    @Test
    void submitReturnsTheStoredEvent() {
        AuditPipeline audit = pipeline().build();

        RecordResult result = audit.submit(draft("login"));

        assertThat(result.stored()).isTrue();
        assertThat(result.orElseThrow()).isEqualTo(main.events().get(0));
        assertThat(result.storedEvent()).contains(main.events().get(0));
    }

    @Test
    void submitToAStreamWithoutPipelineWrapsTheRecordedEvent() {
        RecordResult result = main.submit(draft("login"));

        assertThat(result).isEqualTo(new RecordResult.Stored(main.events().get(0)));
    }

    @Test
    void dropRuleRecordsNothingAnywhere() {
        AuditPipeline audit = routing(RouteRule.named("probes").when(d -> d.action().equals("health")).drop());

        AuditDraft probe = draft("health");

        assertThat(audit.submit(probe)).isEqualTo(new RecordResult.Dropped(probe.eventId(),
                "route rule 'probes' of audit pipeline 'default' drops it"));
        assertThat(main.size() + security.size()).isZero();
        assertThat(audit.stats().dropped()).isEqualTo(1);
    }

    @Test
    void draftMatchingNoRuleGoesToTheDefaultStream() {
        AuditPipeline audit = routing(RouteRule.named("logins").when(d -> d.action().equals("login"))
                .route("security"));

        audit.record(draft("read"));

        assertThat(main.events()).extracting(AuditEvent::action).containsExactly("read");
        assertThat(security.size()).isZero();
    }

    @Test
    void routeRuleRecordsInEachOfItsStreamsUnderOneEventId() {
        AuditPipeline audit = routing(RouteRule.named("logins").route("security", "main"));

        AuditEvent returned = audit.record(draft("login"));

        assertThat(returned).isEqualTo(security.events().get(0));
        assertThat(main.events().get(0).eventId()).isEqualTo(returned.eventId());
        assertThat(main.events().get(0).logId()).isEqualTo("app");
    }

    @Test
    void routingFollowsPriorityAndTheFirstMatchWins() {
        AuditPipeline audit = routing(
                RouteRule.named("everything").priority(50).route("main"),
                RouteRule.named("auth").priority(10).when(d -> d.action().startsWith("auth.")).route("security"),
                RouteRule.named("auth-also").priority(10).when(d -> d.action().startsWith("auth.")).route("main"));

        audit.record(draft("auth.login"));
        audit.record(draft("order.create"));

        assertThat(security.events()).extracting(AuditEvent::action).containsExactly("auth.login");
        assertThat(main.events()).extracting(AuditEvent::action).containsExactly("order.create");
    }

    @Test
    void unknownStreamInARuleFailsAtBuildNamingTheRuleAndTheStream() {
        AuditPipeline.Builder builder = pipeline().routing(RoutingPolicy.builder()
                .rule(RouteRule.named("archive-all").route("main", "archive")).build());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route rule 'archive-all'").hasMessageContaining("stream 'archive'");
    }

    @Test
    void unknownDefaultStreamFailsAtBuild() {
        AuditPipeline.Builder builder = AuditPipeline.builder("default").registry(registry).defaultStream("mian");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default stream").hasMessageContaining("'mian'");
    }

    @Test
    void requiredDeliveryFailurePropagatesToTheCaller() {
        AuditPipeline audit = routing(RouteRule.named("sec").require("main", "broken"));

        assertThatThrownBy(() -> audit.record(draft("login")))
                .isInstanceOfSatisfying(AuditDeliveryException.class, e -> {
                    assertThat(e.failures()).containsOnlyKeys("broken");
                    assertThat(e.delivered()).containsOnlyKeys("main");
                })
                .hasMessageContaining("'sec'").hasMessageContaining("no space left on device");
    }

    @Test
    void routeFailureIsAnErrorUnlessTheRuleIsBestEffort() {
        AuditPipeline audit = routing(RouteRule.named("sec").route("broken", "main"));

        assertThatThrownBy(() -> audit.record(draft("login"))).isInstanceOf(AuditDeliveryException.class);
        assertThat(audit.stats().failed()).isEqualTo(1);
    }

    @Test
    void defaultStreamFailurePropagatesToTheCaller() {
        AuditPipeline audit = AuditPipeline.builder("default").registry(registry).defaultStream("broken").build();

        assertThatThrownBy(() -> audit.record(draft("login"))).isInstanceOf(AuditException.class)
                .hasMessageContaining("default stream");
    }

    @Test
    void bestEffortFailureIsCountedAndTheOtherStreamsEventIsReturned() {
        AuditPipeline audit = routing(RouteRule.named("copy").routeBestEffort("broken", "main"));

        AuditEvent returned = audit.record(draft("login"));

        assertThat(returned).isEqualTo(main.events().get(0));
        assertThat(audit.stats().deliveryFailures()).isEqualTo(1);
        assertThat(audit.health().detail()).contains("failed deliveries 1");
    }

    @Test
    void bestEffortFailureIsLogged() {
        AuditPipeline audit = routing(RouteRule.named("copy").routeBestEffort("broken", "main"));
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(AuditPipeline.class.getName());
        logger.addHandler(handler);
        try {
            audit.record(draft("login"));
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
            assertThat(r.getMessage()).contains("'copy'").contains("'broken'");
            assertThat(r.getThrown()).isInstanceOf(AuditException.class);
        });
    }

    @Test
    void bestEffortEventStoredNowhereIsCountedAsLostAndReportedAsDropped() {
        AuditPipeline audit = routing(RouteRule.named("copy").routeBestEffort("broken"));

        assertThat(audit.submit(draft("login"))).isInstanceOfSatisfying(RecordResult.Dropped.class,
                d -> assertThat(d.reason()).startsWith("lost: no best-effort stream of route rule 'copy'"));
        assertThat(audit.stats().lost()).isEqualTo(1);
        assertThat(audit.health().failed()).isEqualTo(1);
    }

    @Test
    void failingMiddlewareFailsTheCallAndStoresNothing() {
        AuditPipeline audit = pipeline().use(d -> {
            throw new IllegalStateException("tenant lookup failed");
        }).build();

        assertThatThrownBy(() -> audit.record(draft("login"))).isInstanceOf(AuditException.class)
                .hasMessageContaining("middleware #1").hasMessageContaining("tenant lookup failed");
        assertThat(main.size()).isZero();
    }

    @Test
    void everyDraftIsCountedOnce() {
        AuditPipeline audit = pipeline().use(AuditMiddleware.dropIf(d -> d.action().equals("health")))
                .routing(RoutingPolicy.builder()
                        .rule(RouteRule.named("fail").when(d -> d.action().equals("fail")).require("broken"))
                        .rule(RouteRule.named("lose").when(d -> d.action().equals("lose")).routeBestEffort("broken"))
                        .build())
                .build();

        for (String action : List.of("login", "health", "fail", "lose", "logout")) {
            try {
                audit.record(draft(action));
            } catch (AuditException expected) {
                // counted as failed
            }
        }

        assertThat(audit.stats()).isEqualTo(new PipelineStats(5, 2, 1, 1, 1, 2, 2));
    }

    @Test
    void capabilitiesAreOnlyThoseEveryDestinationDeclares() {
        assertThat(pipeline().build().capabilities()).isEmpty();
    }

    @Test
    void healthIsDownWhenARequiredStreamIsDown() {
        AuditPipeline audit = routing(RouteRule.named("sec").require("security"));
        security.close();

        assertThat(audit.health().up()).isFalse();
        assertThat(audit.health().status()).isEqualTo(StreamHealth.Status.DOWN);
        assertThat(audit.health().detail()).contains("stream 'security' is down");
    }

    @Test
    void aRequiredStreamThatCannotTellWhetherItStoredTheEventFailsTheCallWithAnUnknownOutcome() {
        try (MemoryBatchStream slow = MemoryBatchStream.withWriteTimeout("slow", false, Duration.ofMillis(200))) {
            registry.register(slow);
            AuditPipeline audit = pipeline().fanOut(slow.name(), Delivery.REQUIRED).build();
            CountDownLatch held = slow.appender().holdNextBatch();
            AuditDraft draft = draft("login");

            assertThatThrownBy(() -> audit.record(draft))
                    .isInstanceOfSatisfying(AuditOutcomeUnknownException.class,
                            e -> assertThat(e.eventId()).isEqualTo(draft.eventId()))
                    .hasMessageContaining("stored in [main]").hasMessageContaining("the write timeout (200 ms) passed");
            assertThat(audit.stats().failed()).isEqualTo(1);
            held.countDown();
        }
    }

    @Test
    void healthIsDegradedWhileABestEffortFanOutStreamIsDown() {
        AuditPipeline audit = pipeline().fanOut("security", Delivery.BEST_EFFORT).build();
        security.close();

        assertThat(audit.health().status()).isEqualTo(StreamHealth.Status.DEGRADED);
        assertThat(audit.health().up()).isTrue();
        assertThat(audit.health().detail()).contains("best-effort stream 'security' is down");
    }

    @Test
    void fanOutRecordsInTheDefaultStreamAndThenInEachFanOutStreamUnderOneEventId() {
        AuditPipeline audit = pipeline().fanOut("security", Delivery.REQUIRED).build();

        AuditEvent returned = audit.record(draft("login"));

        assertThat(returned).isEqualTo(main.events().get(0));
        assertThat(security.events()).singleElement().satisfies(copy -> {
            assertThat(copy.eventId()).isEqualTo(returned.eventId());
            assertThat(copy.logId()).isEqualTo("sec");
        });
    }

    @Test
    void failingBestEffortFanOutIsCountedAndTheCallReturnsTheDefaultStreamsEvent() {
        AuditPipeline audit = pipeline().fanOut("broken", Delivery.BEST_EFFORT).build();

        AuditEvent returned = audit.record(draft("login"));

        assertThat(returned).isEqualTo(main.events().get(0));
        assertThat(audit.stats().deliveryFailures()).isEqualTo(1);
        assertThat(audit.stats().recorded()).isEqualTo(1);
        assertThat(audit.health().up()).isTrue();
    }

    @Test
    void failingRequiredFanOutFailsTheCallAndSaysWhereTheEventWasStored() {
        AuditPipeline audit = pipeline().fanOut("broken", Delivery.REQUIRED).build();

        assertThatThrownBy(() -> audit.record(draft("login")))
                .isInstanceOfSatisfying(AuditDeliveryException.class, e -> {
                    assertThat(e.failures()).containsOnlyKeys("broken");
                    assertThat(e.delivered()).containsOnlyKeys("main");
                });
        assertThat(audit.stats().failed()).isEqualTo(1);
    }

    @Test
    void theDefaultStreamCannotAlsoBeAFanOutStream() {
        AuditPipeline.Builder builder = pipeline().fanOut("main", Delivery.BEST_EFFORT);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'main' cannot also be a fan-out stream");
    }

    @Test
    void unknownFanOutStreamFailsAtBuild() {
        AuditPipeline.Builder builder = pipeline().fanOut("otel", Delivery.BEST_EFFORT);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a fan-out names stream 'otel', which is not registered");
    }

    @Test
    void recordAsyncReturnsBeforeAnAsynchronousDestinationHasStoredTheEvent() throws Exception {
        try (MemoryBatchStream queued = MemoryBatchStream.open("queued", true);
             AuditStreamRegistry streams = new AuditStreamRegistry().register(queued)) {
            AuditPipeline audit = AuditPipeline.builder("async").registry(streams).defaultStream("memory-batch")
                    .use(AuditMiddleware.enrich(Map.of("app", "shop"))).build();
            CountDownLatch held = queued.appender().holdNextBatch();

            CompletableFuture<AuditEvent> pending = audit.recordAsync(draft("login")).toCompletableFuture();

            assertThat(pending).isNotDone();
            held.countDown();
            AuditEvent stored = pending.get(1, TimeUnit.MINUTES);
            assertThat(stored.context()).containsEntry("app", "shop");
            assertThat(queued.appender().events()).containsExactly(stored);
            assertThat(audit.capabilities()).contains(Capability.ASYNC);
        }
    }

    @Test
    void recordAsyncFailsWithTheDeliveryExceptionRecordWouldThrow() {
        AuditPipeline audit = pipeline().fanOut("broken", Delivery.REQUIRED).build();

        CompletableFuture<AuditEvent> result = audit.recordAsync(draft("login")).toCompletableFuture();

        assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(AuditDeliveryException.class);
        assertThat(audit.stats().failed()).isEqualTo(1);
    }

    @Test
    void listenersAreToldOfEveryStoreFailureAndDrop() {
        List<String> told = new ArrayList<>();
        PipelineListener listener = new PipelineListener() {
            @Override
            public void stored(String stream, AuditEvent event, long nanos) {
                told.add("stored " + stream + " " + event.action() + (nanos >= 0 ? "" : " negative time"));
            }

            @Override
            public void failed(String stream, AuditDraft draft, Delivery delivery, Throwable error, long nanos) {
                told.add("failed " + stream + " " + delivery);
            }

            @Override
            public void dropped(String pipeline, AuditDraft draft) {
                told.add("dropped " + pipeline + " " + draft.action());
            }
        };
        AuditPipeline audit = pipeline().use(AuditMiddleware.dropIf(d -> d.action().equals("health")))
                .fanOut("broken", Delivery.BEST_EFFORT).listener(listener).build();

        audit.record(draft("login"));
        assertThat(audit.submit(draft("health")).stored()).isFalse();

        assertThat(told).containsExactly("stored main login", "failed broken BEST_EFFORT", "dropped default health");
    }

    @Test
    void aFailingListenerDoesNotFailTheCall() {
        AuditPipeline audit = pipeline().listener(new PipelineListener() {
            @Override
            public void stored(String stream, AuditEvent event, long nanos) {
                throw new IllegalStateException("metrics registry gone");
            }
        }).build();

        assertThat(audit.record(draft("login"))).isEqualTo(main.events().get(0));
    }

    @Test
    void closingThePipelineClosesNoStream() {
        AuditPipeline audit = pipeline().build();

        audit.close();

        assertThat(main.health().up()).isTrue();
        assertThatThrownBy(() -> audit.record(draft("login"))).isInstanceOf(IllegalStateException.class);
    }
}
