package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditContext;
import io.airlog.AuditEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InterceptorArgumentsTest {
    private TestContainer container;

    @BeforeEach
    void start() {
        container = TestContainer.builder().property("airlog.backend", "memory")
                .beans(AccountService.class, DocumentService.class, NestingService.class, LedgerService.class).start();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private List<AuditEvent> events() {
        return container.events();
    }

    private AuditEvent only() {
        assertThat(events()).hasSize(1);
        return events().get(0);
    }

    @Test
    void bindingOnASuperclassAppliesToTheSubclassBeanWithItsOwnName() {
        container.select(DocumentService.class).inheritedMethod("D-1");

        AuditEvent e = only();
        assertThat(e.action()).isEqualTo("inheritedMethod");
        assertThat(e.resource()).isEqualTo("DocumentService");
        assertThat(e.resourceId()).isEqualTo("D-1");
    }

    @Test
    void bindingThroughAStereotypeKeepsItsMembers() {
        container.select(LedgerService.class).post("E-1");

        AuditEvent e = only();
        assertThat(e.action()).isEqualTo("post");
        assertThat(e.resource()).isEqualTo("Ledger");
        assertThat(e.resourceId()).isEqualTo("E-1");
    }

    @Test
    void methodBindingOverridesClassBinding() {
        container.select(AccountService.class).rename(new AccountService.AccountRef("A-7", null), "Savings");

        AuditEvent e = only();
        assertThat(e.action()).isEqualTo("account.rename");
        assertThat(e.resource()).isEqualTo("AccountName");
    }

    @Test
    void resourceIdCanBeAPropertyOfTheArgument() {
        container.select(AccountService.class).rename(new AccountService.AccountRef("A-7", null), "Savings");

        assertThat(only().resourceId()).isEqualTo("A-7");
    }

    @Test
    void fieldWithoutANameUsesTheParameterName() {
        container.select(AccountService.class).rename(new AccountService.AccountRef("A-7", null), "Savings");

        assertThat(only().context()).containsEntry("newName", "Savings");
    }

    @Test
    void nestedPropertyPathIsReadThroughGetters() {
        AccountService.AccountRef ref = new AccountService.AccountRef("A-3", new AccountService.Owner("alice"));
        container.select(DocumentService.class).move(ref, ref, "s3cret");

        AuditEvent e = only();
        assertThat(e.resourceId()).isEqualTo("A-3");
        assertThat(e.context()).containsEntry("owner", "alice");
    }

    @Test
    void unannotatedAndIgnoredArgumentsStayOut() {
        AccountService.AccountRef ref = new AccountService.AccountRef("A-3", new AccountService.Owner("alice"));
        container.select(DocumentService.class).move(ref, ref, "s3cret");

        assertThat(only().context()).containsOnlyKeys("owner", "durationNanos");
        assertThat(only().toString()).doesNotContain("s3cret");
    }

    @Test
    void nullAlongAPropertyPathGivesNull() {
        AccountService.AccountRef ref = new AccountService.AccountRef("A-3", null);
        container.select(DocumentService.class).move(ref, ref, "x");

        assertThat(only().context()).containsEntry("owner", null);
    }

    @Test
    void collectionsAndMapsBecomeJsonValues() {
        container.select(DocumentService.class).share(42L, List.of("bob", "carol"), Map.of("notify", true));

        AuditEvent e = only();
        assertThat(e.resourceId()).isEqualTo("42");
        assertThat(e.context()).containsEntry("with", List.of("bob", "carol"))
                .containsEntry("options", Map.of("notify", true));
    }

    @Test
    void redactedArgumentIsReplacedByTheMarker() {
        container.select(DocumentService.class).protect("D-2", "hunter2", "pet name");

        AuditEvent e = only();
        assertThat(e.context()).containsEntry("password", AuditRedact.MARKER).containsEntry("hint", AuditRedact.MARKER);
        assertThat(e.toString()).doesNotContain("hunter2").doesNotContain("pet name");
    }

    @Test
    void redactedNullArgumentStaysNull() {
        container.select(DocumentService.class).protect("D-2", null, null);

        assertThat(only().context()).containsEntry("password", null);
    }

    @Test
    void exceptionIsRethrownAsTheSameInstance() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad");

        assertThatThrownBy(() -> container.select(DocumentService.class).fail(thrown)).isSameAs(thrown);
        assertThat(thrown.getSuppressed()).isEmpty();
    }

    @Test
    void durationIsNonNegative() {
        container.select(DocumentService.class).inheritedMethod("D-1");

        assertThat((Long) only().context().get("durationNanos")).isNotNegative();
    }

    @Test
    void nestedAuditedCallsShareOneGeneratedCorrelationId() {
        container.select(NestingService.class).outer();

        List<AuditEvent> events = events();
        assertThat(events).extracting(AuditEvent::action).containsExactly("open", "outer");
        assertThat(events.get(0).correlationId()).isNotBlank().isEqualTo(events.get(1).correlationId());
    }

    @Test
    void outsideARequestTheOutermostCallsEventIdIsTheCorrelationId() {
        container.select(NestingService.class).outer();

        List<AuditEvent> events = events();
        assertThat(events.get(1).action()).isEqualTo("outer");
        assertThat(events.get(0).correlationId()).isEqualTo(events.get(1).eventId().toString());
    }

    @Test
    void separateCallsGetDifferentCorrelationIds() {
        container.select(DocumentService.class).inheritedMethod("D-1");
        container.select(DocumentService.class).inheritedMethod("D-2");

        assertThat(events().get(0).correlationId()).isNotEqualTo(events().get(1).correlationId());
    }

    @Test
    void correlationIdOfTheAuditContextIsUsed() {
        try (AuditContext.Scope ignored = AuditContext.scope().correlationId("req-77").open()) {
            container.select(DocumentService.class).inheritedMethod("D-1");
        }

        assertThat(only().correlationId()).isEqualTo("req-77");
    }

    @Test
    void selfInvocationIsNotIntercepted() {
        container.select(NestingService.class).callsItself();

        assertThat(events()).extracting(AuditEvent::action).containsExactly("self");
    }

    @Test
    void principalIsAnonymousWithoutAContainerPrincipal() {
        container.select(DocumentService.class).inheritedMethod("D-1");

        assertThat(only().principal().isAnonymous()).isTrue();
    }
}
