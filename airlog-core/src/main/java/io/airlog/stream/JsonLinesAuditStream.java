package io.airlog.stream;

import io.airlog.AuditEvent;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.StreamHealth;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.encoding.EventJson;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.CheckpointStatus;
import io.airlog.spi.CheckpointWitness;
import io.airlog.spi.CheckpointingStream;
import io.airlog.spi.SealingAuditStream;
import io.airlog.spi.TreeCheckpoints;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import io.airlog.witness.WitnessPublisher;
import io.airlog.witness.WitnessStatus;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a log as JSON lines (one {@linkplain EventJson event object} per line, UTF-8, "\n")
 * to a file, any {@link Writer} or {@link OutputStream}, or standard output — never through
 * the application's logging framework.
 *
 * <p><b>Files.</b> The file is opened for appending. When it already holds events, the
 * stream continues their chain: it reads the last line, checks that it is a complete event of
 * the same log whose checksum verifies, and seals the next event after it. A file that ends
 * in a partial line (a crash in mid-write) or whose last event is damaged is refused with an
 * error naming the file: airlog never repairs or truncates an audit file by itself. Only one
 * stream (in one JVM) may write a file at a time. Durability follows
 * {@link JsonLinesDurability} (default {@link JsonLinesDurability#FLUSH}).
 *
 * <p><b>Signed checkpoints.</b> A file stream made by {@link #builder} with a signer also
 * writes {@linkplain CheckpointLine checkpoint lines}: the signed C2SP checkpoint of the log's
 * Merkle tree after the events it covers, at most one checkpoint interval after an event and at
 * close, published to a witness if one is set; and it checks the end of an existing file before
 * appending to it. See {@code docs/json-lines.md} and {@code docs/checkpoints.md}.
 *
 * <p>The stream is named after its log ({@link #name()} equals the log id).
 *
 * <p><b>Failures.</b> If a write fails, the event is not acknowledged (the caller gets an
 * {@code AuditException}) and the stream stops accepting events (health DOWN): the file may
 * end in a partial line that a person must look at. Nothing written before is touched. A
 * witness later than its window makes the stream DEGRADED, naming the witness: events are
 * still stored and signed, and the publisher keeps retrying.
 */
public final class JsonLinesAuditStream extends SealingAuditStream implements CheckpointingStream {
    private final Writer out;
    private final FileChannel channel;
    private final boolean closeTarget;
    private final JsonLinesDurability durability;
    private final TreeCheckpoints checkpoints;
    private final VerificationReport openingCheck;
    private volatile IOException failure;

    private JsonLinesAuditStream(String name, String logId, ChainPosition head, Writer out, FileChannel channel,
                                 boolean closeTarget, JsonLinesDurability durability) {
        this(name, logId, head, out, channel, closeTarget, durability, null, null);
    }

    private JsonLinesAuditStream(String name, String logId, ChainPosition head, Writer out, FileChannel channel,
                                 boolean closeTarget, JsonLinesDurability durability, TreeCheckpoints checkpoints,
                                 VerificationReport openingCheck) {
        super(name, logId, head);
        this.out = out;
        this.channel = channel;
        this.closeTarget = closeTarget;
        this.durability = durability;
        this.checkpoints = checkpoints;
        this.openingCheck = openingCheck;
        if (checkpoints != null) {
            checkpoints.everyInterval(logId, this::checkpointIfDue);
        }
    }

    /**
     * Appends to a file, continuing the chain already in it.
     *
     * @param file the file (created if absent, with its parent directories)
     * @param logId the log; an existing file must hold this log
     * @param durability when lines reach the disk
     * @throws UncheckedIOException if the file cannot be opened or read
     * @throws IllegalStateException if the file ends in a partial line, or its last event is
     *         damaged or of another log
     */
    public static JsonLinesAuditStream toFile(Path file, String logId, JsonLinesDurability durability) {
        Objects.requireNonNull(durability, "durability");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            ChainPosition head = JsonLinesReader.lastPosition(file, logId);
            FileOutputStream stream = new FileOutputStream(file.toFile(), true);
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            return new JsonLinesAuditStream(logId, logId, head, writer, stream.getChannel(),
                    true, durability);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open audit file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends to a file with {@link JsonLinesDurability#FLUSH}. */
    public static JsonLinesAuditStream toFile(Path file, String logId) {
        return toFile(file, logId, JsonLinesDurability.FLUSH);
    }

    /**
     * Settings for a file stream, with signed checkpoint lines and a witness:
     * {@code JsonLinesAuditStream.builder(path, "app").signer(signer).witnessFile(w).build()}.
     */
    public static Builder builder(Path file, String logId) {
        return new Builder(file, logId);
    }

    /**
     * The settings of a file stream. With a {@linkplain #signer signer} the stream writes a
     * {@linkplain CheckpointLine checkpoint line} (the signed C2SP checkpoint of the log's
     * Merkle tree and its tree edge) after the events it covers: at the latest one
     * {@linkplain #checkpointInterval interval} after an event (default one second; zero: after
     * every event) and when it closes. With a witness, each checkpoint line is forced to the
     * disk and then published within the {@linkplain #witnessWindow window}.
     *
     * <p>Opening a file that holds events checks it first: from its newest checkpoint line that
     * the signer's key (or another {@linkplain #trustedKeys trusted key}) signed, and that is
     * not newer than the witness's checkpoint, to its end. A file that fails (altered lines,
     * a checkpoint that does not match, behind or inconsistent with its witness) is refused:
     * the stream never builds on damage.
     */
    public static final class Builder {
        private final Path file;
        private final String logId;
        private JsonLinesDurability durability = JsonLinesDurability.FLUSH;
        private NoteSigner signer;
        private String origin;
        private Duration interval = Duration.ofSeconds(1);
        private TrustedKeys trustedKeys = TrustedKeys.none();
        private CheckpointWitness witness;
        private Path witnessFile;
        private Duration witnessWindow = WitnessPublisher.DEFAULT_WINDOW;

        private Builder(Path file, String logId) {
            this.file = Objects.requireNonNull(file, "file");
            this.logId = Objects.requireNonNull(logId, "logId");
        }

        /** When lines reach the disk (default {@link JsonLinesDurability#FLUSH}). */
        public Builder durability(JsonLinesDurability durability) {
            this.durability = Objects.requireNonNull(durability, "durability");
            return this;
        }

        /** Signs checkpoint lines with this key (default: no checkpoints). */
        public Builder signer(NoteSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /** The origin line of the checkpoints (default {@link Checkpoint#defaultOrigin}). */
        public Builder origin(String origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * The longest time an event waits for its checkpoint line (default one second); zero
         * writes one after every event.
         */
        public Builder checkpointInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("the checkpoint interval must not be negative: " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** Keys trusted besides the signer's, for checkpoint lines signed before a key rotation. */
        public Builder trustedKeys(TrustedKeys keys) {
            this.trustedKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Publishes checkpoints to this witness (closed with the stream). */
        public Builder witness(CheckpointWitness witness) {
            this.witness = Objects.requireNonNull(witness, "witness");
            return this;
        }

        /**
         * Publishes checkpoints to a {@link FileWitness} at {@code file}, created by {@link #build()}
         * if absent once the file's check passed (a witness removed from under a file with signed
         * checkpoints fails that check and is not created again).
         */
        public Builder witnessFile(Path file) {
            this.witnessFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** How soon a checkpoint reaches the witness (default one second). */
        public Builder witnessWindow(Duration window) {
            this.witnessWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Opens the file and starts the stream.
         *
         * @throws UncheckedIOException if the file or the witness cannot be opened or read
         * @throws IllegalStateException if the file fails its check (see {@link Builder})
         * @throws IllegalArgumentException if a witness is given without a signer
         */
        public JsonLinesAuditStream build() {
            if (signer == null) {
                if (witness != null || witnessFile != null) {
                    throw new IllegalArgumentException("a witness needs signed checkpoints: set a signer");
                }
                return toFile(file, logId, durability);
            }
            String o = origin != null ? origin : Checkpoint.defaultOrigin(logId);
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                // An absent witness file is created only after the checks: a file removed from under
                // a log with signed checkpoints fails them (WITNESS_MISSING), it is never replaced.
                CheckpointWitness w = witness != null ? witness : witnessFile != null ? FileWitness.open(witnessFile, o)
                        : null;
                TrustedKeys keys = TrustedKeys.of(signer.verifierKey()).and(trustedKeys);
                boolean existing = Files.exists(file) && Files.size(file) > 0;
                WitnessSnapshot snapshot = w == null ? null : w.read();
                JsonLinesVerifier.Tail tail = existing ? check(o, keys, snapshot) : null;
                if (!existing && snapshot != null) {
                    checkNothingWitnessed(o, keys, snapshot);
                }
                if (witness == null && witnessFile != null) {
                    w = FileWitness.create(witnessFile, o);
                }
                ChainPosition head = tail == null ? ChainPosition.EMPTY : tail.report().end();
                TreeEdge edge = tail == null ? TreeEdge.empty() : tail.edge();
                long signed = tail == null ? 0 : tail.report().anchors().signedSize();
                FileOutputStream stream = new FileOutputStream(file.toFile(), true);
                Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                WitnessPublisher publisher = w == null ? null : new WitnessPublisher(w, witnessWindow);
                TreeCheckpoints checkpoints = new TreeCheckpoints(signer, o, interval, publisher, edge, signed);
                JsonLinesAuditStream s = new JsonLinesAuditStream(logId, logId, head, writer, stream.getChannel(), true,
                        durability, checkpoints, tail == null ? null : tail.report());
                if (tail != null && (checkpoints.unsigned() || !tail.report().notices().isEmpty())) {
                    signNow(s);
                }
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open audit file " + file + ": " + e.getMessage(), e);
            }
        }

        /** Signs and publishes the tree as found when the file was opened; closes the stream if that fails. */
        private void signNow(JsonLinesAuditStream s) {
            try {
                s.underSequencer(() -> {
                    try {
                        s.writeCheckpoint();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write a checkpoint line to " + file + ": "
                                + e.getMessage(), e);
                    }
                    return null;
                });
            } catch (UncheckedIOException e) {
                try {
                    s.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        /**
         * A new or empty file whose witness holds checkpoints: the file was removed or emptied,
         * and a new log must not be started in its place.
         */
        private void checkNothingWitnessed(String o, TrustedKeys keys, WitnessSnapshot snapshot) {
            CheckpointVerifier.Findings findings = CheckpointVerifier.builder(logId).origin(o).trustedKeys(keys)
                    .witness(snapshot).build().finish();
            if (!findings.damages().isEmpty()) {
                throw new IllegalStateException("audit file " + file + " is missing or empty, but " + findings.damages()
                        .get(0).detail() + "; a new log is not started in its place");
            }
        }

        private JsonLinesVerifier.Tail check(String o, TrustedKeys keys, WitnessSnapshot snapshot) {
            JsonLinesVerifier.Tail tail = JsonLinesVerifier.verifyTail(file, logId, o, keys, snapshot);
            if (!tail.report().intact()) {
                CheckpointVerifier.Builder checks = CheckpointVerifier.builder(logId).origin(o).trustedKeys(keys);
                if (snapshot != null) {
                    checks.witness(snapshot);
                }
                VerificationReport full = JsonLinesVerifier.verify(file, checks);
                VerificationReport shown = full.intact() ? tail.report() : full;
                StringBuilder message = new StringBuilder("audit file " + file
                        + " fails its check and is not appended to: " + shown.summary());
                shown.damages().stream().limit(10).forEach(d -> message.append("\n  ").append(d));
                throw new IllegalStateException(message.toString());
            }
            return tail;
        }
    }

    /**
     * Writes a new log to a writer, flushing after each line. The writer is not closed by
     * {@link #close()} unless {@code closeWriter} is true.
     */
    public static JsonLinesAuditStream toWriter(Writer writer, String logId, boolean closeWriter) {
        return new JsonLinesAuditStream(logId, logId, ChainPosition.EMPTY, Objects.requireNonNull(writer, "writer"),
                null, closeWriter, JsonLinesDurability.FLUSH);
    }

    /** Writes a new log to an output stream as UTF-8, flushing after each line. */
    public static JsonLinesAuditStream toOutputStream(OutputStream stream, String logId, boolean closeStream) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        return new JsonLinesAuditStream(logId, logId, ChainPosition.EMPTY, writer, null, closeStream,
                JsonLinesDurability.FLUSH);
    }

    /** Writes a new log to standard output (which is flushed, never closed). */
    public static JsonLinesAuditStream toStdout(String logId) {
        return toOutputStream(System.out, logId, false);
    }

    @Override
    protected void store(AuditEvent event) throws IOException {
        IOException earlier = failure;
        if (earlier != null) {
            throw new IOException("the stream stopped after an earlier write failure: " + earlier.getMessage(),
                    earlier);
        }
        try {
            out.write(EventJson.toJson(event));
            out.write('\n');
            if (checkpoints != null) {
                checkpoints.append(event);
                if (checkpoints.due()) {
                    writeCheckpoint();
                    return;
                }
            }
            if (durability != JsonLinesDurability.BUFFERED) {
                out.flush();
            }
            if (durability == JsonLinesDurability.FSYNC && channel != null) {
                channel.force(false);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Writes a checkpoint line for events the interval left unsigned; run by the timer under the sequencer. */
    private void checkpointIfDue() {
        underSequencer(() -> {
            if (!isClosed() && failure == null && checkpoints.due()) {
                try {
                    writeCheckpoint();
                } catch (IOException | RuntimeException e) {
                    failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
            return null;
        });
    }

    /**
     * Writes a checkpoint line of the tree as it is, flushed with the lines before it, and
     * forced to the disk when witnessed or FSYNC; then offers it to the witness.
     */
    private void writeCheckpoint() throws IOException {
        out.write(checkpoints.sign().toJson());
        out.write('\n');
        out.flush();
        if (channel != null && (durability == JsonLinesDurability.FSYNC || checkpoints.witnessed())) {
            channel.force(false);
        }
        checkpoints.written();
    }

    @Override
    protected void closeStorage() {
        if (checkpoints != null) {
            checkpoints.stopInterval();
        }
        try {
            if (checkpoints != null && failure == null && checkpoints.unsigned()) {
                writeCheckpoint();
            }
            out.flush();
            if (channel != null && durability != JsonLinesDurability.BUFFERED) {
                channel.force(false);
            }
            if (closeTarget) {
                out.close();
            }
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException("could not close audit stream '" + name() + "': " + e.getMessage(), e);
        } finally {
            if (checkpoints != null) {
                checkpoints.close();
            }
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return channel != null && durability != JsonLinesDurability.BUFFERED ? EnumSet.of(Capability.DURABLE)
                : EnumSet.noneOf(Capability.class);
    }

    @Override
    public StreamHealth health() {
        StreamHealth base = super.health();
        IOException f = failure;
        if (f != null) {
            return new StreamHealth(StreamHealth.Status.DOWN, base.recorded(), base.failed(), 0,
                    "write failed: " + f.getMessage());
        }
        Optional<WitnessStatus> witness = witnessStatus();
        if (base.up() && witness.isPresent() && witness.get().behind()) {
            WitnessStatus w = witness.get();
            return new StreamHealth(base.status().worse(StreamHealth.Status.DEGRADED), base.recorded(), base.failed(),
                    0, "the witness " + w.location() + " is " + w.lag().toMillis() + " ms behind (window " + w.window().toMillis() + " ms)"
                    + (w.lastError().isEmpty() ? "" : ": " + w.lastError()));
        }
        return base;
    }

    /** The state of its checkpoints and witness; empty for a stream without signer. */
    @Override
    public Optional<CheckpointStatus> checkpointStatus() {
        return checkpoints == null ? Optional.empty() : Optional.of(checkpoints.status());
    }

    /** The state of the witness this stream publishes to, if any. */
    public Optional<WitnessStatus> witnessStatus() {
        return checkpoints == null ? Optional.empty() : checkpoints.witnessStatus();
    }

    /**
     * What the check of the existing file found when a stream with a signer opened it (empty
     * for a new file or a stream without signer): an intact report, whose notices say whether
     * the file ended in events no checkpoint line covered (they are signed now; see
     * {@code docs/json-lines.md}) or its witness was behind.
     */
    public Optional<VerificationReport> openingCheck() {
        return Optional.ofNullable(openingCheck);
    }
}
