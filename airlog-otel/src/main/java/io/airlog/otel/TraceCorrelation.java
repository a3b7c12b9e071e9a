package io.airlog.otel;

import io.airlog.AuditDraft;
import io.airlog.pipeline.AuditMiddleware;
import io.airlog.spi.CorrelationSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The trace id of the current span as correlation id, when nothing else set one. airlog-cdi
 * finds it through {@link java.util.ServiceLoader} as a {@link CorrelationSource}; in plain
 * Java, put it in a pipeline as {@link AuditMiddleware}: a draft without a correlation id gets
 * the trace id of the span current on the recording thread.
 */
public final class TraceCorrelation implements CorrelationSource, AuditMiddleware {
    /** For {@link java.util.ServiceLoader}. */
    public TraceCorrelation() {
    }

    /** The trace id (32 lower-case hex digits) of the current span, or null when no valid span is current. */
    @Override
    public String currentCorrelationId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    @Override
    public AuditDraft apply(AuditDraft draft) {
        if (draft.correlationId() != null) {
            return draft;
        }
        String traceId = currentCorrelationId();
        return traceId == null ? draft : draft.withCorrelationId(traceId);
    }
}
