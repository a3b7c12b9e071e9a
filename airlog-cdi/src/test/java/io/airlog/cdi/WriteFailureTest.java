package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditException;
import io.airlog.AuditOutcomeUnknownException;
import io.airlog.StreamHealth;
import io.airlog.cdi.internal.AirlogStartup;
import io.airlog.cdi.internal.StreamState;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
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
    void logModeCountsEveryEventItCouldNotRecordAndTheStreamIsDegraded() {
        try (TestContainer c = start("log")) {
            for (int i = 0; i < 3; i++) {
                c.select(AccountService.class).open("boom", "EUR");
            }
            c.select(AccountService.class).open("fine", "EUR");
            StreamState state = c.select(AirlogStartup.class).states().get(0);
            assertThat(state.unrecorded()).isEqualTo(3);
            assertThat(state.health().status()).isEqualTo(StreamHealth.Status.DEGRADED);
            assertThat(state.health().detail()).contains("3 event(s) not recorded").contains("storage unavailable");
            assertThat(state.ready()).as("degraded still stores events: ready").isTrue();
        }
    }

    @Test
    void asyncModeCountsEveryEventItCouldNotRecord() throws Exception {
        try (TestContainer c = TestContainer.builder().property("test.h2.url", "jdbc:h2:mem:async-"
                        + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").property("airlog.backend", "jdbc")
                .property("airlog.jdbc.datasource", "audit").property("airlog.jdbc.schema", "create")
                .property("airlog.write-mode", "async")
                .beans(AccountService.class, H2DataSources.class, ExplodingMiddleware.class).start()) {
            assertThat(c.select(AccountService.class).open("boom", "EUR")).isEqualTo("opened boom");
            c.select(AccountService.class).open("fine", "EUR");
            long deadline = System.nanoTime() + 10_000_000_000L;
            StreamState state = c.select(AirlogStartup.class).states().get(0);
            while (state.unrecorded() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
                state = c.select(AirlogStartup.class).states().get(0);
            }
            assertThat(state.unrecorded()).isEqualTo(1);
            assertThat(state.health().status()).isEqualTo(StreamHealth.Status.DEGRADED);
        }
    }

    @Test
    void theWriteTimeoutBoundsTheWaitOfAnAuditedCallWhoseEventCannotBeStored() throws Exception {
        String url = "jdbc:h2:mem:timeout-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (TestContainer c = TestContainer.builder().property("test.h2.url", url).property("airlog.backend", "jdbc")
                .property("airlog.jdbc.datasource", "audit").property("airlog.jdbc.schema", "create")
                .property("airlog.write-timeout", "500ms").beans(AccountService.class, H2DataSources.class).start();
             Connection other = H2DataSources.h2(url).getConnection()) {
            c.select(AccountService.class).open("A-0", "EUR");
            try (Statement st = other.createStatement()) {
                st.execute("SET DEFAULT_LOCK_TIMEOUT 60000");
            }
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                // a stuck writer elsewhere holds the log's head row
                st.executeQuery("SELECT size FROM airlog_head WHERE log_id = 'default' FOR UPDATE").close();
            }
            long start = System.nanoTime();

            assertThatThrownBy(() -> c.select(AccountService.class).open("A-1", "EUR"))
                    .isInstanceOf(AuditOutcomeUnknownException.class)
                    .hasMessageContaining("the write timeout (500 ms) passed while its batch was being stored");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            other.rollback();
        }
    }

    @Test
    void writeTimeoutOutsideItsRangeFailsTheStart() {
        assertThat(TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.write-timeout", "50ms").startFailure())
                .hasStackTraceContaining("airlog.write-timeout: invalid value '50ms'; expected a duration from 100ms"
                        + " to 24h");
    }

    @Test
    void failModeCountsTheFailureItHandsToTheCaller() {
        try (TestContainer c = start("fail")) {
            assertThatThrownBy(() -> c.select(AccountService.class).open("boom", "EUR"))
                    .isInstanceOf(AuditException.class);
            assertThat(c.select(AirlogStartup.class).states().get(0).unrecorded()).isEqualTo(1);
        }
    }

    @Test
    void invalidPolicyFailsTheStart() {
        assertThat(TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.on-write-failure", "ignore").startFailure())
                .hasStackTraceContaining("airlog.on-write-failure: invalid value 'ignore'; allowed values: fail, log");
    }
}
