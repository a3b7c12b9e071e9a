package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditException;
import org.junit.jupiter.api.Test;

class WriteFailureTest {

    private static TestContainer start(String onWriteFailure) {
        return TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.on-write-failure", onWriteFailure)
                .beans(AccountService.class, ExplodingMiddleware.class).start();
    }

    @Test
    void failModeGivesTheCallerAnAuditExceptionAfterASuccessfulCall() {
        try (TestContainer c = start("fail")) {
            assertThatThrownBy(() -> c.select(AccountService.class).open("boom", "EUR"))
                    .isInstanceOf(AuditException.class).hasMessageContaining("storage unavailable");
        }
    }

    @Test
    void failModeKeepsTheMethodsExceptionAndAttachesTheAuditFailure() {
        try (TestContainer c = start("fail")) {
            assertThatThrownBy(() -> c.select(AccountService.class).close("boom"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("balance of boom is not zero")
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(AuditException.class));
        }
    }

    @Test
    void logModeLetsTheCallSucceed() {
        try (TestContainer c = start("log")) {
            assertThat(c.select(AccountService.class).open("boom", "EUR")).isEqualTo("opened boom");
        }
    }

    @Test
    void invalidPolicyFailsTheStart() {
        assertThat(TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.on-write-failure", "ignore").startFailure())
                .hasStackTraceContaining("airlog.on-write-failure: invalid value 'ignore'; allowed values: fail, log");
    }
}
