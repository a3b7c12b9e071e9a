package io.airlog.otel;

import io.airlog.AuditEvent;
import io.airlog.Capability;
import io.airlog.spi.ChainListener;
import io.airlog.spi.ChainStateFile;
import io.airlog.spi.EmittingAuditStream;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Logger;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Emits every sealed event as an OpenTelemetry log record through the logs bridge
 * ({@link AuditLogRecords} says how), on the instrumentation scope {@value #SCOPE}. The
 * record is emitted on the recording thread, in its context: it carries the trace and span
 * of the span around the audited call.
 *
 * <p>The stream owns a log like any other: it seals each event, and its chain continues
 * across restarts from a {@link ChainStateFile} (write-ahead; see there what a crash can leave).
 * What happens to a record after {@code emit()} (batching, export, retries, drops) is the
 * OpenTelemetry SDK's: airlog cannot read it back, so use this stream as a best-effort fan-out
 * copy of a log that can be verified (see {@code docs/backends.md}). Safe for concurrent use.
 */
public final class OtelAuditStream extends EmittingAuditStream {
    /** The instrumentation scope of airlog's log records. */
    public static final String SCOPE = "io.airlog";

    private final Logger logger;

    private OtelAuditStream(String name, ChainStateFile state, List<ChainListener> listeners, Logger logger) {
        super(name, state, listeners);
        this.logger = logger;
    }

    /**
     * Starts a stream of log {@code logId} whose head is kept in {@code stateFile}.
     *
     * @param openTelemetry where the log records go
     * @param stateFile the chain state file
     * @param logId the log
     * @return the builder
     */
    public static Builder builder(OpenTelemetry openTelemetry, Path stateFile, String logId) {
        return new Builder(openTelemetry, stateFile, logId);
    }

    @Override
    protected void emit(AuditEvent event) {
        AuditLogRecords.emit(logger, event);
    }

    @Override
    protected void closeEmitter() {
        // the OpenTelemetry SDK belongs to the application
    }

    /** None: the SDK decides what becomes of a record. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    /** Builds an {@link OtelAuditStream}. Not thread-safe. */
    public static final class Builder extends EmittingAuditStream.Builder<Builder> {
        private final OpenTelemetry openTelemetry;

        private Builder(OpenTelemetry openTelemetry, Path stateFile, String logId) {
            super(stateFile, logId);
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Opens the state file and returns the stream. */
        public OtelAuditStream build() {
            Logger logger = openTelemetry.getLogsBridge().get(SCOPE);
            return new OtelAuditStream(streamName(), openStateFile(), listeners(), logger);
        }
    }
}
