package io.airlog.spi;

import io.airlog.witness.WitnessStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a stream that signs checkpoints is doing, for health checks and metrics (see
 * {@link CheckpointingStream}).
 *
 * @param signedSize the tree size the newest checkpoint covers (0 before the first)
 * @param signed how many checkpoints the stream signed since it was opened
 * @param signingTime the time spent signing them
 * @param witness the state of its witness, when it has one
 */
public record CheckpointStatus(long signedSize, long signed, Duration signingTime, Optional<WitnessStatus> witness) {

    /** Checks the components. */
    public CheckpointStatus {
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(witness, "witness");
    }
}
