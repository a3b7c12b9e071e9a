package io.airlog.bench.load;

/**
 * One measured point: a scenario at a number of callers, in one round.
 *
 * @param result what the window gave (events, latency, CPU time)
 * @param meanBatch airlog's mean events per transaction over the run (warm-up included), or
 *                  0 for other writers
 * @param chainNote what verifying the chain afterwards found, or empty
 * @param stealPercent the share of the machine's CPU time the hypervisor gave to other
 *                     guests during the point (warm-up included), or -1 where unknown
 */
public record Point(LoadResult result, double meanBatch, String chainNote, double stealPercent) {

    /** Durable events per second. */
    public double rate() {
        return result.eventsPerSecond();
    }

    /** CPU seconds per 1,000 durable events (NaN when unknown). */
    public double cost() {
        return result.cpuSecondsPerThousand();
    }
}
