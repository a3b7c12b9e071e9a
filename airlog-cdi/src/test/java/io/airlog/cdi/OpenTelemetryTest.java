package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.otel.OtelSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code @AuditLog} call inside a span, with the {@code otel} backend as a best-effort
 * fan-out of the main stream: the application's OpenTelemetry bean exports one log record,
 * carrying the span's trace, and the trace id is the event's correlation id.
 */
class OpenTelemetryTest {
    @TempDir
    Path dir;

    @Test
    void anAuditedCallInsideASpanExportsARecordOfThatTraceCorrelatedByTheTraceId() {
        try (TestContainer c = TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.fan-out.best-effort", "otel").property("airlog.streams.otel.backend", "otel")
                .property("airlog.streams.otel.otel.state-file", dir.resolve("otel.state"))
                .beans(AccountService.class, OpenTelemetryBean.class).start()) {
            OtelSdk otel = c.select(OpenTelemetryBean.class).sdk();
            Span span = otel.tracer().spanBuilder("GET /accounts").startSpan();
            try (Scope scope = span.makeCurrent()) {
                c.select(AccountService.class).freeze("A-1");
            } catch (SecurityException expected) {
                // recorded as DENIED
            } finally {
                span.end();
            }
            String traceId = span.getSpanContext().getTraceId();

            List<AuditEvent> stored = c.events();
            assertThat(stored).singleElement().satisfies(e -> assertThat(e.correlationId()).isEqualTo(traceId));
            LogRecordData record = otel.records().get(0);
            assertThat(otel.records()).hasSize(1);
            assertThat(record.getSpanContext().getTraceId()).isEqualTo(traceId);
            assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
            assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
            assertThat(record.getAttributes().get(AttributeKey.stringKey("airlog.correlation_id"))).isEqualTo(traceId);
            assertThat(record.getAttributes().get(AttributeKey.stringKey("airlog.action"))).isEqualTo("freeze");
            assertThat(record.getAttributes().get(AttributeKey.stringKey("airlog.event_id")))
                    .isEqualTo(stored.get(0).eventId().toString());
            assertThat(record.getAttributes().get(AttributeKey.stringKey("airlog.log_id"))).isEqualTo("otel");
        }
    }
}
