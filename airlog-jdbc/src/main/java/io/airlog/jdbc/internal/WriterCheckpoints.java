package io.airlog.jdbc.internal;

import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.witness.WitnessPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a writer signs and checks its log's checkpoints.
 *
 * @param signer signs checkpoints; null: none are signed (the checks still use {@code keys})
 * @param origin the origin line of the log's checkpoints
 * @param interval the longest time a committed event stays unsigned; zero: a checkpoint in
 *                 every batch's transaction
 * @param keys the keys whose checkpoints are trusted (the signer's included)
 * @param publisher where signed checkpoints are offered after commit, or null
 * @param witnessed what the witness held when the stream was built, or null without a witness
 * @param missingWitnessFile the witness file, if it did not exist when the stream was built: it
 *                           is created only once the first batch's check passed, so that a file
 *                           removed from under a log with signed checkpoints is reported
 *                           ({@code WITNESS_MISSING}) at every start, never replaced by an empty
 *                           one; null otherwise
 */
public record WriterCheckpoints(NoteSigner signer, String origin, Duration interval, TrustedKeys keys,
                                WitnessPublisher publisher, WitnessSnapshot witnessed, Path missingWitnessFile) {
    /** Checks the values. */
    public WriterCheckpoints {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(keys, "keys");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("checkpointInterval must not be negative: " + interval);
        }
    }

    /** Whether every batch carries its checkpoint (a signer and interval zero). */
    public boolean everyBatch() {
        return signer != null && interval.isZero();
    }
}
