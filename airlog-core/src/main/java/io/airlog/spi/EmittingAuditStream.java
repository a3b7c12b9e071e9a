package io.airlog.spi;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.StreamHealth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Base class of a stream that hands each sealed event to something airlog cannot read back
 * (a logging framework, an OpenTelemetry exporter) and keeps its chain going across restarts
 * in a {@link ChainStateFile}.
 *
 * <p>Under the log's sequencer, for each event: the state file records the event
 * (write-ahead), then {@link #emit} hands it on, then the {@linkplain ChainListener listeners}
 * are told (the seam where a checkpointer plugs in). If emitting fails, the state file is put
 * back to the previous event and the caller gets an {@code AuditException}: no sequence is
 * used. See {@link ChainStateFile} for what a crash can leave behind; when the previous run
 * did not close the state file, this stream logs a {@code WARNING} through
 * {@link System.Logger} (logger {@code io.airlog.spi.EmittingAuditStream}) naming the event
 * that may be missing from the output.
 */
public abstract class EmittingAuditStream extends SealingAuditStream {
    private static final System.Logger LOG = System.getLogger(EmittingAuditStream.class.getName());

    private final ChainStateFile state;
    private final List<ChainListener> listeners;
    private final AtomicLong listenerFailures = new AtomicLong();

    /**
     * @param name the stream's name
     * @param state the open state file of the log; this stream closes it
     * @param listeners told of every appended event, in order
     */
    protected EmittingAuditStream(String name, ChainStateFile state, List<ChainListener> listeners) {
        super(name, logIdOf(state), state.head());
        this.state = state;
        this.listeners = List.copyOf(listeners);
        if (!state.closedCleanly()) {
            ChainPosition head = state.head();
            LOG.log(Level.WARNING, () -> "audit stream '" + name + "' (log '" + logId() + "'): the previous writer did"
                    + " not close chain state file " + state.file() + ". If it stopped while emitting sequence "
                    + head.size() + " (event id " + state.lastEventId() + "), that event is missing from the output;"
                    + " the chain continues at sequence " + head.nextSequence());
        }
    }

    private static String logIdOf(ChainStateFile state) {
        return Objects.requireNonNull(state, "state").logId();
    }

    @Override
    protected final void store(AuditEvent event) throws Exception {
        state.sealed(event);
        try {
            emit(event);
        } catch (Exception e) {
            try {
                state.unsealed(new ChainPosition(event.sequence() - 1, event.previousChecksum()));
            } catch (IOException stateFailure) {
                e.addSuppressed(stateFailure);
            }
            throw e;
        }
        for (ChainListener listener : listeners) {
            try {
                listener.appended(event);
            } catch (RuntimeException e) {
                listenerFailures.incrementAndGet();
                LOG.log(Level.WARNING, () -> "audit stream '" + name() + "': chain listener "
                        + listener.getClass().getName() + " failed on sequence " + event.sequence()
                        + "; the event stays appended", e);
            }
        }
    }

    /**
     * Hands a sealed event on; called under the sequencer, in sequence order. Throwing means
     * the event was not handed on.
     */
    protected abstract void emit(AuditEvent event) throws Exception;

    /** Releases what {@link #emit} uses; called once, under the sequencer, before the state file is closed. */
    protected abstract void closeEmitter();

    @Override
    protected final void closeStorage() {
        try {
            closeEmitter();
        } finally {
            state.close();
            ChainPosition head = state.head();
            for (ChainListener listener : listeners) {
                try {
                    listener.closed(head);
                } catch (RuntimeException e) {
                    listenerFailures.incrementAndGet();
                    LOG.log(Level.WARNING, () -> "audit stream '" + name() + "': chain listener "
                            + listener.getClass().getName() + " failed at close", e);
                }
            }
        }
    }

    /**
     * The settings every emitting stream has: its state file and log, name, state-file
     * durability and listeners. A subclass's builder extends it and adds its own.
     *
     * @param <B> the subclass's builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final Path stateFile;
        private final String logId;
        private final List<ChainListener> listeners = new ArrayList<>();
        private String name;
        private boolean fsync;

        /**
         * @param stateFile the chain state file (created with its directories if absent)
         * @param logId the log
         */
        protected Builder(Path stateFile, String logId) {
            this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
            this.logId = Objects.requireNonNull(logId, "logId");
        }

        /** This builder, typed as the subclass. */
        protected abstract B self();

        /** The stream's name (default: the log id). */
        public B name(String streamName) {
            this.name = Objects.requireNonNull(streamName, "name");
            return self();
        }

        /** Whether each write of the state file is forced to the device (default false: the operating system has it). */
        public B fsync(boolean force) {
            this.fsync = force;
            return self();
        }

        /** Adds a listener told of every appended event, in order (a checkpointer). */
        public B listener(ChainListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return self();
        }

        /** The stream's name. */
        protected String streamName() {
            return name == null ? logId : name;
        }

        /** The listeners. */
        protected List<ChainListener> listeners() {
            return listeners;
        }

        /** Opens the state file (see {@link ChainStateFile#open}). */
        protected ChainStateFile openStateFile() {
            return ChainStateFile.open(stateFile, logId, fsync);
        }
    }

    /** The stream's health; its detail counts failed listener calls, when there were any. */
    @Override
    public StreamHealth health() {
        StreamHealth base = super.health();
        long failures = listenerFailures.get();
        if (failures == 0) {
            return base;
        }
        return new StreamHealth(base.status(), base.recorded(), base.failed(), base.queued(),
                (base.detail().isEmpty() ? "" : base.detail() + "; ") + failures + " chain listener call(s) failed");
    }
}
