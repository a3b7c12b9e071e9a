package io.airlog.cdi.internal;

import io.airlog.StreamHealth;
import io.airlog.cdi.LogCheck;

/**
 * The state of one open stream, for health checks.
 *
 * @param name the stream name
 * @param backend the configured backend ({@code jdbc}, {@code json}, {@code memory}, {@code none})
 * @param logId the log it writes
 * @param health the stream's own health (up, counts, queue)
 * @param check what the start-up check found, or null if it has not run for this stream
 */
public record StreamState(String name, String backend, String logId, StreamHealth health, LogCheck check) {

    /** Whether the stream is up and its log was not found damaged. */
    public boolean ready() {
        return health.up() && (check == null || check.intact());
    }
}
