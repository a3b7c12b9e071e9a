/**
 * OpenTelemetry for airlog: the {@code otel} backend ({@link io.airlog.otel.OtelAuditStream},
 * one log record per sealed event through the logs bridge) and the trace id as correlation id
 * ({@link io.airlog.otel.TraceCorrelation}). Depends on opentelemetry-api only.
 */
package io.airlog.otel;
