package io.airlog.spi;

import java.util.Optional;

/**
 * A stream that can sign checkpoints of its log: its {@link CheckpointStatus} for health
 * checks and metrics. Implemented by the streams of backends that sign (json, slf4j).
 */
public interface CheckpointingStream {

    /** The state of its checkpoints and witness now; empty when this stream signs none. */
    Optional<CheckpointStatus> checkpointStatus();
}
