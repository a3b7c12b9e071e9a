package io.airlog.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;

/** An OpenTelemetry SDK whose log records are exported to memory as soon as they are emitted. */
public final class OtelSdk implements AutoCloseable {
    private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setLoggerProvider(SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build())
            .setTracerProvider(SdkTracerProvider.builder().build())
            .build();

    /** The SDK. */
    public OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** A tracer of the SDK. */
    public Tracer tracer() {
        return sdk.getTracer("airlog-test");
    }

    /** The records exported so far. */
    public List<LogRecordData> records() {
        return exporter.getFinishedLogRecordItems();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
