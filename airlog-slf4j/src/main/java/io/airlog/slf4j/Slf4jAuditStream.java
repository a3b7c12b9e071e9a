package io.airlog.slf4j;

import io.airlog.AuditEvent;
import io.airlog.Capability;
import io.airlog.StreamHealth;
import io.airlog.encoding.EventJson;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.ChainListener;
import io.airlog.spi.ChainStateFile;
import io.airlog.spi.CheckpointSettings;
import io.airlog.spi.CheckpointStatus;
import io.airlog.spi.CheckpointingStream;
import io.airlog.spi.EmittingAuditStream;
import io.airlog.spi.TreeCheckpoints;
import io.airlog.spi.TreeStateFile;
import io.airlog.stream.CheckpointLine;
import io.airlog.witness.WitnessStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * <p><b>Signed checkpoints.</b> With {@link Builder#checkpoints} the stream also logs
 * checkpoint lines, {@code {"checkpoint":"<signed note>","edge":"<tree edge>"}}, the lines of
 * {@code docs/json-lines.md}: at the latest one interval after an event and at close, published
 * to the witness after they are logged. The appender's file then verifies with
 * {@code JsonLinesVerifier} and the keys and witness, like a JSON-lines file. The tree is kept
 * in a {@link TreeStateFile} next to the state file ({@code <state file>.tree}), written before
 * each event is logged; at start it must continue the chain state and reach the witness's
 * newest checkpoint, else the stream refuses to open. With a witness, use a synchronous
 * appender that writes each line through (Logback's {@code FileAppender} does), so the witness
 * never holds a checkpoint the file lacks.
 *
 * <p>An event is logged only if the logger is enabled for {@code INFO} with the marker; if it
 * is not, recording fails (the event would be lost silently), and so does opening the stream.
 * Safe for concurrent use; events reach SLF4J in sequence order.
 */
public final class Slf4jAuditStream extends EmittingAuditStream implements CheckpointingStream {
    /** The default logger name. */
    public static final String DEFAULT_LOGGER = "airlog.audit";
    /** The default marker name. */
    public static final String DEFAULT_MARKER = "AUDIT";

    private final Logger logger;
    private final Marker marker;
    private final TreeCheckpoints checkpoints;
    private final TreeStateFile tree;
    private volatile String checkpointFailure = "";

    private Slf4jAuditStream(String name, ChainStateFile state, List<ChainListener> listeners, Logger logger,
                             Marker marker, TreeCheckpoints checkpoints, TreeStateFile tree) {
        super(name, state, listeners);
        this.logger = logger;
        this.marker = marker;
        this.checkpoints = checkpoints;
        this.tree = tree;
        if (checkpoints != null) {
            checkpoints.everyInterval(logId(), this::checkpointIfDue);
        }
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
    protected void emit(AuditEvent event) throws IOException {
        if (!logger.isInfoEnabled(marker)) {
            throw new IllegalStateException(disabled(logger, marker));
        }
        if (checkpoints == null) {
            logger.info(marker, "{}", EventJson.toJson(event));
            return;
        }
        TreeEdge before = checkpoints.edge();
        checkpoints.append(event);
        try {
            tree.write(checkpoints.edge(), checkpoints.signedSize());
            logger.info(marker, "{}", EventJson.toJson(event));
        } catch (IOException | RuntimeException e) {
            checkpoints.restore(before);
            try {
                tree.write(before, checkpoints.signedSize());
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        if (checkpoints.due()) {
            writeCheckpoint();
        }
    }

    /** Logs a checkpoint line for events the interval left unsigned; run by the timer. */
    private void checkpointIfDue() {
        underSequencer(() -> {
            if (!isClosed() && checkpoints.due()) {
                writeCheckpoint();
            }
            return null;
        });
    }

    /**
     * Logs a checkpoint line of the tree as it is, then offers it to the witness and records
     * the size signed. A failure leaves the events unsigned (retried when the next one is due)
     * and the stream DEGRADED; the events stay logged.
     */
    private void writeCheckpoint() {
        try {
            CheckpointLine line = checkpoints.sign();
            logger.info(marker, "{}", line.toJson());
            checkpoints.written();
            tree.write(checkpoints.edge(), checkpoints.signedSize());
            checkpointFailure = "";
        } catch (IOException | RuntimeException e) {
            checkpointFailure = "a checkpoint could not be written: " + e.getMessage();
        }
    }

    private static String disabled(Logger logger, Marker marker) {
        return "logger '" + logger.getName() + "' does not log INFO with marker " + marker.getName()
                + ": audit events would be lost; enable it and give it an appender with the pattern %msg%n";
    }

    /** Logs the last checkpoint and closes the tree state file; the logging framework belongs to the application. */
    @Override
    protected void closeEmitter() {
        if (checkpoints == null) {
            return;
        }
        checkpoints.stopInterval();
        try {
            if (checkpoints.unsigned()) {
                writeCheckpoint();
            }
        } finally {
            try {
                tree.close();
            } finally {
                checkpoints.close();
            }
        }
    }

    /** The state of its checkpoints and witness; empty when it signs none. */
    @Override
    public Optional<CheckpointStatus> checkpointStatus() {
        return checkpoints == null ? Optional.empty() : Optional.of(checkpoints.status());
    }

    /**
     * The base health; DEGRADED while the witness is later than its window or a checkpoint
     * could not be written (events are still logged), naming what.
     */
    @Override
    public StreamHealth health() {
        StreamHealth base = super.health();
        if (checkpoints == null || !base.up()) {
            return base;
        }
        String problem = checkpointFailure;
        Optional<WitnessStatus> witness = checkpoints.witnessStatus();
        if (problem.isEmpty() && witness.isPresent() && witness.get().behind()) {
            WitnessStatus w = witness.get();
            problem = "the witness " + w.location() + " is " + w.lag().toMillis() + " ms behind (window "
                    + w.window().toMillis() + " ms)" + (w.lastError().isEmpty() ? "" : ": " + w.lastError());
        }
        if (problem.isEmpty()) {
            return base;
        }
        return new StreamHealth(base.status().worse(StreamHealth.Status.DEGRADED), base.recorded(), base.failed(),
                base.queued(), base.detail().isEmpty() ? problem : base.detail() + "; " + problem);
    }

    /** None: what the logging framework does with a line (and whether it survives a crash) is its configuration's. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    /** Builds a {@link Slf4jAuditStream}. Not thread-safe. */
    public static final class Builder extends EmittingAuditStream.Builder<Builder> {
        private final Path stateFile;
        private final String logId;
        private String loggerName = DEFAULT_LOGGER;
        private String markerName = DEFAULT_MARKER;
        private CheckpointSettings checkpoints;
        private boolean fsync;

        private Builder(Path stateFile, String logId) {
            super(stateFile, logId);
            this.stateFile = stateFile;
            this.logId = logId;
        }

        @Override
        public Builder fsync(boolean force) {
            this.fsync = force;
            return super.fsync(force);
        }

        /**
         * Logs signed checkpoint lines with these settings and publishes them to their witness
         * (default: none). The tree is kept in {@code <state file>.tree}.
         */
        public Builder checkpoints(CheckpointSettings settings) {
            this.checkpoints = Objects.requireNonNull(settings, "checkpoints");
            return this;
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
         *         marker, or the state file is in use, of another log or damaged; with
         *         checkpoints, also if the tree state does not continue the chain or the witness
         *         holds a checkpoint the state files do not reach
         * @throws java.io.UncheckedIOException if a state file or the witness cannot be opened
         */
        public Slf4jAuditStream build() {
            Logger logger = LoggerFactory.getLogger(loggerName);
            Marker marker = MarkerFactory.getMarker(markerName);
            if (!logger.isInfoEnabled(marker)) {
                throw new IllegalStateException(disabled(logger, marker));
            }
            ChainStateFile state = openStateFile();
            if (checkpoints == null) {
                return new Slf4jAuditStream(streamName(), state, listeners(), logger, marker, null, null);
            }
            TreeCheckpoints signing;
            TreeStateFile tree;
            try {
                tree = TreeStateFile.open(Slf4jCheckpoints.treeFile(stateFile), logId, fsync);
                signing = Slf4jCheckpoints.open(checkpoints, tree, state.head(), logId);
            } catch (RuntimeException e) {
                state.close();
                throw e;
            }
            Slf4jAuditStream stream = new Slf4jAuditStream(streamName(), state, listeners(), logger, marker, signing,
                    tree);
            if (signing.unsigned()) {
                stream.underSequencer(() -> {
                    stream.writeCheckpoint();
                    return null;
                });
            }
            return stream;
        }
    }
}
