package io.airlog.bench.load;

import io.airlog.bench.cpu.CpuUse;
import org.HdrHistogram.Histogram;

/**
 * What one measured window gave.
 *
 * @param events events committed in the window
 * @param seconds the window's length
 * @param latency call latencies in nanoseconds
 * @param errors calls (or asynchronous events) that failed, warm-up included
 * @param firstError the first failure, or null
 * @param cpu the CPU time used during the window
 */
public record LoadResult(long events, double seconds, Histogram latency, long errors, Throwable firstError,
                         CpuUse cpu) {

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

    /** CPU seconds (this JVM with its children, and the database) per 1,000 events of the window. */
    public double cpuSecondsPerThousand() {
        return cpu.secondsPerThousand(events);
    }

    /**
     * This result and {@code other}, measured over the same window in a child JVM, together.
     * The CPU time is this result's: this JVM's meter counts its children.
     */
    public LoadResult plus(LoadResult other) {
        Histogram both = latency.copy();
        both.add(other.latency);
        return new LoadResult(events + other.events, Math.max(seconds, other.seconds), both, errors + other.errors,
                firstError != null ? firstError : other.firstError, cpu);
    }
}
