package io.airlog.spi;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.stream.CheckpointLine;
import io.airlog.witness.WitnessPublisher;
import io.airlog.witness.WitnessStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The signed checkpoints of one stream's log: the Merkle tree of its events, when the next
 * checkpoint is due, and the witness it is published to. A stream that writes
 * {@linkplain CheckpointLine checkpoint lines} (the JSON-lines stream, the SLF4J stream) keeps
 * one: {@link #append} each stored event, and when {@link #due()}, write the line of
 * {@link #sign()} after the events it covers and then call {@link #written()}.
 *
 * <p>Used under the stream's sequencer only, except {@link #status()}, which any thread may
 * call.
 */
public final class TreeCheckpoints {
    private final NoteSigner signer;
    private final String origin;
    private final long intervalNanos;
    private final WitnessPublisher publisher;
    private TreeEdge edge;
    private volatile long signedSize;
    private volatile long signed;
    private volatile long signingNanos;
    private long lastSigned;
    private Checkpoint lastCheckpoint;
    private SignedNote lastNote;
    private ScheduledExecutorService timer;

    /**
     * @param signer signs the checkpoints
     * @param origin their origin line
     * @param interval the longest an event waits for its checkpoint; zero: after every event
     * @param publisher publishes them to the witness, or null; closed by {@link #close()}
     * @param edge the tree of the events stored so far
     * @param signedSize the tree size the last stored checkpoint covers
     */
    public TreeCheckpoints(NoteSigner signer, String origin, Duration interval, WitnessPublisher publisher,
                           TreeEdge edge, long signedSize) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.intervalNanos = interval.toNanos();
        this.publisher = publisher;
        this.edge = Objects.requireNonNull(edge, "edge");
        this.signedSize = signedSize;
        this.lastSigned = System.nanoTime();
    }

    /**
     * Runs {@code task} once per interval on a daemon thread named after the log, until
     * {@link #close()}; nothing when the interval is zero (checkpoints then follow every event).
     * The stream's task writes a checkpoint when one is {@link #due()}, under its sequencer.
     */
    public void everyInterval(String logId, Runnable task) {
        if (intervalNanos == 0 || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "airlog-checkpoints " + logId);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(task, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the task of {@link #everyInterval}, if any. */
    public void stopInterval() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Adds a stored event's checksum to the tree. */
    public void append(AuditEvent event) {
        edge = edge.append(Digest.fromHex(event.checksum()));
    }

    /** The tree of the events appended so far. */
    public TreeEdge edge() {
        return edge;
    }

    /** Puts the tree back to {@code earlier} (an event appended was not stored after all). */
    public void restore(TreeEdge earlier) {
        edge = Objects.requireNonNull(earlier, "earlier");
    }

    /** Whether events are not yet covered by a checkpoint. */
    public boolean unsigned() {
        return edge.size() > signedSize;
    }

    /** Whether a checkpoint is due now: unsigned events and the interval passed. */
    public boolean due() {
        return unsigned() && System.nanoTime() - lastSigned >= intervalNanos;
    }

    /** Signs the tree as it is and returns its line (to store, then {@link #written}). */
    public CheckpointLine sign() {
        long start = System.nanoTime();
        lastCheckpoint = Checkpoint.of(origin, edge);
        lastNote = signer.sign(lastCheckpoint);
        signingNanos += System.nanoTime() - start;
        signed++;
        return new CheckpointLine(lastNote.format(), edge.encode());
    }

    /** The line of the last {@link #sign} is stored: offers it to the witness. */
    public void written() {
        signedSize = lastCheckpoint.size();
        lastSigned = System.nanoTime();
        if (publisher != null) {
            publisher.offer(lastCheckpoint, lastNote);
        }
    }

    /** Whether a witness is published to (lines should reach the disk before they are offered). */
    public boolean witnessed() {
        return publisher != null;
    }

    /** The interval, zero meaning after every event. */
    public long intervalNanos() {
        return intervalNanos;
    }

    /** The tree size the last checkpoint covers. */
    public long signedSize() {
        return signedSize;
    }

    /** The state of the witness, if there is one. */
    public Optional<WitnessStatus> witnessStatus() {
        return publisher == null ? Optional.empty() : Optional.of(publisher.status());
    }

    /** The state now; read by any thread. */
    public CheckpointStatus status() {
        return new CheckpointStatus(signedSize, signed, Duration.ofNanos(signingNanos), witnessStatus());
    }

    /**
     * Stops the interval's task, publishes the last checkpoint and stops the publisher.
     *
     * @throws java.io.UncheckedIOException if the last checkpoint could not be published
     */
    public void close() {
        stopInterval();
        if (publisher != null) {
            publisher.close();
        }
    }
}
