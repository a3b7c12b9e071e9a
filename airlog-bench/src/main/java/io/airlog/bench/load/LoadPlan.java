package io.airlog.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * What a load run measures: each scenario at each number of callers, in rounds.
 *
 * @param scenarios the scenarios, in the order of the tables' columns and of each round
 * @param callerCounts the numbers of concurrent callers
 * @param rounds how many times each point is measured (the tables show medians)
 * @param warmup the unmeasured time before each point's window
 * @param window each point's measured window
 */
public record LoadPlan(List<Scenario> scenarios, List<Integer> callerCounts, int rounds, Duration warmup,
                       Duration window) {

    /** Copies the lists and checks the rounds. */
    public LoadPlan {
        scenarios = List.copyOf(scenarios);
        callerCounts = List.copyOf(callerCounts);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
    }

    /** The same plan for other scenarios. */
    public LoadPlan with(List<Scenario> otherScenarios) {
        return new LoadPlan(otherScenarios, callerCounts, rounds, warmup, window);
    }

    /** {@code one round} or {@code median of N rounds}, for table headings. */
    public String medians() {
        return rounds == 1 ? "one round" : "median of " + rounds + " rounds";
    }
}
