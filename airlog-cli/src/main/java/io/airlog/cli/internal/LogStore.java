package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.LeafSource;
import io.airlog.verify.LogSource;
import io.airlog.verify.VerificationReport;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One stored copy of a log, as the commands read it: a JSON-lines file ({@link FileStore}) or a
 * log in a database ({@link DatabaseStore}). Reads that a proof or an export builds on are
 * strict: a gap, a record that cannot be read or an event out of place ends them with an
 * {@link io.airlog.AuditIntegrityException} naming where (exit 1), never a proof over a damaged
 * store. {@link #verify} and {@link #source} report damage instead of stopping at it.
 */
interface LogStore extends AutoCloseable {

    /** The log. */
    String logId();

    /** The store in messages and reports: a file name, or the database URL and log. */
    String label();

    /** Whether the store is a database (else a file). */
    boolean isDatabase();

    /**
     * The leaves of the log's Merkle tree (leaf {@code i} is the stored checksum of sequence
     * {@code i + 1}); {@link LeafSource#read} throws {@link io.airlog.AuditIntegrityException}
     * at the first sequence that is missing, out of place or unreadable.
     */
    LeafSource leaves();

    /**
     * The highest sequence stored (0 for an empty log).
     *
     * @throws io.airlog.AuditIntegrityException if the end of the store cannot be read as an event
     */
    long lastSequence();

    /** The stored event with this id, if the log holds one (as stored: not verified). */
    Optional<AuditEvent> event(UUID eventId);

    /** The stored event at this sequence, if any (as stored: not verified). */
    Optional<AuditEvent> eventAt(long sequence);

    /**
     * The events {@code first..last}, each checked as it is read: contiguous, intact, of this
     * log, linked to the one before ({@code previousChecksum} for the first); damage throws
     * {@link io.airlog.AuditIntegrityException}. Close the stream.
     */
    Stream<AuditEvent> range(long first, long last, String previousChecksum);

    /** Every stored record in storage order, for a comparison; damage is kept, not thrown. */
    LogSource source();

    /**
     * The newest checkpoint the store holds that a trusted key signed for {@code origin}, if
     * any; {@link #noCheckpointReason()} says why there is none.
     */
    Optional<SignedCheckpoint> newestCheckpoint(TrustedKeys keys, String origin);

    /** Why {@link #newestCheckpoint} found none, for the message. */
    String noCheckpointReason();

    /** Verifies the store with the checks asked for. */
    VerificationReport verify(Checks checks);

    @Override
    void close();
}
