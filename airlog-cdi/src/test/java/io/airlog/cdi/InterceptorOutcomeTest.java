package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditEvent;
import io.airlog.Outcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InterceptorOutcomeTest {
    private TestContainer container;
    private AccountService accounts;

    @BeforeEach
    void start() {
        container = TestContainer.builder().property("airlog.backend", "memory").property("airlog.log-id", "bank")
                .beans(AccountService.class).start();
        accounts = container.select(AccountService.class);
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private List<AuditEvent> events() {
        return container.events();
    }

    @Test
    void returningCallIsRecordedAsSuccess() {
        accounts.open("A-1", "EUR");

        AuditEvent e = events().get(0);
        assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(e.action()).isEqualTo("open");
        assertThat(e.resource()).isEqualTo("Account");
        assertThat(e.resourceId()).isEqualTo("A-1");
        assertThat(e.context()).containsEntry("currency", "EUR").containsKey("durationNanos");
        assertThat(e.logId()).isEqualTo("bank");
    }

    @Test
    void throwingCallIsRecordedAsFailureWithTheExceptionType() {
        assertThatThrownBy(() -> accounts.close("A-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("balance of A-1 is not zero");

        AuditEvent e = events().get(0);
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.context()).containsEntry("exception", "java.lang.IllegalStateException");
        assertThat(e.context().toString()).doesNotContain("balance");
    }

    @Test
    void securityExceptionIsRecordedAsDenied() {
        assertThatThrownBy(() -> accounts.freeze("A-1")).isInstanceOf(SecurityException.class);

        assertThat(events().get(0).outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    void ignoredMethodRecordsNothing() {
        accounts.balance("A-1");

        assertThat(events()).isEmpty();
    }
}
