package io.airlog.spi.batch;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after the n-th failure in a row the next attempt waits a
 * random time between half and all of {@code min(cap, base * 2^(n-1))}, so that many writers
 * that failed together do not come back together, and a database that stays down sees at
 * most one attempt per cap from each writer. A success resets it.
 *
 * <p>Not thread-safe (the writer thread's).
 */
final class Backoff {
    private final long baseNanos;
    private final long capNanos;
    private int failures;

    Backoff(long baseNanos, long capNanos) {
        this.baseNanos = baseNanos;
        this.capNanos = capNanos;
    }

    /** Counts a failure and returns how long to wait before the next attempt. */
    long failed() {
        failures = Math.min(failures + 1, 62);
        long ceiling = baseNanos;
        for (int i = 1; i < failures && ceiling < capNanos; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, capNanos);
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    /** Failures in a row so far. */
    int failures() {
        return failures;
    }

    void succeeded() {
        failures = 0;
    }
}
