package io.airlog.bench.load;

import io.airlog.bench.report.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The points of a load run: every scenario at every number of callers, in rounds. A round runs
 * each scenario once, one after the other, so that a drift of the machine touches every
 * scenario alike; the tables show, for each scenario and number of callers, the point of the
 * median round (for an even number of rounds, the lower of the two middle ones), chosen on its
 * own for each table: the median rate, the median cost.
 */
public final class Rounds {
    private final List<Scenario> scenarios;
    private final Map<Integer, Map<Scenario, List<Point>>> points = new TreeMap<>();

    /** Collects points of {@code scenarios} (the tables' columns, in this order). */
    public Rounds(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /** Measures one point: a scenario at a number of callers. */
    @FunctionalInterface
    public interface Measure {
        /** Runs the point and returns it. */
        Point measure(Scenario scenario, int callers) throws Exception;
    }

    /**
     * Runs a plan: for each number of callers, each round, each scenario (unless {@code skip}
     * says it does not apply there), one point, reported to {@code progress} as it ends.
     *
     * @param target the database or file label of the progress lines
     */
    public static Rounds run(LoadPlan plan, String target, BiPredicate<Scenario, Integer> skip, Measure measure,
                             PrintStream progress) throws Exception {
        Rounds rounds = new Rounds(plan.scenarios());
        for (int callers : plan.callerCounts()) {
            for (int round = 1; round <= plan.rounds(); round++) {
                for (Scenario scenario : plan.scenarios()) {
                    if (skip.test(scenario, callers)) {
                        continue;
                    }
                    Point point = measure.measure(scenario, callers);
                    rounds.add(callers, scenario, point);
                    progress.println(progressLine(target, scenario, callers, round, point));
                }
            }
        }
        return rounds;
    }

    /** One line per point for the progress stream. */
    static String progressLine(String target, Scenario scenario, int callers, int round, Point point) {
        LoadResult r = point.result();
        return String.format(Locale.ROOT, "[%s] %-31s %2d callers, round %d: %,9.0f events/s  p50 %7.3f ms"
                        + "  p99 %7.3f ms  CPU %s s/1000 (JVM %.2f s, db %.2f s of which background %.2f s and ended"
                        + " %.2f s; left out %.2f s)  steal %4.1f %%%s%s%s",
                target, scenario.label(), callers, round, r.eventsPerSecond(), r.p50Millis(), r.p99Millis(),
                Table.fixed3(r.cpuSecondsPerThousand()), r.cpu().jvm(), r.cpu().database(), r.cpu().background(),
                r.cpu().ended(), r.cpu().leftOut(),
                point.stealPercent(),
                point.meanBatch() > 0 ? String.format(Locale.ROOT, "  mean batch %.1f", point.meanBatch()) : "",
                r.errors() > 0 ? "  ERRORS " + r.errors() + ": " + r.firstError() : "",
                point.chainNote().isEmpty() ? "" : "  " + point.chainNote());
    }

    /** Adds one round's point. */
    public void add(int callers, Scenario scenario, Point point) {
        points.computeIfAbsent(callers, c -> new EnumMap<>(Scenario.class))
                .computeIfAbsent(scenario, s -> new ArrayList<>()).add(point);
    }

    /** The scenarios, in column order. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** The numbers of callers measured, ascending. */
    public List<Integer> callerCounts() {
        return List.copyOf(points.keySet());
    }

    /** The points of one scenario at one number of callers, in round order (empty if none). */
    public List<Point> of(int callers, Scenario scenario) {
        return points.getOrDefault(callers, Map.of()).getOrDefault(scenario, List.of());
    }

    /** The point of the median round by {@code key} (NaN keys last), or null if none. */
    public Point median(int callers, Scenario scenario, ToDoubleFunction<Point> key) {
        List<Point> sorted = new ArrayList<>(of(callers, scenario));
        if (sorted.isEmpty()) {
            return null;
        }
        sorted.sort(Comparator.comparingDouble(p -> Double.isNaN(key.applyAsDouble(p)) ? Double.POSITIVE_INFINITY
                : key.applyAsDouble(p)));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The median rate of a scenario at a number of callers, or NaN if it was not measured. */
    public double medianRate(int callers, Scenario scenario) {
        Point p = median(callers, scenario, Point::rate);
        return p == null ? Double.NaN : p.rate();
    }

    /** Durable events/s: the median round of each cell, with the errors of all rounds. */
    public Table rates() {
        return table(p -> p == null ? "n/a" : Table.count(p.rate()), Point::rate, true);
    }

    /**
     * CPU seconds per 1,000 durable events of the median round: the total, and with a server
     * database, this JVM's and the server's parts in parentheses.
     */
    public Table costs(boolean withServer) {
        return table(p -> {
            if (p == null) {
                return "n/a";
            }
            LoadResult r = p.result();
            if (Double.isNaN(p.cost())) {
                return r.events() == 0 ? "no events" : Table.fixed3(r.cpu().jvmSecondsPerThousand(r.events()))
                        + " + ?";
            }
            return Table.fixed3(p.cost()) + (withServer ? " (" + Table.fixed3(r.cpu().jvmSecondsPerThousand(
                    r.events())) + " + " + Table.fixed3(r.cpu().databaseSecondsPerThousand(r.events())) + ")" : "");
        }, Point::cost, false);
    }

    /** Call latency p50 / p99 in milliseconds, of the median round by rate. */
    public Table latencies() {
        return table(p -> p == null ? "n/a" : Table.fixed2(p.result().p50Millis()) + " / "
                + Table.fixed2(p.result().p99Millis()), Point::rate, false);
    }

    private Table table(Function<Point, String> cell, ToDoubleFunction<Point> key,
                        boolean withErrors) {
        String[] heading = new String[scenarios.size() + 1];
        heading[0] = "callers";
        for (int i = 0; i < scenarios.size(); i++) {
            heading[i + 1] = scenarios.get(i).label();
        }
        Table t = new Table(heading);
        for (int callers : points.keySet()) {
            String[] row = new String[heading.length];
            row[0] = Integer.toString(callers);
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                long errors = of(callers, s).stream().mapToLong(p -> p.result().errors()).sum();
                row[i + 1] = cell.apply(median(callers, s, key))
                        + (withErrors && errors > 0 ? " (" + errors + " errors)" : "");
            }
            t.row(row);
        }
        return t;
    }

    /** Statistics of one value over every point (values below 0 or NaN left out). */
    private DoubleSummaryStatistics summary(ToDoubleFunction<Point> value) {
        return points.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                .mapToDouble(value).filter(v -> v >= 0).summaryStatistics();
    }

    /**
     * Lines under the tables: the hypervisor's share of the CPU during the points, and how much
     * of the database server's time was its background processes, processes that ended during a
     * window, and other sessions' (left out).
     */
    public String notes() {
        StringBuilder s = new StringBuilder();
        DoubleSummaryStatistics steal = summary(Point::stealPercent);
        if (steal.getCount() > 0) {
            s.append(String.format(Locale.ROOT, "CPU time stolen by the hypervisor during the points: %.1f %% to"
                    + " %.1f %% (mean %.1f %%).%n%n", steal.getMin(), steal.getMax(), steal.getAverage()));
        }
        double database = summary(p -> p.result().cpu().database()).getSum();
        double background = summary(p -> p.result().cpu().background()).getSum();
        double ended = summary(p -> p.result().cpu().ended()).getSum();
        double leftOut = summary(p -> p.result().cpu().leftOut()).getSum();
        if (database > 0 && background + ended + leftOut > 0) {
            s.append(String.format(Locale.ROOT, "Of the database server's CPU time counted over all points (%.1f s),"
                    + " %.0f %% was its background processes (they serve every session, other clients' too) and"
                    + " %.0f %% processes that ended during a window; other clients' sessions used %.1f CPU-s"
                    + " more, left out.%n%n", database, 100 * background / database, 100 * ended / database,
                    leftOut));
        }
        return s.toString();
    }

    /** The rate of {@code top} ÷ the rate of {@code bottom} at a number of callers (medians), or "n/a". */
    public String rateRatio(int callers, Scenario top, Scenario bottom) {
        double a = medianRate(callers, top);
        double b = medianRate(callers, bottom);
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "n/a" : Table.ratio(a / b);
    }
}
