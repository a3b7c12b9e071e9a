package io.airlog.bench.load;

import io.airlog.bench.Machine;
import io.airlog.bench.cpu.CpuMeter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The file scenarios (airlog's JSON-lines stream, Log4j2's JSON file appender) at every number
 * of callers, in rounds like {@link LoadHarness}, each point on a new file in a directory,
 * deleted afterwards. Counted: calls that returned in the window (each returns once its line is
 * written to the operating system); CPU time: this JVM's.
 */
public final class FileLoad {
    private static final String LOG_ID = "bench";

    private final Path directory;
    private final LoadPlan plan;
    private final PrintStream progress;
    private Rounds points;
    private int files;

    /**
     * @param directory where the files are written (the disk under test)
     * @param plan file scenarios only, callers, rounds
     * @param progress where each point is reported as it finishes
     */
    public FileLoad(Path directory, LoadPlan plan, PrintStream progress) {
        for (Scenario s : plan.scenarios()) {
            if (!s.writesFile()) {
                throw new IllegalArgumentException(s.label() + " writes to a database, not a file");
            }
        }
        this.directory = directory;
        this.plan = plan;
        this.progress = progress;
        this.points = new Rounds(plan.scenarios());
    }

    /** Runs all points; returns them. */
    public Rounds run() throws Exception {
        CpuMeter meter = CpuMeter.jvmOnly();
        for (Scenario scenario : plan.scenarios()) {
            measure(scenario, LoadHarness.JIT_WARMUP_CALLERS, Duration.ZERO, LoadHarness.JIT_WARMUP, meter);
        }
        points = Rounds.run(plan, "file", (scenario, callers) -> false,
                (scenario, callers) -> measure(scenario, callers, plan.warmup(), plan.window(), meter), progress);
        return points;
    }

    private Point measure(Scenario scenario, int callers, Duration warmup, Duration window, CpuMeter meter)
            throws Exception {
        Path file = directory.resolve(scenario.cliName() + "-" + (++files) + ".jsonl");
        try {
            Machine.CpuTimes before = Machine.CpuTimes.now();
            LoadResult result;
            try (Sink sink = scenario.openFile(file, LOG_ID)) {
                result = LoadRunner.run(sink, callers, warmup, window, meter);
            }
            return new Point(result, 0, "", LoadHarness.stealSince(before));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Prints events/s, CPU per 1,000 events and latency. */
    public void print(PrintStream out) throws IOException {
        out.println(String.format(Locale.ROOT, "### JSON file: events/s written to the operating system (window %d s"
                + " after %d s warm-up; %s; %s)", plan.window().toSeconds(), plan.warmup().toSeconds(),
                plan.medians(), Files.getFileStore(directory)));
        out.println();
        out.print(points.rates().render());
        out.println();
        out.println("### JSON file: CPU-seconds per 1,000 events (" + plan.medians() + "; this JVM)");
        out.println();
        out.print(points.costs(false).render());
        out.println();
        out.print(points.notes());
        out.println("### JSON file: call latency p50 / p99 (ms; the round of the median rate)");
        out.println();
        out.print(points.latencies().render());
        out.println();
    }
}
