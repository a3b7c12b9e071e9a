package io.airlog.bench.memory;

import io.airlog.bench.load.BenchDatabase;
import io.airlog.bench.report.Table;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A steady write load in a child JVM with {@code -Xmx256m} ({@link SteadyLoad}): the used
 * heap after a full GC near the start and at the end shows whether anything accumulates.
 */
public final class MemoryCheck {
    /** The heap limit of the child JVM. */
    public static final String HEAP = "-Xmx256m";

    private MemoryCheck() {
    }

    /**
     * One run's results.
     *
     * @param database the database's label
     * @param samples {seconds, used bytes} after GC, in time order
     * @param events events committed
     * @param seconds the load's length
     * @param maxHeap the child's maximum heap
     */
    public record Result(String database, List<long[]> samples, long events, double seconds, long maxHeap) {

        /** Used heap after GC at the first sample. */
        public long start() {
            return samples.get(0)[1];
        }

        /** Used heap after GC at the end. */
        public long end() {
            return samples.get(samples.size() - 1)[1];
        }

        /** The largest sample. */
        public long max() {
            return samples.stream().mapToLong(s -> s[1]).max().orElse(0);
        }
    }

    /**
     * Runs the child on {@code db} for {@code seconds}. An H2 database gets a file of its own
     * in {@code h2Directory} (an embedded H2 file is open in one JVM at a time).
     */
    public static Result run(BenchDatabase db, int seconds, Path h2Directory) throws Exception {
        String url = db.kind() == BenchDatabase.Kind.H2
                ? BenchDatabase.h2File(h2Directory.resolve("memory")).url() : db.url();
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), HEAP, "-cp",
                System.getProperty("java.class.path"), SteadyLoad.class.getName(), url, Integer.toString(seconds));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<long[]> samples = new ArrayList<>();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String[] parts = line.split(" ");
                if (parts[0].equals("HEAP")) {
                    samples.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                } else if (parts[0].equals("RESULT")) {
                    result = line;
                }
            }
        } finally {
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        if (child.exitValue() != 0 || result == null || samples.isEmpty()) {
            throw new IllegalStateException("the memory check's child JVM failed (exit " + child.exitValue() + ")");
        }
        String[] parts = result.split(" ");
        if (Long.parseLong(parts[2]) > 0) {
            throw new IllegalStateException("the memory check saw " + parts[2] + " failed events");
        }
        return new Result(db.label(), samples, Long.parseLong(parts[1]), Double.parseDouble(parts[3]),
                Long.parseLong(parts[4]));
    }

    /** The table of the runs. */
    public static Table table(List<Result> results) {
        Table t = new Table("database", "load", "events", "heap after GC at start", "at end", "largest sample",
                "end − start");
        for (Result r : results) {
            t.row(r.database(), String.format(Locale.ROOT, "airlog sync, %d callers, %.0f s, %s", SteadyLoad.CALLERS,
                            r.seconds(), HEAP), Table.count(r.events()), mib(r.start()), mib(r.end()), mib(r.max()),
                    mib(r.end() - r.start()));
        }
        return t;
    }

    /** The samples of each run, one row per run. */
    public static Table samples(List<Result> results) {
        Table t = new Table("database", "heap after GC (MiB) at t = s");
        for (Result r : results) {
            StringBuilder s = new StringBuilder();
            for (long[] sample : r.samples()) {
                s.append(s.length() == 0 ? "" : ", ").append(sample[0]).append(" s: ")
                        .append(String.format(Locale.ROOT, "%.1f", sample[1] / 1048576.0));
            }
            t.row(r.database(), s.toString());
        }
        return t;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
