package io.airlog.otel;

import io.airlog.spi.AuditBackend;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code otel} backend ({@code airlog.backend=otel}): an {@link OtelAuditStream} on the
 * application's {@link OpenTelemetry} (a CDI bean of that type when the container has exactly
 * one, else {@link GlobalOpenTelemetry}), with {@code airlog.otel.state-file} (required) and
 * {@code state-fsync}. Found through {@link java.util.ServiceLoader}.
 */
public final class OtelBackendProvider implements AuditBackendProvider {
    /** For {@link java.util.ServiceLoader}. */
    public OtelBackendProvider() {
    }

    @Override
    public String name() {
        return "otel";
    }

    @Override
    public List<String> keys() {
        return List.of("state-file", "state-fsync");
    }

    @Override
    public AuditBackend open(BackendContext context) {
        Path stateFile = Path.of(context.settings().required("state-file", "the otel backend (it keeps the head of"
                + " the chain there, so that the chain continues when the application restarts)"));
        context.claimFile("state-file", stateFile);
        OpenTelemetry openTelemetry = context.lookup(OpenTelemetry.class).orElseGet(GlobalOpenTelemetry::get);
        OtelAuditStream stream = OtelAuditStream.builder(openTelemetry, stateFile, context.logId())
                .name(context.streamName()).fsync(context.settings().bool("state-fsync", false)).build();
        return AuditBackend.unverifiable(stream, "log '" + context.logId()
                + "' goes to OpenTelemetry log records, which airlog cannot read back");
    }
}
