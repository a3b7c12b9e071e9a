package io.airlog.bench.load;

import io.airlog.bench.Machine;
import io.airlog.bench.cpu.CpuMeter;
import io.airlog.bench.report.Table;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import io.airlog.spi.batch.WriterStatistics;
import io.airlog.verify.VerificationReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Runs every database scenario at every number of callers on one database, in rounds, each
 * point on tables of its own (created with airlog's DDL, dropped afterwards), and prints the
 * results side by side: durable events/s, CPU time per 1,000 durable events (this JVM with its
 * child JVMs, and the database server: {@link CpuMeter}), latency, and airlog's ratios to the
 * other ways.
 *
 * <p>Before the points: the commit latency of the smallest transaction ({@link CommitProbe}),
 * the steps of one batch of 16 ({@link BatchAnatomy}), what the database alone inserts
 * ({@link InsertCeiling}), and every scenario for 2 s unmeasured (so that the JIT has compiled
 * every path before the first point). Points run in the order callers, then round, then
 * scenario ({@link Rounds}), so that a slow drift of the machine touches every scenario alike.
 */
public final class LoadHarness {
    private static final String LOG_ID = "bench";
    private static final int PROBE_COMMITS = 1000;
    private static final int CEILING_ROWS = 100_000;
    /** The batch size whose steps are timed: what 16 synchronous callers make. */
    private static final int ANATOMY_BATCH = 16;
    private static final int ANATOMY_BATCHES = 1000;
    /** Each scenario runs this long, unmeasured, before the first point: the JIT compiles every path. */
    static final Duration JIT_WARMUP = Duration.ofSeconds(2);
    static final int JIT_WARMUP_CALLERS = 4;

    private final BenchDatabase db;
    private final LoadPlan plan;
    private final PrintStream progress;
    private Rounds points;
    private Histogram commitLatency;
    private double insertCeiling;
    private BatchAnatomy.Result anatomy;
    private String serverDescription = "";

    /**
     * @param plan the database scenarios to run (file scenarios are refused), callers, rounds
     * @param progress where each point is reported as it finishes
     */
    public LoadHarness(BenchDatabase db, LoadPlan plan, PrintStream progress) {
        for (Scenario s : plan.scenarios()) {
            if (s.writesFile()) {
                throw new IllegalArgumentException(s.label() + " writes a file, not to " + db.label());
            }
        }
        this.db = db;
        this.plan = plan;
        this.progress = progress;
        this.points = new Rounds(plan.scenarios());
    }

    /** Runs all points; returns them. */
    public Rounds run() throws Exception {
        commitLatency = CommitProbe.measure(db, PROBE_COMMITS);
        anatomy = BatchAnatomy.measure(db, ANATOMY_BATCH, ANATOMY_BATCHES);
        insertCeiling = InsertCeiling.measure(db, CEILING_ROWS);
        try (CpuMeter meter = CpuMeter.of(db)) {
            serverDescription = meter.databaseDescription();
            for (Scenario scenario : plan.scenarios()) {
                if (scenario != Scenario.TWO_JVMS) {
                    measure(scenario, JIT_WARMUP_CALLERS, Duration.ZERO, JIT_WARMUP, meter);
                }
            }
            points = Rounds.run(plan, db.label(), (scenario, callers) -> scenario == Scenario.TWO_JVMS
                            && (callers < 2 || db.kind() == BenchDatabase.Kind.H2),
                    (scenario, callers) -> measure(scenario, callers, plan.warmup(), plan.window(), meter), progress);
        }
        return points;
    }

    /** Measures one scenario at one number of callers on fresh tables, with the database's CPU time. */
    Point measure(Scenario scenario, int callers) throws Exception {
        try (CpuMeter meter = CpuMeter.of(db)) {
            return measure(scenario, callers, plan.warmup(), plan.window(), meter);
        }
    }

    private Point measure(Scenario scenario, int callers, Duration warmup, Duration window, CpuMeter meter)
            throws Exception {
        String name = scenario.name().toLowerCase(Locale.ROOT).replace("_", "");
        // Prefixes have at most 32 characters: 11 random and 2 underscores leave 19 for the label.
        TableNames tables = db.createTables(BenchDatabase.freshPrefix(
                name.substring(0, Math.min(name.length(), 16)) + callers), scenario.indexes());
        try {
            Machine.CpuTimes before = Machine.CpuTimes.now();
            if (scenario == Scenario.TWO_JVMS) {
                LoadResult result = TwoJvmLoad.run(db, tables, LOG_ID, callers, warmup, window, meter);
                double steal = stealSince(before);
                VerificationReport report = new JdbcChainVerifier(db.dataSource(), tables).verifyFull(LOG_ID);
                return new Point(result, 0, report.intact()
                        ? "one chain of " + report.end().size() + " events, verified intact"
                        : "CHAIN DAMAGED: " + report.summary(), steal);
            }
            Sink sink = scenario.open(db.dataSource(), tables, LOG_ID, callers);
            LoadResult result;
            try {
                result = LoadRunner.run(sink, callers, warmup, window, meter);
            } finally {
                sink.close();
            }
            double steal = stealSince(before);
            double meanBatch = 0;
            String note = "";
            if (sink instanceof AirlogSink airlog) {
                WriterStatistics stats = airlog.stream().statistics();
                meanBatch = stats.meanBatchSize();
                if (airlog.signs()) {
                    note = signedNote(airlog);
                }
            }
            return new Point(result, meanBatch, note, steal);
        } finally {
            db.dropTables(tables);
        }
    }

    /** What checking a signed sink's log with its key and witness found, and how many checkpoints it signed. */
    private static String signedNote(AirlogSink sink) {
        VerificationReport report = sink.check();
        long checkpoints = sink.stream().writerCounters().checkpointsSigned();
        return report.intact() ? String.format(Locale.ROOT, "%,d events in %,d signed checkpoints, verified intact"
                + " with the key and the witness", report.end().size(), checkpoints)
                : "LOG DAMAGED: " + report.summary();
    }

    static double stealSince(Machine.CpuTimes before) {
        Machine.CpuTimes after = Machine.CpuTimes.now();
        return before == null || after == null ? -1 : after.stealPercentSince(before);
    }

    /**
     * Prints the tables of this database: events/s, CPU per 1,000 events, stolen CPU, latency,
     * the probes, the steps of a batch, ratios.
     */
    public void print(PrintStream out) {
        String medians = plan.medians();
        out.println("### " + db.label() + ": durable events/s (window " + plan.window().toSeconds() + " s after "
                + plan.warmup().toSeconds() + " s warm-up; " + medians + ")");
        out.println();
        out.print(points.rates().render());
        out.println();
        boolean server = db.kind() != BenchDatabase.Kind.H2;
        out.println("### " + db.label() + ": CPU-seconds per 1,000 durable events (" + medians + "; "
                + (server ? "this JVM and its child JVMs + the database server" : "this JVM, H2 included") + ")");
        out.println();
        out.print(points.costs(server).render());
        out.println();
        out.println("Counted: " + serverDescription + ".");
        out.println();
        out.print(points.notes());
        out.println("### " + db.label() + ": call latency p50 / p99 (ms; the round of the median rate)");
        out.println();
        out.print(points.latencies().render());
        out.println();
        if (commitLatency != null) {
            double mean = commitLatency.getMean() / 1e6;
            out.printf(Locale.ROOT, "%s, smallest transaction (one-row INSERT in auto-commit, one connection, %d"
                            + " commits before the load): p50 %.3f ms, mean %.3f ms, p99 %.3f ms.", db.label(),
                    commitLatency.getTotalCount(), commitLatency.getValueAtPercentile(50) / 1e6, mean,
                    commitLatency.getValueAtPercentile(99) / 1e6);
            if (server) {
                out.printf(Locale.ROOT, " Each commit waits for a log flush; a synchronous caller completes at most"
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
        if (plan.scenarios().stream().anyMatch(Scenario::signed)) {
            out.println("### " + db.label() + ": signed checkpoints, events/s signed ÷ unsigned (medians of the"
                    + " same rounds; aim ≥ 0.90)");
            out.println();
            out.print(signedRatios(points).render());
            out.println();
        }
        out.println("### " + db.label() + ": ratios of airlog (events/s, medians)");
        out.println();
        out.print(ratios().render());
        out.println();
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
                "2 JVMs ÷ 1 JVM", "async ÷ sync", "sync ÷ Log4j2 JDBC", "async ÷ best Log4j2 batched",
                "mean batch (sync)");
        for (int callers : points.callerCounts()) {
            Point sync = points.median(callers, Scenario.AIRLOG_SYNC, Point::rate);
            t.row(Integer.toString(callers), points.rateRatio(callers, Scenario.AIRLOG_SYNC, Scenario.PLAIN_BATCH),
                    points.rateRatio(callers, Scenario.AIRLOG_SYNC, Scenario.NAIVE),
                    points.rateRatio(callers, Scenario.AIRLOG_SYNC, Scenario.NAIVE_CHAINED),
                    points.rateRatio(callers, Scenario.TWO_JVMS, Scenario.AIRLOG_SYNC),
                    points.rateRatio(callers, Scenario.AIRLOG_ASYNC, Scenario.AIRLOG_SYNC),
                    points.rateRatio(callers, Scenario.AIRLOG_SYNC, Scenario.LOG4J_JDBC),
                    points.rateRatio(callers, Scenario.AIRLOG_ASYNC, bestBatchedLog4j(callers)),
                    sync == null ? "n/a" : Table.fixed2(sync.meanBatch()));
        }
        return t;
    }

    /**
     * airlog sync with and without signed checkpoints, the ratios of their medians, and the
     * ratios within each round (the scenarios of a round ran one after the other, under the same
     * load), per number of callers.
     */
    static Table signedRatios(Rounds points) {
        Table t = new Table("callers", Scenario.AIRLOG_SYNC.label(), Scenario.AIRLOG_SYNC_SIGNED_1S.label(),
                "signed 1 s ÷ unsigned (per round)", Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH.label(),
                "signed every batch ÷ unsigned (per round)");
        for (int callers : points.callerCounts()) {
            t.row(Integer.toString(callers), rate(points, callers, Scenario.AIRLOG_SYNC),
                    rate(points, callers, Scenario.AIRLOG_SYNC_SIGNED_1S),
                    points.rateRatio(callers, Scenario.AIRLOG_SYNC_SIGNED_1S, Scenario.AIRLOG_SYNC) + " ("
                            + perRound(points, callers, Scenario.AIRLOG_SYNC_SIGNED_1S) + ")",
                    rate(points, callers, Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH),
                    points.rateRatio(callers, Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH, Scenario.AIRLOG_SYNC) + " ("
                            + perRound(points, callers, Scenario.AIRLOG_SYNC_SIGNED_EVERY_BATCH) + ")");
        }
        return t;
    }

    /** The rate of {@code signed} ÷ that of airlog sync in each round, in round order. */
    private static String perRound(Rounds points, int callers, Scenario signed) {
        List<Point> top = points.of(callers, signed);
        List<Point> bottom = points.of(callers, Scenario.AIRLOG_SYNC);
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(top.size(), bottom.size()); i++) {
            ratios.add(bottom.get(i).rate() == 0 ? "n/a" : Table.ratio(top.get(i).rate() / bottom.get(i).rate()));
        }
        return String.join(", ", ratios);
    }

    private static String rate(Rounds points, int callers, Scenario scenario) {
        double rate = points.medianRate(callers, scenario);
        return Double.isNaN(rate) ? "n/a" : Table.count(rate);
    }

    /** The faster of Log4j2's batched setups at a number of callers (by median rate). */
    private Scenario bestBatchedLog4j(int callers) {
        double batched = points.medianRate(callers, Scenario.LOG4J_JDBC_BATCHED);
        double async = points.medianRate(callers, Scenario.LOG4J_ASYNC_JDBC);
        return Double.isNaN(async) || batched >= async ? Scenario.LOG4J_JDBC_BATCHED : Scenario.LOG4J_ASYNC_JDBC;
    }
}
