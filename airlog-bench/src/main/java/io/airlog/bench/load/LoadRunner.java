package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.Principal;
import io.airlog.bench.cpu.CpuMeter;
import io.airlog.bench.cpu.CpuUse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Drives one sink with a number of concurrent callers, each calling it in a closed loop
 * (a new typical draft per call, no think time): a warm-up, then a measured window.
 *
 * <p>Counted: events committed during the window (a synchronous call that returns in the
 * window; an asynchronous event whose stage completes in the window; for a sink that counts
 * its stored events itself, {@link Sink#durableCount()} at the end less at the start). Latency:
 * the time each call took to return, for calls that returned in the window, in an HdrHistogram
 * (3 significant digits). CPU time: a {@link CpuMeter} read just before the window opens and
 * just after it closes.
 */
public final class LoadRunner {
    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;

    private final Sink sink;
    private final int callers;
    private volatile int phase = WARMUP;
    private final LongAdder committed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    private LoadRunner(Sink sink, int callers) {
        this.sink = sink;
        this.callers = callers;
    }

    /**
     * Runs {@code callers} threads against {@code sink} for {@code warmup}, then measures for
     * {@code window}, with the CPU time of this JVM and its children. The sink stays open
     * (asynchronous events may still be in flight).
     */
    public static LoadResult run(Sink sink, int callers, Duration warmup, Duration window) throws Exception {
        return run(sink, callers, warmup, window, CpuMeter.jvmOnly());
    }

    /** As {@link #run(Sink, int, Duration, Duration)}, with the CPU time that {@code meter} measures. */
    public static LoadResult run(Sink sink, int callers, Duration warmup, Duration window, CpuMeter meter)
            throws Exception {
        if (callers < 1) {
            throw new IllegalArgumentException("callers must be at least 1: " + callers);
        }
        return new LoadRunner(sink, callers).run(warmup, window, meter);
    }

    private LoadResult run(Duration warmup, Duration window, CpuMeter meter) throws Exception {
        Histogram[] latencies = new Histogram[callers];
        Thread[] threads = new Thread[callers];
        for (int i = 0; i < callers; i++) {
            int caller = i;
            latencies[i] = new Histogram(3);
            threads[i] = new Thread(() -> loop(caller, latencies[caller]), "caller-" + i);
            threads[i].setDaemon(true);
        }
        for (Thread t : threads) {
            t.start();
        }
        sleep(warmup);
        CpuMeter.Mark mark = meter.mark();
        long storedBefore = sink.durableCount();
        long start = System.nanoTime();
        phase = MEASURE;
        sleep(window);
        phase = STOP;
        long end = System.nanoTime();
        long storedAfter = sink.durableCount();
        CpuUse cpu = meter.since(mark);
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(3);
        for (Histogram h : latencies) {
            all.add(h);
        }
        long events = storedBefore >= 0 ? storedAfter - storedBefore : committed.sum();
        return new LoadResult(events, (end - start) / 1e9, all, errors.sum(), firstError.get(), cpu);
    }

    private void loop(int caller, Histogram latency) {
        Principal principal = Drafts.principal(caller);
        long n = 0;
        while (phase != STOP) {
            AuditDraft draft = Drafts.typical(principal, n++);
            long begin = System.nanoTime();
            CompletionStage<?> stage;
            try {
                stage = sink.store(caller, draft);
            } catch (Exception | Error e) {
                failed(e);
                continue;
            }
            long took = System.nanoTime() - begin;
            boolean measuring = phase == MEASURE;
            if (measuring) {
                latency.recordValue(took);
            }
            if (stage == null) {
                if (measuring) {
                    committed.increment();
                }
            } else {
                stage.whenComplete((event, error) -> {
                    if (error != null) {
                        failed(error);
                    } else if (phase == MEASURE) {
                        committed.increment();
                    }
                });
            }
        }
    }

    private void failed(Throwable e) {
        errors.increment();
        firstError.compareAndSet(null, e);
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
