package io.airlog.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.encoding.EventJson;
import io.airlog.pipeline.AuditPipeline;
import io.airlog.pipeline.AuditStreamRegistry;
import io.airlog.verify.ChainVerifier;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtelAuditStreamTest {
    @TempDir
    Path dir;

    private final OtelSdk otel = new OtelSdk();

    @AfterEach
    void closeSdk() {
        otel.close();
    }

    private OtelAuditStream open(String state) {
        return OtelAuditStream.builder(otel.openTelemetry(), dir.resolve(state), "bank").name("otel").build();
    }

    @Test
    void aRecordEmittedInsideASpanCarriesItsTraceAndSpan() {
        Span span = otel.tracer().spanBuilder("transfer").startSpan();
        try (OtelAuditStream stream = open("span.state"); Scope scope = span.makeCurrent()) {
            stream.record(AuditDraft.builder("transfer"));
        } finally {
            span.end();
        }

        assertThat(otel.records()).singleElement().satisfies(r -> {
            assertThat(r.getSpanContext().getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
            assertThat(r.getSpanContext().getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
        });
    }

    @Test
    void theRecordHasTheEventsAttributesUnderSemanticConventionsAndTheAirlogNamespace() {
        AuditEvent event;
        try (OtelAuditStream stream = open("attributes.state")) {
            event = stream.record(AuditDraft.builder("document.read")
                    .principal(new Principal("alice", AuthMethod.JWT, Map.of("roles", List.of("admin", "editor"))))
                    .resource("Document", "d-7").correlationId("req-1").outcome(Outcome.DENIED)
                    .put("http.request.method", "GET").put("http.route", "/documents/{id}")
                    .put("http.response.status_code", 403));
        }

        LogRecordData r = otel.records().get(0);
        assertThat(r.getSeverity()).isEqualTo(Severity.WARN);
        assertThat(r.getSeverityText()).isEqualTo("WARN");
        assertThat(r.getTimestampEpochNanos()).isEqualTo(event.timestamp().getEpochSecond() * 1_000_000_000L
                + event.timestamp().getNano());
        assertThat(r.getAttributes().get(AttributeKey.stringKey("user.id"))).isEqualTo("alice");
        assertThat(r.getAttributes().get(AttributeKey.stringArrayKey("user.roles"))).containsExactly("admin", "editor");
        assertThat(r.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("GET");
        assertThat(r.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/documents/{id}");
        assertThat(r.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(403L);
        assertThat(r.getAttributes().get(AttributeKey.stringKey("airlog.log_id"))).isEqualTo("bank");
        assertThat(r.getAttributes().get(AttributeKey.longKey("airlog.sequence"))).isEqualTo(1L);
        assertThat(r.getAttributes().get(AttributeKey.stringKey("airlog.event_id"))).isEqualTo(event.eventId().toString());
        assertThat(r.getAttributes().get(AttributeKey.stringKey("airlog.checksum"))).isEqualTo(event.checksum());
        assertThat(r.getAttributes().get(AttributeKey.stringKey("airlog.action"))).isEqualTo("document.read");
        assertThat(r.getAttributes().get(AttributeKey.stringKey("airlog.outcome"))).isEqualTo("DENIED");
        assertThat(r.getAttributes().get(AttributeKey.stringKey("airlog.resource_id"))).isEqualTo("d-7");
        assertThat(r.getAttributes().get(AttributeKey.stringKey("airlog.correlation_id"))).isEqualTo("req-1");
        assertThat(r.getAttributes().get(AttributeKey.stringKey("airlog.auth_method"))).isEqualTo("JWT");
    }

    @Test
    void severityFollowsTheOutcome() {
        assertThat(AuditLogRecords.severity(Outcome.SUCCESS)).isEqualTo(Severity.INFO);
        assertThat(AuditLogRecords.severity(Outcome.DENIED)).isEqualTo(Severity.WARN);
        assertThat(AuditLogRecords.severity(Outcome.FAILURE)).isEqualTo(Severity.ERROR);
    }

    @Test
    void theBodyIsTheEventsJsonLineAndVerifies() {
        AuditEvent event;
        try (OtelAuditStream stream = open("body.state")) {
            event = stream.record(AuditDraft.builder("x").put("amount", 12.5));
        }

        AuditEvent fromBody = EventJson.fromJson(otel.records().get(0).getBodyValue().asString());
        assertThat(fromBody).isEqualTo(event);
        assertThat(fromBody.verify()).isTrue();
    }

    @Test
    void theChainContinuesAcrossRestarts() {
        for (int run = 0; run < 2; run++) {
            try (OtelAuditStream stream = open("restart.state")) {
                stream.record(AuditDraft.builder("run"));
                stream.record(AuditDraft.builder("run"));
            }
        }

        List<AuditEvent> events = otel.records().stream()
                .map(r -> EventJson.fromJson(r.getBodyValue().asString())).toList();
        assertThat(events).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ChainVerifier.verify("bank", events).intact()).isTrue();
    }

    @Test
    void theTraceIdBecomesTheCorrelationIdWhenNoneIsSet() {
        Span span = otel.tracer().spanBuilder("call").startSpan();
        try (AuditStreamRegistry streams = new AuditStreamRegistry().register(open("correlation.state"));
             Scope scope = span.makeCurrent()) {
            AuditPipeline audit = AuditPipeline.builder("audit").use(new TraceCorrelation()).registry(streams)
                    .defaultStream("otel").build();

            assertThat(audit.record(AuditDraft.builder("implicit")).correlationId())
                    .isEqualTo(span.getSpanContext().getTraceId());
            assertThat(audit.record(AuditDraft.builder("explicit").correlationId("req-9")).correlationId())
                    .isEqualTo("req-9");
        } finally {
            span.end();
        }
    }

    @Test
    void outsideASpanThereIsNoTraceCorrelation() {
        assertThat(new TraceCorrelation().currentCorrelationId()).isNull();
    }
}
