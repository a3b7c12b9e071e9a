package io.airlog.slf4j;

import io.airlog.AuditEvent;
import io.airlog.Capability;
import io.airlog.encoding.EventJson;
import io.airlog.spi.ChainListener;
import io.airlog.spi.ChainStateFile;
import io.airlog.spi.EmittingAuditStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Writes a log through SLF4J: each sealed event is one JSON line (the format of
 * {@code docs/json-lines.md}, {@link EventJson}) logged at {@code INFO} on a logger (default
 * {@value #DEFAULT_LOGGER}) with a marker (default {@value #DEFAULT_MARKER}). Give that logger
 * an appender of its own whose pattern is the message and a newline (Logback:
 * {@code %msg%n}), and not additive: its file is then a JSON-lines audit file that
 * {@code io.airlog.stream.JsonLinesVerifier} verifies.
 *
 * <p><b>Across restarts</b> the chain continues from a {@link ChainStateFile} (required): the
 * head of the log, recorded before each event is logged. The appender's file is not read: it
 * belongs to the application's logging configuration (it may roll, be asynchronous, be remote).
 * See {@link ChainStateFile} for what a crash leaves behind (at most the last event missing
 * from the output, never a reused sequence) and {@link EmittingAuditStream} for the
 * {@link ChainListener} seam where a checkpointer plugs in.
 *
 * <p>An event is logged only if the logger is enabled for {@code INFO} with the marker; if it
 * is not, recording fails (the event would be lost silently), and so does opening the stream.
 * Safe for concurrent use; events reach SLF4J in sequence order.
 */
public final class Slf4jAuditStream extends EmittingAuditStream {
    /** The default logger name. */
    public static final String DEFAULT_LOGGER = "airlog.audit";
    /** The default marker name. */
    public static final String DEFAULT_MARKER = "AUDIT";

    private final Logger logger;
    private final Marker marker;

    private Slf4jAuditStream(String name, ChainStateFile state, List<ChainListener> listeners, Logger logger,
                             Marker marker) {
        super(name, state, listeners);
        this.logger = logger;
        this.marker = marker;
    }

    /**
     * Starts a stream of log {@code logId} whose head is kept in {@code stateFile}.
     *
     * @param stateFile the chain state file (created with its directories if absent)
     * @param logId the log
     * @return the builder
     */
    public static Builder builder(Path stateFile, String logId) {
        return new Builder(stateFile, logId);
    }

    @Override
    protected void emit(AuditEvent event) {
        if (!logger.isInfoEnabled(marker)) {
            throw new IllegalStateException(disabled(logger, marker));
        }
        logger.info(marker, "{}", EventJson.toJson(event));
    }

    private static String disabled(Logger logger, Marker marker) {
        return "logger '" + logger.getName() + "' does not log INFO with marker " + marker.getName()
                + ": audit events would be lost; enable it and give it an appender with the pattern %msg%n";
    }

    @Override
    protected void closeEmitter() {
        // the logging framework belongs to the application
    }

    /** None: what the logging framework does with a line (and whether it survives a crash) is its configuration's. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    /** Builds a {@link Slf4jAuditStream}. Not thread-safe. */
    public static final class Builder extends EmittingAuditStream.Builder<Builder> {
        private String loggerName = DEFAULT_LOGGER;
        private String markerName = DEFAULT_MARKER;

        private Builder(Path stateFile, String logId) {
            super(stateFile, logId);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The logger (default {@value Slf4jAuditStream#DEFAULT_LOGGER}). */
        public Builder logger(String logger) {
            this.loggerName = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** The marker (default {@value Slf4jAuditStream#DEFAULT_MARKER}). */
        public Builder marker(String marker) {
            this.markerName = Objects.requireNonNull(marker, "marker");
            return this;
        }

        /**
         * Opens the state file and returns the stream.
         *
         * @throws IllegalStateException if the logger does not log {@code INFO} with the
         *         marker, or the state file is in use, of another log or damaged
         * @throws java.io.UncheckedIOException if the state file cannot be opened
         */
        public Slf4jAuditStream build() {
            Logger logger = LoggerFactory.getLogger(loggerName);
            Marker marker = MarkerFactory.getMarker(markerName);
            if (!logger.isInfoEnabled(marker)) {
                throw new IllegalStateException(disabled(logger, marker));
            }
            return new Slf4jAuditStream(streamName(), openStateFile(), listeners(), logger, marker);
        }
    }
}
