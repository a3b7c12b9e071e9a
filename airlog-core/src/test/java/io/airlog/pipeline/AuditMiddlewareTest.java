package io.airlog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditContext;
import io.airlog.AuditDraft;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try")
class AuditMiddlewareTest {

    @Test
    void fixedEnrichmentAddsItsEntries() {
        AuditDraft draft = AuditDraft.builder("test").put("user", "bob").build();

        assertThat(AuditMiddleware.enrich(Map.of("app", "shop", "version", 3)).apply(draft).context())
                .isEqualTo(Map.of("user", "bob", "app", "shop", "version", 3L));
    }

    @Test
    void callerValuesWinOverEnrichmentByDefault() {
        AuditDraft draft = AuditDraft.builder("test").put("app", "caller").build();

        assertThat(AuditMiddleware.enrich(Map.of("app", "shop")).apply(draft).context()).containsEntry("app", "caller");
    }

    @Test
    void ambientContextMetadataWinsOverEnrichment() {
        AuditDraft draft;
        try (AuditContext.Scope ignored = AuditContext.scope().put("tenant", "acme").open()) {
            draft = AuditDraft.builder("test").build();
        }

        assertThat(AuditMiddleware.enrich(Map.of("tenant", "default")).apply(draft).context())
                .containsEntry("tenant", "acme");
    }

    @Test
    void overridingEnricherReplacesCallerValues() {
        Enricher enricher = Enricher.builder().value("tenant", "acme").overridingCallerValues().build();
        AuditDraft draft = AuditDraft.builder("test").put("tenant", "forged").put("user", "bob").build();

        assertThat(enricher.apply(draft).context()).isEqualTo(Map.of("tenant", "acme", "user", "bob"));
    }

    @Test
    void supplierIsEvaluatedForEveryEvent() {
        AtomicInteger counter = new AtomicInteger();
        AuditMiddleware enricher = AuditMiddleware.enrich("n", counter::incrementAndGet);

        assertThat(enricher.apply(AuditDraft.builder("a").build()).context()).containsEntry("n", 1L);
        assertThat(enricher.apply(AuditDraft.builder("b").build()).context()).containsEntry("n", 2L);
    }

    @Test
    void supplierIsNotCalledWhenTheCallerSetTheKey() {
        AtomicInteger calls = new AtomicInteger();
        AuditMiddleware enricher = AuditMiddleware.enrich("host", () -> "h" + calls.incrementAndGet());

        AuditDraft enriched = enricher.apply(AuditDraft.builder("test").put("host", "caller").build());

        assertThat(enriched.context()).containsEntry("host", "caller");
        assertThat(calls).hasValue(0);
    }

    @Test
    void supplierGivingANonJsonValueFailsNamingTheKey() {
        AuditMiddleware enricher = AuditMiddleware.enrich("worker", Thread::currentThread);
        AuditDraft draft = AuditDraft.builder("test").build();

        assertThatThrownBy(() -> enricher.apply(draft))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context.worker");
    }

    @Test
    void fixedValueThatIsNotJsonIsRejectedWhenTheEnricherIsBuilt() {
        Enricher.Builder builder = Enricher.builder().value("worker", Thread.currentThread());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enrichment.worker");
    }

    @Test
    void dropFilterDropsMatchingDraftsAndPassesOthersUnchanged() {
        AuditMiddleware filter = AuditMiddleware.dropIf(d -> d.action().startsWith("health"));
        AuditDraft kept = AuditDraft.builder("login").build();

        assertThat(filter.apply(AuditDraft.builder("health.probe").build())).isNull();
        assertThat(filter.apply(kept)).isSameAs(kept);
    }

    @Test
    void composedMiddlewareDoesNotRunTheNextStepOnADroppedDraft() {
        AtomicInteger calls = new AtomicInteger();
        AuditMiddleware chain = AuditMiddleware.dropIf(d -> true).andThen(d -> {
            calls.incrementAndGet();
            return d;
        });

        assertThat(chain.apply(AuditDraft.builder("test").build())).isNull();
        assertThat(calls).hasValue(0);
    }
}
