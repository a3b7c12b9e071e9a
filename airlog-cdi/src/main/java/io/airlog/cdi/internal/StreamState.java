package io.airlog.cdi.internal;

import io.airlog.StreamHealth;
import io.airlog.cdi.LogCheck;
import io.airlog.spi.CheckpointStatus;
import java.util.Optional;

/**
 * The state of one open stream, for health checks.
 *
 * @param name the stream name
 * @param backend the configured backend ({@code jdbc}, {@code json}, {@code memory}, {@code none})
 * @param logId the log it writes
 * @param health the stream's own health (status, counts, queue), with the interceptor's failures added
 * @param check what the start-up check found, or null if it has not run for this stream
 * @param unrecorded events for this stream the interceptor could not record
 * @param substituted argument values the interceptor recorded as a marker in this stream's events
 * @param checkpoints the state of its signed checkpoints and witness, when its log is signed
 */
public record StreamState(String name, String backend, String logId, StreamHealth health, LogCheck check,
                          long unrecorded, long substituted, Optional<CheckpointStatus> checkpoints) {

    /** Whether the stream stores events (up or degraded) and its log was not found damaged. */
    public boolean ready() {
        return health.up() && (check == null || check.intact());
    }
}
