package io.airlog.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one measured window gave.
 *
 * @param events events committed in the window
 * @param seconds the window's length
 * @param latency call latencies in nanoseconds
 * @param errors calls (or asynchronous events) that failed, warm-up included
 * @param firstError the first failure, or null
 */
public record LoadResult(long events, double seconds, Histogram latency, long errors, Throwable firstError) {

    /** Committed events per second. */
    public double eventsPerSecond() {
        return events / seconds;
    }

    /** Median call latency in milliseconds. */
    public double p50Millis() {
        return latency.getValueAtPercentile(50) / 1e6;
    }

    /** 99th percentile of call latency in milliseconds. */
    public double p99Millis() {
        return latency.getValueAtPercentile(99) / 1e6;
    }

    /** This result and {@code other}, measured over the same window in another JVM, together. */
    public LoadResult plus(LoadResult other) {
        Histogram both = latency.copy();
        both.add(other.latency);
        return new LoadResult(events + other.events, Math.max(seconds, other.seconds), both, errors + other.errors,
                firstError != null ? firstError : other.firstError);
    }
}
