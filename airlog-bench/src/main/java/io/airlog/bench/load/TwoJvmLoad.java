package io.airlog.bench.load;

import io.airlog.bench.cpu.CpuMeter;
import io.airlog.bench.cpu.CpuUse;
import io.airlog.jdbc.TableNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * airlog sync from two JVMs writing one log: this JVM runs half of the callers, a child JVM
 * (same class path) the other half, over the same wall-clock window; the results are added,
 * and the CPU time of both JVMs is this JVM's meter's (the child is in this JVM's process tree).
 * The head-row lock makes the two writers take turns, each with its own group commit.
 *
 * <p>The child is this class's {@link #main}: {@code <jdbc-url> <table-prefix> <log-id>
 * <callers> <window-start-epoch-ms> <window-ms>}. It prints one line {@code RESULT <events>
 * <errors> <seconds> <base64 histogram>}.
 */
public final class TwoJvmLoad {
    private static final String RESULT = "RESULT ";
    /** Time given to the child JVM to start and connect before the window opens. */
    private static final Duration CHILD_START = Duration.ofSeconds(3);

    private TwoJvmLoad() {
    }

    /**
     * Runs the scenario on existing tables.
     *
     * @param callers all callers, at least 2: this JVM takes {@code callers - callers / 2},
     *                the child {@code callers / 2}
     * @param meter measures the window's CPU time (the child JVM, a child of this one, included)
     */
    public static LoadResult run(BenchDatabase db, TableNames tables, String logId, int callers, Duration warmup,
                                 Duration window, CpuMeter meter) throws Exception {
        if (callers < 2) {
            throw new IllegalArgumentException("two JVMs need at least 2 callers: " + callers);
        }
        long windowStart = System.currentTimeMillis() + CHILD_START.toMillis() + warmup.toMillis();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TwoJvmLoad.class.getName());
        command.addAll(List.of(db.url(), tables.prefix(), logId, Integer.toString(callers / 2),
                Long.toString(windowStart), Long.toString(window.toMillis())));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            LoadResult here;
            try (AirlogSink sink = new AirlogSink(db.dataSource(), tables, logId, false)) {
                here = LoadRunner.run(sink, callers - callers / 2,
                        Duration.ofMillis(Math.max(0, windowStart - System.currentTimeMillis())), window, meter);
            }
            LoadResult there = childResult(child);
            return here.plus(there);
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private static LoadResult childResult(Process child) throws IOException, InterruptedException,
            DataFormatException {
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                }
            }
        }
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM did not exit");
        }
        if (child.exitValue() != 0 || result == null) {
            throw new IllegalStateException("the child JVM failed (exit " + child.exitValue() + ")");
        }
        String[] parts = result.split(" ");
        Histogram latency = Histogram.decodeFromCompressedByteBuffer(
                ByteBuffer.wrap(Base64.getDecoder().decode(parts[3])), 0);
        long errors = Long.parseLong(parts[1]);
        return new LoadResult(Long.parseLong(parts[0]), Double.parseDouble(parts[2]), latency, errors,
                errors > 0 ? new IllegalStateException("the child JVM saw " + errors + " errors") : null,
                CpuUse.NONE);
    }

    /** The child: runs its callers against the tables over the given window and prints the result. */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: <jdbc-url> <table-prefix> <log-id> <callers>"
                    + " <window-start-epoch-ms> <window-ms>");
        }
        BenchDatabase db = BenchDatabase.ofUrl(args[0]);
        TableNames tables = new TableNames(args[1]);
        int callers = Integer.parseInt(args[3]);
        long windowStart = Long.parseLong(args[4]);
        Duration window = Duration.ofMillis(Long.parseLong(args[5]));
        LoadResult result;
        try (AirlogSink sink = new AirlogSink(db.dataSource(), tables, args[2], false)) {
            result = LoadRunner.run(sink, callers,
                    Duration.ofMillis(Math.max(0, windowStart - System.currentTimeMillis())), window);
        }
        if (result.firstError() != null) {
            result.firstError().printStackTrace();
        }
        ByteBuffer buffer = ByteBuffer.allocate(result.latency().getNeededByteBufferCapacity());
        int length = result.latency().encodeIntoCompressedByteBuffer(buffer);
        byte[] encoded = Arrays.copyOf(buffer.array(), length);
        System.out.println(RESULT + result.events() + " " + result.errors() + " " + result.seconds() + " "
                + Base64.getEncoder().encodeToString(encoded));
    }
}
