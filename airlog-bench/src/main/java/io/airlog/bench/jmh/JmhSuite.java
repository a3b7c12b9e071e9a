package io.airlog.bench.jmh;

import io.airlog.bench.report.Table;
import java.io.PrintStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this package (each class's own warm-up, measurement and fork
 * settings) and prints one table, plus the interceptor's costs and ratio.
 */
public final class JmhSuite {
    /** The size of the log whose proofs are reported: what MerkleBenchmark's parameter measures. */
    static final int MERKLE_LEAVES = 1_000_000;

    private JmhSuite() {
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param jmhArgs JMH command-line options (e.g. {@code -f 1 -i 3 Interceptor}); empty runs
     *                every benchmark of the package
     */
    public static void run(List<String> jmhArgs, PrintStream out) throws Exception {
        Options options;
        if (jmhArgs.isEmpty()) {
            options = new OptionsBuilder().include(JmhSuite.class.getPackageName().replace(".", "\\.") + "\\..*")
                    .shouldFailOnError(true).build();
        } else {
            options = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        }
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = print(results, out);
        if (results.stream().anyMatch(r -> r.getParams().getBenchmark().contains(".MerkleBenchmark."))) {
            MerkleBenchmark merkle = new MerkleBenchmark();
            merkle.leaves = MERKLE_LEAVES;
            merkle.setUp();
            out.println("### Proofs at " + Table.count(MERKLE_LEAVES) + " events (MerkleBenchmark; leaves in memory,"
                    + " one thread; target ≤ 1,024 bytes)");
            out.println();
            out.print(merkle.table(scores).render());
            out.println();
        }
    }

    /** Prints the table; returns the scores by {@code Class.method}. */
    private static Map<String, Double> print(Collection<RunResult> results, PrintStream out) {
        Table table = new Table("benchmark", "score", "± error (99.9 %)", "unit");
        Map<String, Double> scores = new HashMap<>();
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            Result<?> primary = run.getPrimaryResult();
            scores.put(name, primary.getScore());
            table.row(name, String.format(Locale.ROOT, "%,.1f", primary.getScore()),
                    String.format(Locale.ROOT, "%,.1f", primary.getScoreError()), primary.getScoreUnit());
        }
        out.println("### JMH micro-benchmarks (one thread)");
        out.println();
        out.print(table.render());
        out.println();
        Double audited = scores.get("InterceptorBenchmark.auditLog");
        Double empty = scores.get("InterceptorBenchmark.emptyInterceptor");
        Double plain = scores.get("InterceptorBenchmark.noInterceptor");
        if (audited != null && empty != null && plain != null) {
            out.printf(Locale.ROOT, "interceptor + draft + checksum: %.0f ns per call (target < 5,000 ns);"
                            + " audited ÷ empty interceptor = %.1f× (target ≤ 3×); cost added by auditing %.0f ns,"
                            + " by the empty interceptor %.0f ns%n%n", audited, audited / empty, audited - plain,
                    empty - plain);
        }
        return scores;
    }
}
