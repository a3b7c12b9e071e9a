package io.airlog.bench.load;

import io.airlog.bench.Machine;
import io.airlog.bench.report.Table;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import io.airlog.spi.batch.WriterStatistics;
import io.airlog.verify.VerificationReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Runs every scenario at every number of callers on one database, each point on tables of
 * its own (created with airlog's DDL, dropped afterwards), and prints the results side by
 * side: events/s, latency, and airlog's ratios to the other ways.
 *
 * <p>Before the points: the commit latency of the smallest transaction ({@link CommitProbe}),
 * the steps of one batch of 16 ({@link BatchAnatomy}), what the database alone inserts
 * ({@link InsertCeiling}), and every scenario for 2 s
 * unmeasured (so that the JIT has compiled every path before the first point). Points run in
 * the order callers, then scenario, so that a slow drift of the machine touches every scenario
 * alike.
 */
public final class LoadHarness {
    private static final String LOG_ID = "bench";
    private static final int PROBE_COMMITS = 1000;
    private static final int CEILING_ROWS = 100_000;
    /** The batch size whose steps are timed: what 16 synchronous callers make. */
    private static final int ANATOMY_BATCH = 16;
    private static final int ANATOMY_BATCHES = 1000;
    /** Each scenario runs this long, unmeasured, before the first point: the JIT compiles every path. */
    private static final Duration JIT_WARMUP = Duration.ofSeconds(2);
    private static final int JIT_WARMUP_CALLERS = 4;

    private final BenchDatabase db;
    private final List<Scenario> scenarios;
    private final List<Integer> callerCounts;
    private final Duration warmup;
    private final Duration window;
    private final PrintStream progress;
    private final Map<Integer, Map<Scenario, Point>> points = new TreeMap<>();
    private Histogram commitLatency;
    private double insertCeiling;
    private BatchAnatomy.Result anatomy;

    /**
     * @param progress where each point is reported as it finishes
     */
    public LoadHarness(BenchDatabase db, List<Scenario> scenarios, List<Integer> callerCounts, Duration warmup,
                       Duration window, PrintStream progress) {
        this.db = db;
        this.scenarios = List.copyOf(scenarios);
        this.callerCounts = List.copyOf(callerCounts);
        this.warmup = warmup;
        this.window = window;
        this.progress = progress;
    }

    /**
     * One measured point.
     *
     * @param result what the window gave
     * @param meanBatch airlog's mean events per transaction over the run (warm-up included), or
     *                  0 for other writers
     * @param chainNote what verifying the chain afterwards found, or empty
     * @param stealPercent the share of the machine's CPU time the hypervisor gave to other
     *                     guests during the point (warm-up included), or -1 where unknown
     */
    public record Point(LoadResult result, double meanBatch, String chainNote, double stealPercent) {
    }

    /** Runs all points; returns them by callers, then scenario. */
    public Map<Integer, Map<Scenario, Point>> run() throws Exception {
        commitLatency = CommitProbe.measure(db, PROBE_COMMITS);
        anatomy = BatchAnatomy.measure(db, ANATOMY_BATCH, ANATOMY_BATCHES);
        insertCeiling = InsertCeiling.measure(db, CEILING_ROWS);
        for (Scenario scenario : scenarios) {
            if (scenario != Scenario.TWO_JVMS) {
                measure(scenario, JIT_WARMUP_CALLERS, Duration.ZERO, JIT_WARMUP);
            }
        }
        for (int callers : callerCounts) {
            for (Scenario scenario : scenarios) {
                if (scenario == Scenario.TWO_JVMS && (callers < 2 || db.kind() != BenchDatabase.Kind.POSTGRESQL)) {
                    continue;
                }
                Point point = measure(scenario, callers);
                points.computeIfAbsent(callers, c -> new EnumMap<>(Scenario.class)).put(scenario, point);
                LoadResult r = point.result();
                progress.printf(Locale.ROOT, "[%s] %-20s %2d callers: %,9.0f events/s  p50 %7.3f ms  p99 %7.3f ms"
                                + "  steal %4.1f %%%s%s%s%n",
                        db.label(), scenario.label(), callers, r.eventsPerSecond(), r.p50Millis(), r.p99Millis(),
                        point.stealPercent(),
                        point.meanBatch() > 0 ? String.format(Locale.ROOT, "  mean batch %.1f", point.meanBatch()) : "",
                        r.errors() > 0 ? "  ERRORS " + r.errors() + ": " + r.firstError() : "",
                        point.chainNote().isEmpty() ? "" : "  " + point.chainNote());
            }
        }
        return points;
    }

    /** Measures one scenario at one number of callers on fresh tables. */
    Point measure(Scenario scenario, int callers) throws Exception {
        return measure(scenario, callers, warmup, window);
    }

    private Point measure(Scenario scenario, int callers, Duration warmup, Duration window) throws Exception {
        TableNames tables = db.createTables(BenchDatabase.freshPrefix(
                scenario.name().toLowerCase(Locale.ROOT).replace("_", "") + callers));
        try {
            Machine.CpuTimes before = Machine.CpuTimes.now();
            if (scenario == Scenario.TWO_JVMS) {
                LoadResult result = TwoJvmLoad.run(db, tables, LOG_ID, callers, warmup, window);
                double steal = stealSince(before);
                VerificationReport report = new JdbcChainVerifier(db.dataSource(), tables).verifyFull(LOG_ID);
                return new Point(result, 0, report.intact()
                        ? "one chain of " + report.end().size() + " events, verified intact"
                        : "CHAIN DAMAGED: " + report.summary(), steal);
            }
            Sink sink = scenario.open(db.dataSource(), tables, LOG_ID, callers);
            LoadResult result;
            try {
                result = LoadRunner.run(sink, callers, warmup, window);
            } finally {
                sink.close();
            }
            double steal = stealSince(before);
            double meanBatch = 0;
            if (sink instanceof AirlogSink airlog) {
                WriterStatistics stats = airlog.stream().statistics();
                meanBatch = stats.meanBatchSize();
            }
            return new Point(result, meanBatch, "", steal);
        } finally {
            db.dropTables(tables);
        }
    }

    private static double stealSince(Machine.CpuTimes before) {
        Machine.CpuTimes after = Machine.CpuTimes.now();
        return before == null || after == null ? -1 : after.stealPercentSince(before);
    }

    /** Prints the tables of this database: events/s, stolen CPU, latency, the probes, the steps of a batch, ratios. */
    public void print(PrintStream out) {
        String[] heading = new String[scenarios.size() + 1];
        heading[0] = "callers";
        for (int i = 0; i < scenarios.size(); i++) {
            heading[i + 1] = scenarios.get(i).label();
        }
        Table rate = new Table(heading);
        Table latency = new Table(heading);
        for (Map.Entry<Integer, Map<Scenario, Point>> e : points.entrySet()) {
            String[] rateRow = new String[heading.length];
            String[] latencyRow = new String[heading.length];
            rateRow[0] = latencyRow[0] = e.getKey().toString();
            for (int i = 0; i < scenarios.size(); i++) {
                Point p = e.getValue().get(scenarios.get(i));
                if (p == null) {
                    rateRow[i + 1] = latencyRow[i + 1] = "n/a";
                    continue;
                }
                LoadResult r = p.result();
                rateRow[i + 1] = Table.count(r.eventsPerSecond()) + (r.errors() > 0 ? " (" + r.errors() + " errors)" : "");
                latencyRow[i + 1] = Table.fixed2(r.p50Millis()) + " / " + Table.fixed2(r.p99Millis());
            }
            rate.row(rateRow);
            latency.row(latencyRow);
        }
        out.println("### " + db.label() + ": durable events/s (window " + window.toSeconds() + " s after "
                + warmup.toSeconds() + " s warm-up)");
        out.println();
        out.print(rate.render());
        out.println();
        printSteal(out);
        out.println("### " + db.label() + ": call latency p50 / p99 (ms)");
        out.println();
        out.print(latency.render());
        out.println();
        if (commitLatency != null) {
            double mean = commitLatency.getMean() / 1e6;
            out.printf(Locale.ROOT, "%s, smallest transaction (one-row INSERT in auto-commit, one connection, %d"
                            + " commits before the load): p50 %.3f ms, mean %.3f ms, p99 %.3f ms.", db.label(),
                    commitLatency.getTotalCount(), commitLatency.getValueAtPercentile(50) / 1e6, mean,
                    commitLatency.getValueAtPercentile(99) / 1e6);
            if (db.kind() == BenchDatabase.Kind.POSTGRESQL) {
                out.printf(Locale.ROOT, " Each commit waits for a WAL flush; a synchronous caller completes at most"
                        + " one event per commit, so n callers complete at most about n / %.3f ms: %s events/s at"
                        + " 16 callers, however the commits are grouped.", mean, Table.count(16 / (mean / 1e3)));
            } else {
                out.print(" H2 does not flush its file at commit (it writes changes within WRITE_DELAY).");
            }
            out.printf("%n%n");
        }
        if (insertCeiling > 0) {
            out.printf(Locale.ROOT, "%s alone, inserting %s rows of the same shape into the same table with"
                            + " INSERT ... SELECT, %s rows per transaction (no client work, no hashing): %s rows/s.%n%n",
                    db.label(), Table.count(CEILING_ROWS), Table.count(InsertCeiling.ROWS_PER_TRANSACTION),
                    Table.count(insertCeiling));
        }
        if (anatomy != null) {
            printAnatomy(out);
        }
        out.println("### " + db.label() + ": ratios of airlog sync");
        out.println();
        out.print(ratios().render());
        out.println();
    }

    /** The hypervisor's share of the CPU during the points: a point measured while it was high is suspect. */
    private void printSteal(PrintStream out) {
        java.util.DoubleSummaryStatistics steal = points.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(Point::stealPercent).filter(v -> v >= 0).summaryStatistics();
        if (steal.getCount() > 0) {
            out.printf(Locale.ROOT, "CPU time stolen by the hypervisor during the points: %.1f %% to %.1f %%"
                    + " (mean %.1f %%).%n%n", steal.getMin(), steal.getMax(), steal.getAverage());
        }
    }

    private void printAnatomy(PrintStream out) {
        out.println("### " + db.label() + ": one batch of " + ANATOMY_BATCH + " events, step by step (mean ms of "
                + Table.count(ANATOMY_BATCHES) + " batches each way, one connection, idle database)");
        out.println();
        Table t = new Table("step", "under the lock", "at the expected head");
        for (String step : BatchAnatomy.STEPS) {
            Double expected = anatomy.atExpectedHead().get(step);
            t.row(step, Table.fixed3(anatomy.underLock().get(step)),
                    expected == null ? "n/a" : Table.fixed3(expected));
        }
        double locked = BatchAnatomy.Result.total(anatomy.underLock());
        double expected = BatchAnatomy.Result.total(anatomy.atExpectedHead());
        t.row("total", Table.fixed3(locked), Table.fixed3(expected));
        t.row(ANATOMY_BATCH + " events ÷ total (events/s)", Table.count(ANATOMY_BATCH / (locked / 1e3)),
                Table.count(ANATOMY_BATCH / (expected / 1e3)));
        out.print(t.render());
        out.println();
        out.printf(Locale.ROOT, "A writer whose %d synchronous callers are all in its batch completes at most the"
                + " last row's rate: the steps run one after the other, and the callers' next events arrive only"
                + " after the commit.%n%n", ANATOMY_BATCH);
    }

    private Table ratios() {
        Table t = new Table("callers", "sync ÷ plain batch", "sync ÷ naive", "sync ÷ naive chained",
                "2 JVMs ÷ 1 JVM", "async ÷ sync", "mean batch (sync)");
        for (Map.Entry<Integer, Map<Scenario, Point>> e : points.entrySet()) {
            Map<Scenario, Point> row = e.getValue();
            t.row(e.getKey().toString(), ratio(row, Scenario.AIRLOG_SYNC, Scenario.PLAIN_BATCH),
                    ratio(row, Scenario.AIRLOG_SYNC, Scenario.NAIVE),
                    ratio(row, Scenario.AIRLOG_SYNC, Scenario.NAIVE_CHAINED),
                    ratio(row, Scenario.TWO_JVMS, Scenario.AIRLOG_SYNC),
                    ratio(row, Scenario.AIRLOG_ASYNC, Scenario.AIRLOG_SYNC),
                    row.containsKey(Scenario.AIRLOG_SYNC) ? Table.fixed2(row.get(Scenario.AIRLOG_SYNC).meanBatch())
                            : "n/a");
        }
        return t;
    }

    private static String ratio(Map<Scenario, Point> row, Scenario top, Scenario bottom) {
        Point a = row.get(top);
        Point b = row.get(bottom);
        if (a == null || b == null || b.result().eventsPerSecond() == 0) {
            return "n/a";
        }
        return Table.ratio(a.result().eventsPerSecond() / b.result().eventsPerSecond());
    }
}
