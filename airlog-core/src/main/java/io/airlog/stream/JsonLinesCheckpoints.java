package io.airlog.stream;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.CheckpointStatus;
import io.airlog.witness.WitnessPublisher;
import io.airlog.witness.WitnessStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * The signed checkpoints of one JSON-lines stream: the Merkle tree of its events, when the
 * next checkpoint line is due, and the witness it is published to. Used under the stream's
 * sequencer only.
 */
final class JsonLinesCheckpoints {
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

    JsonLinesCheckpoints(NoteSigner signer, String origin, Duration interval, WitnessPublisher publisher,
                         TreeEdge edge, long signedSize) {
        this.signer = signer;
        this.origin = origin;
        this.intervalNanos = interval.toNanos();
        this.publisher = publisher;
        this.edge = edge;
        this.signedSize = signedSize;
        this.lastSigned = System.nanoTime();
    }

    /** Adds a stored event's checksum to the tree. */
    void append(AuditEvent event) {
        edge = edge.append(Digest.fromHex(event.checksum()));
    }

    /** Whether events are not yet covered by a checkpoint line. */
    boolean unsigned() {
        return edge.size() > signedSize;
    }

    /** Whether a checkpoint line is due now: unsigned events and the interval passed. */
    boolean due() {
        return unsigned() && System.nanoTime() - lastSigned >= intervalNanos;
    }

    /** Signs the tree as it is and returns its line (to write, then {@link #written}). */
    CheckpointLine sign() {
        long start = System.nanoTime();
        lastCheckpoint = Checkpoint.of(origin, edge);
        lastNote = signer.sign(lastCheckpoint);
        signingNanos += System.nanoTime() - start;
        signed++;
        return new CheckpointLine(lastNote.format(), edge.encode());
    }

    /** The line of the last {@link #sign} is stored: offers it to the witness. */
    void written() {
        signedSize = lastCheckpoint.size();
        lastSigned = System.nanoTime();
        if (publisher != null) {
            publisher.offer(lastCheckpoint, lastNote);
        }
    }

    /** Whether a witness is published to (lines are then forced to the disk first). */
    boolean witnessed() {
        return publisher != null;
    }

    /** The interval, zero meaning after every event. */
    long intervalNanos() {
        return intervalNanos;
    }

    /** The tree size the last checkpoint line covers. */
    long signedSize() {
        return signedSize;
    }

    Optional<WitnessStatus> witnessStatus() {
        return publisher == null ? Optional.empty() : Optional.of(publisher.status());
    }

    /** The state now; read by any thread. */
    CheckpointStatus status() {
        return new CheckpointStatus(signedSize, signed, Duration.ofNanos(signingNanos), witnessStatus());
    }

    /** Publishes the last checkpoint and stops the publisher. */
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }
}
