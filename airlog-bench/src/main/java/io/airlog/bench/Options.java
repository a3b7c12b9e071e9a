package io.airlog.bench;

import io.airlog.bench.load.BenchDatabase;
import io.airlog.bench.load.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link Main}: {@code <command> [--option value]...}.
 *
 * @param command {@code all}, {@code jmh}, {@code load}, {@code verify} or {@code memory}
 * @param databases the databases to measure ({@code --db h2|postgresql|mariadb|all}, several with
 *                  commas; default and {@code all}: H2 and PostgreSQL)
 * @param scenarios the load scenarios ({@code --scenarios airlog-sync,naive,...}, default all)
 * @param callers the numbers of concurrent callers ({@code --callers 1,4,16,64})
 * @param rounds how many times the load harness measures each point ({@code --rounds 3}); the
 *               tables show medians
 * @param warmup warm-up before each load point ({@code --warmup 3}, seconds)
 * @param window measured window of each load point ({@code --seconds 10})
 * @param rows old rows for the verification measurement ({@code --rows 1000000})
 * @param newRows rows added after the recorded position for the incremental check ({@code --new-rows 10000})
 * @param signedRows events the signing writer writes for {@code airlog verify} ({@code --signed-rows 100000})
 * @param memorySeconds steady load of the memory check ({@code --memory-seconds 60})
 * @param postgresqlUrl the PostgreSQL server ({@code --pg-url})
 * @param mariadbUrl the MariaDB server ({@code --mariadb-url})
 * @param jmhArgs extra JMH options after {@code --} (command {@code jmh} only)
 */
public record Options(String command, List<BenchDatabase.Kind> databases, List<Scenario> scenarios,
                      List<Integer> callers, int rounds, Duration warmup,
                      Duration window, int rows, int newRows, int signedRows, Duration memorySeconds, String postgresqlUrl,
                      String mariadbUrl, List<String> jmhArgs) {

    /** The commands. */
    public static final List<String> COMMANDS = List.of("all", "jmh", "load", "verify", "query", "memory");

    /** The usage text. */
    public static final String USAGE = """
            usage: java -jar airlog-bench/target/airlog-bench.jar <command> [options]
              commands:
                all      jmh, then load, verify, query and memory: every table of docs/benchmarks.md
                jmh      JMH micro-benchmarks (seal, interceptor, redaction, in-memory verification,
                         checkpoint signing, Merkle proofs at 1,000,000 events)
                load     the load harness: scenarios x callers x rounds on each database (and the
                         file scenarios once, on the disk of the temporary directory)
                verify   full and incremental verification throughput over --rows rows, and
                         `airlog verify` on a log of --signed-rows events that the writer signed
                query    the viewer's filters on a log of --rows events under each index profile
                memory   a steady load in a child JVM with -Xmx256m; heap after GC at start and end
              options:
                --db h2,postgresql,...    databases: h2, postgresql, mariadb, or all (= h2,postgresql;
                                          the default)
                --scenarios a,b,...       load scenarios (default all): airlog-sync,
                                          airlog-sync-signed-1s, airlog-sync-signed-every-batch,
                                          airlog-sync-write-indexes, airlog-async,
                                          plain-batch, naive, naive-chained, two-jvms, log4j-jdbc,
                                          log4j-jdbc-batched, log4j-async-jdbc, airlog-file, log4j-file
                --callers 1,4,16,64       concurrent callers of the load harness
                --rounds N                rounds of every load point; tables show medians (default 3)
                --seconds N               measured window per load point (default 10)
                --warmup N                warm-up per load point (default 3)
                --rows N                  rows for the verification and query measurements (default 1000000)
                --new-rows N              rows added for the incremental check (default 10000)
                --signed-rows N           events of the signed log for `airlog verify` (default 100000)
                --memory-seconds N        length of the memory check's steady load (default 60)
                --pg-url URL              PostgreSQL (default %s)
                --mariadb-url URL         MariaDB (default %s)
                -- ARGS                   (jmh only) passed to JMH, e.g. -- -f 1 -wi 2 -i 3 Interceptor
            """.formatted(BenchDatabase.DEFAULT_POSTGRESQL_URL, BenchDatabase.DEFAULT_MARIADB_URL);

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the option and the problem
     */
    public static Options parse(String... args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            throw new IllegalArgumentException(args.length == 0 ? "a command is required"
                    : "unknown command '" + args[0] + "'; commands: " + COMMANDS);
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--")) {
                jmhArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            }
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("option '" + args[i] + "' needs a value (--name value)");
            }
            values.put(args[i].substring(2), args[++i]);
        }
        List<String> known = List.of("db", "scenarios", "callers", "rounds", "seconds", "warmup", "rows", "new-rows",
                "signed-rows", "memory-seconds", "pg-url", "mariadb-url");
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        List<BenchDatabase.Kind> databases = new ArrayList<>();
        for (String db : values.getOrDefault("db", "all").split(",")) {
            List<BenchDatabase.Kind> kinds = db.trim().equals("all")
                    ? List.of(BenchDatabase.Kind.H2, BenchDatabase.Kind.POSTGRESQL)
                    : List.of(BenchDatabase.kindOf(db.trim()));
            for (BenchDatabase.Kind kind : kinds) {
                if (!databases.contains(kind)) {
                    databases.add(kind);
                }
            }
        }
        List<Integer> callers = new ArrayList<>();
        for (String c : values.getOrDefault("callers", "1,4,16,64").split(",")) {
            callers.add(positive("callers", c.trim()));
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (values.containsKey("scenarios")) {
            for (String name : values.get("scenarios").split(",")) {
                scenarios.add(Scenario.ofCliName(name.trim()));
            }
        } else {
            scenarios.addAll(List.of(Scenario.values()));
        }
        return new Options(args[0], List.copyOf(databases), List.copyOf(scenarios), List.copyOf(callers),
                positive("rounds", values.getOrDefault("rounds", "3")),
                Duration.ofSeconds(positive("warmup", values.getOrDefault("warmup", "3"))),
                Duration.ofSeconds(positive("seconds", values.getOrDefault("seconds", "10"))),
                positive("rows", values.getOrDefault("rows", "1000000")),
                positive("new-rows", values.getOrDefault("new-rows", "10000")),
                positive("signed-rows", values.getOrDefault("signed-rows", "100000")),
                Duration.ofSeconds(positive("memory-seconds", values.getOrDefault("memory-seconds", "60"))),
                values.getOrDefault("pg-url", BenchDatabase.DEFAULT_POSTGRESQL_URL),
                values.getOrDefault("mariadb-url", BenchDatabase.DEFAULT_MARIADB_URL), List.copyOf(jmhArgs));
    }

    private static int positive(String option, String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + ": '" + value + "' is not a whole number");
        }
        if (n < 1) {
            throw new IllegalArgumentException("--" + option + " must be at least 1: " + n);
        }
        return n;
    }
}
