package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.StreamHealth;
import io.airlog.cdi.internal.AirlogStartup;
import io.airlog.cdi.internal.StreamState;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How argument values reach the event: numbers exactly (a decimal a double cannot hold as the
 * text of its exact value), floats widened like airlog-core widens them, and a value that
 * cannot be recorded as a marker naming why, which never keeps the call or its event from
 * happening and is counted in health.
 */
class InterceptorArgumentValuesTest {

    private static TestContainer start(String onWriteFailure) {
        return TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.on-write-failure", onWriteFailure).beans(AccountService.class).start();
    }

    private static AuditEvent only(TestContainer c) {
        List<AuditEvent> events = c.events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static StreamState state(TestContainer c) {
        return c.select(AirlogStartup.class).states().get(0);
    }

    @Test
    void aDecimalThatADoubleCannotHoldIsRecordedAsItsExactText() {
        try (TestContainer c = start("fail")) {
            c.select(AccountService.class).withdraw("A-1", new BigDecimal("1.000000000000000001"));
            assertThat(only(c).context()).containsEntry("amount", "1.000000000000000001");
        }
    }

    @Test
    void everyDecimalIsTextWithItsScaleKept() {
        try (TestContainer c = start("fail")) {
            c.select(AccountService.class).withdraw("A-1", new BigDecimal("125.50"));
            assertThat(only(c).context()).containsEntry("amount", "125.50");
        }
    }

    @Test
    void aFloatIsWidenedExactlyAndALongBeyondTwoToThe53IsText() {
        try (TestContainer c = start("fail")) {
            c.select(AccountService.class).rate("A-1", 0.1f, 9_007_199_254_740_993L);
            assertThat(only(c).context()).containsEntry("rate", (double) 0.1f)
                    .containsEntry("reference", "9007199254740993");
        }
    }

    @Test
    void aValueThatCannotBeRecordedBecomesAMarkerAndTheCallAndItsEventHappen() {
        try (TestContainer c = start("fail")) {
            assertThat(c.select(AccountService.class).note("A-1", "bad\u0000value", "EUR")).isEqualTo("noted A-1");
            AuditEvent e = only(c);
            assertThat(e.context()).containsEntry("currency", "EUR").hasEntrySatisfying("note", v -> assertThat(v)
                    .isEqualTo("[NOT RECORDED: context.note: U+0000 (NUL) at index 3 is not allowed]"));
            StreamState state = state(c);
            assertThat(state.substituted()).isEqualTo(1);
            assertThat(state.health().status()).isEqualTo(StreamHealth.Status.DEGRADED);
            assertThat(state.health().detail()).contains("1 argument value(s) recorded as a marker");
        }
    }

    @Test
    void aResourceIdThatCannotBeRecordedBecomesAMarker() {
        try (TestContainer c = start("log")) {
            c.select(AccountService.class).note("A-\uD800", "fine", "EUR");
            AuditEvent e = only(c);
            assertThat(e.resourceId()).startsWith("[NOT RECORDED: resourceId: unpaired surrogate");
            assertThat(e.context()).containsEntry("note", "fine");
            assertThat(state(c).substituted()).isEqualTo(1);
        }
    }
}
