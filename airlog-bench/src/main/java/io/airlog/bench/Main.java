package io.airlog.bench;

import io.airlog.bench.jmh.JmhSuite;
import io.airlog.bench.load.BenchDatabase;
import io.airlog.bench.load.FileLoad;
import io.airlog.bench.load.LoadHarness;
import io.airlog.bench.load.LoadPlan;
import io.airlog.bench.load.Scenario;
import io.airlog.bench.memory.MemoryCheck;
import io.airlog.bench.report.Table;
import io.airlog.bench.query.QueryBench;
import io.airlog.bench.verify.CliVerificationBench;
import io.airlog.bench.verify.VerificationBench;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmarks' command line: {@code java -jar airlog-bench/target/airlog-bench.jar <command>
 * [options]} (see {@link Options#USAGE}). Tables go to standard output as Markdown; progress to
 * standard error.
 */
public final class Main {
    private Main() {
    }

    /** Runs a command. */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        Path h2Directory = Files.createTempDirectory("airlog-bench-h2");
        BenchDatabase h2 = BenchDatabase.h2File(h2Directory);
        List<BenchDatabase> databases = new ArrayList<>();
        for (BenchDatabase.Kind kind : options.databases()) {
            databases.add(switch (kind) {
                case H2 -> h2;
                case POSTGRESQL -> BenchDatabase.postgresql(options.postgresqlUrl());
                case MARIADB -> BenchDatabase.mariadb(options.mariadbUrl());
            });
        }
        // An embedded H2 database closes (storing and compacting its file) when its last
        // connection closes; one idle connection keeps it open for the run, as an
        // application's connection pool does.
        Connection keepOpen = databases.contains(h2) ? h2.connect() : null;
        try {
            out.println("## airlog-bench " + String.join(" ", args));
            out.println();
            for (String line : Machine.describe(databases)) {
                out.println("- " + line);
            }
            out.println();
            String command = options.command();
            boolean all = command.equals("all");
            if (command.equals("jmh") || all) {
                Machine.CpuTimes start = section(out, "JMH");
                JmhSuite.run(options.jmhArgs(), out);
                endSection(out, start);
                out.println();
            }
            if (command.equals("load") || all) {
                LoadPlan plan = new LoadPlan(options.scenarios(), options.callers(), options.rounds(),
                        options.warmup(), options.window());
                List<Scenario> onDatabases = options.scenarios().stream().filter(s -> !s.writesFile()).toList();
                List<Scenario> onFiles = options.scenarios().stream().filter(Scenario::writesFile).toList();
                out.println("### What a caller holds when its call returns");
                out.println();
                out.print(guarantees(options.scenarios()).render());
                out.println();
                for (BenchDatabase db : onDatabases.isEmpty() ? List.<BenchDatabase>of() : databases) {
                    Machine.CpuTimes start = section(out, "load on " + db.label());
                    LoadHarness harness = new LoadHarness(db, plan.with(onDatabases), System.err);
                    harness.run();
                    harness.print(out);
                    endSection(out, start);
                    out.println();
                }
                if (!onFiles.isEmpty()) {
                    Path directory = Files.createTempDirectory("airlog-bench-files");
                    try {
                        Machine.CpuTimes start = section(out, "load on files");
                        FileLoad files = new FileLoad(directory, plan.with(onFiles), System.err);
                        files.run();
                        files.print(out);
                        endSection(out, start);
                        out.println();
                    } finally {
                        deleteRecursively(directory);
                    }
                }
            }
            if (command.equals("verify") || all) {
                Machine.CpuTimes start = section(out, "verification");
                List<VerificationBench.Result> results = new ArrayList<>();
                for (BenchDatabase db : databases) {
                    results.add(new VerificationBench(db, System.err).run(options.rows(), options.newRows()));
                }
                out.println("### Verification with JdbcChainVerifier (one thread, one connection)");
                out.println();
                out.print(VerificationBench.table(results).render());
                out.println();
                List<CliVerificationBench.Result> cli = new ArrayList<>();
                for (BenchDatabase db : databases) {
                    cli.add(new CliVerificationBench(db, System.err).run(options.signedRows(), options.newRows()));
                }
                out.println("### `airlog verify` (in this JVM) on a log the writer signed every second, with the key"
                        + " and the witness file");
                out.println();
                out.print(CliVerificationBench.table(cli).render());
                out.println();
                for (CliVerificationBench.Result r : cli) {
                    out.println(r.database() + ", `airlog verify --incremental` said: "
                            + r.incrementalReport().replace("\n", " "));
                    out.println();
                }
                endSection(out, start);
                out.println();
            }
            if (command.equals("query") || all) {
                Machine.CpuTimes start = section(out, "queries by index profile");
                List<QueryBench.Result> results = new ArrayList<>();
                for (BenchDatabase db : databases) {
                    results.addAll(new QueryBench(db, System.err).run(options.rows()));
                }
                out.println("### The viewer's filters under each index profile (" + Table.count(options.rows())
                        + " events, one page of 50, median of 5 runs)");
                out.println();
                out.print(QueryBench.table(results).render());
                out.println();
                endSection(out, start);
                out.println();
            }
            if (command.equals("memory") || all) {
                Machine.CpuTimes start = section(out, "memory");
                List<MemoryCheck.Result> results = new ArrayList<>();
                for (BenchDatabase db : databases) {
                    results.add(MemoryCheck.run(db, (int) options.memorySeconds().toSeconds(), h2Directory));
                }
                out.println("### Memory: steady load in a child JVM with " + MemoryCheck.HEAP);
                out.println();
                out.print(MemoryCheck.table(results).render());
                out.println();
                out.print(MemoryCheck.samples(results).render());
                out.println();
                endSection(out, start);
                out.println();
            }
        } finally {
            if (keepOpen != null) {
                keepOpen.close();
            }
            deleteRecursively(h2Directory);
        }
    }

    /** What each scenario's caller holds when its call returns, and what a crash can lose. */
    static Table guarantees(List<Scenario> scenarios) {
        Table t = new Table("scenario", "when the call returns, the event is", "a crash can lose");
        for (Scenario s : scenarios) {
            t.row(s.label(), s.atReturn(), s.crashLoses());
        }
        return t;
    }

    private static Machine.CpuTimes section(PrintStream out, String title) {
        out.println("load average before " + title + ": " + Machine.loadAverage());
        out.println();
        return Machine.CpuTimes.now();
    }

    private static void endSection(PrintStream out, Machine.CpuTimes start) {
        out.println("load average after: " + Machine.loadAverage());
        Machine.CpuTimes end = Machine.CpuTimes.now();
        if (start != null && end != null) {
            out.println();
            out.println("CPU time of the machine during this part: " + end.since(start) + ".");
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
