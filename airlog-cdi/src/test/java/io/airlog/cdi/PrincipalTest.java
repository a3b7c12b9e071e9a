package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditContext;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrincipalTest {
    private TestContainer container;

    @BeforeEach
    void start() {
        container = TestContainer.builder().property("airlog.backend", "memory")
                .beans(AccountService.class, CallerPrincipal.class, ServicePrincipalResolver.class).start();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private Principal recordedPrincipal() {
        container.select(AccountService.class).open("A-1", "EUR");
        List<AuditEvent> events = container.events();
        return events.get(events.size() - 1).principal();
    }

    @Test
    void containerPrincipalIsTheSubject() {
        container.select(CallerPrincipal.class).set("alice");

        assertThat(recordedPrincipal()).isEqualTo(Principal.of("alice", AuthMethod.OTHER));
    }

    @Test
    void principalIsReadAnewOnEveryCall() {
        container.select(CallerPrincipal.class).set("alice");
        recordedPrincipal();
        container.select(CallerPrincipal.class).set("bob");

        assertThat(recordedPrincipal().subject()).isEqualTo("bob");
    }

    @Test
    void containerPrincipalWithoutANameIsAnonymous() {
        container.select(CallerPrincipal.class).set(null);

        assertThat(recordedPrincipal().isAnonymous()).isTrue();
    }

    @Test
    void glassFishAnonymousCallerIsAnonymous() {
        container.select(CallerPrincipal.class).set("ANONYMOUS");

        assertThat(recordedPrincipal().isAnonymous()).isTrue();
    }

    @Test
    void applicationResolverIsAskedBeforeTheContainer() {
        container.select(CallerPrincipal.class).set("alice");
        container.select(ServicePrincipalResolver.class).enable();

        assertThat(recordedPrincipal()).isEqualTo(new Principal("batch-job", AuthMethod.SYSTEM, Map.of("tenant", "acme")));
    }

    @Test
    void principalOfTheAuditContextWins() {
        container.select(ServicePrincipalResolver.class).enable();
        Principal carol = Principal.of("carol", AuthMethod.JWT);

        try (AuditContext.Scope ignored = AuditContext.scope().principal(carol).open()) {
            assertThat(recordedPrincipal()).isEqualTo(carol);
        }
    }
}
