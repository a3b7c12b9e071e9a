package io.airlog.bench.memory;

import io.airlog.bench.load.AirlogSink;
import io.airlog.bench.load.BenchDatabase;
import io.airlog.bench.load.LoadResult;
import io.airlog.bench.load.LoadRunner;
import io.airlog.jdbc.TableNames;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The child JVM of the memory check: airlog sync with 16 callers on fresh tables for the
 * given time, printing the used heap after a full GC ({@link System#gc()}, then
 * {@link MemoryMXBean}) every 10 s: {@code HEAP <seconds> <bytes>}; at the end
 * {@code RESULT <events> <errors> <seconds> <max heap bytes>}.
 *
 * <p>Arguments: {@code <jdbc-url> <seconds>}.
 */
public final class SteadyLoad {
    static final int CALLERS = 16;
    static final int SAMPLE_SECONDS = 10;

    private SteadyLoad() {
    }

    /** Runs the load and prints the samples. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: <jdbc-url> <seconds>");
        }
        BenchDatabase db = BenchDatabase.ofUrl(args[0]);
        int seconds = Integer.parseInt(args[1]);
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("memory"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (AirlogSink sink = new AirlogSink(db.dataSource(), tables, "bench", false)) {
            CompletableFuture<LoadResult> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return LoadRunner.run(sink, CALLERS, Duration.ZERO, Duration.ofSeconds(seconds));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long began = System.nanoTime();
            for (int t = SAMPLE_SECONDS / 2; t < seconds; t += SAMPLE_SECONDS) {
                long wait = began + Duration.ofSeconds(t).toNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
                System.gc();
                System.out.println("HEAP " + t + " " + memory.getHeapMemoryUsage().getUsed());
            }
            LoadResult result = load.get();
            System.gc();
            System.out.println("HEAP " + seconds + " " + memory.getHeapMemoryUsage().getUsed());
            if (result.firstError() != null) {
                result.firstError().printStackTrace();
            }
            System.out.println("RESULT " + result.events() + " " + result.errors() + " " + result.seconds() + " "
                    + memory.getHeapMemoryUsage().getMax());
        } finally {
            db.dropTables(tables);
        }
    }
}
