package io.airlog.bench.query;

import io.airlog.AuditEvent;
import io.airlog.AuditQuery;
import io.airlog.bench.load.BenchDatabase;
import io.airlog.bench.load.GeneratedLog;
import io.airlog.bench.report.Table;
import io.airlog.jdbc.IndexProfile;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the {@linkplain IndexProfile index profiles} cost: for each profile, a log of
 * {@code rows} typical events is generated on fresh tables (the time to seal and insert it is
 * the profile's insert cost) and the viewer's filters are run through
 * {@link JdbcAuditStream#find} (one page of 50, median of {@value #RUNS} runs after one
 * warm-up run). The selective filters match one event in the middle of the log, the worst
 * case for a profile without their index: the log is read in sequence order up to it and on
 * to its end.
 */
public final class QueryBench {
    private static final String LOG_ID = "bench";
    private static final int RUNS = 5;
    private static final int PAGE = 50;

    private final BenchDatabase db;
    private final PrintStream progress;

    /** A measurement on {@code db}; progress lines go to {@code progress}. */
    public QueryBench(BenchDatabase db, PrintStream progress) {
        this.db = db;
        this.progress = progress;
    }

    /**
     * One profile's results on one database.
     *
     * @param database the database's label
     * @param profile the index profile
     * @param rows events in the log
     * @param generateSeconds time to seal and insert them
     * @param millis median milliseconds of each filter, by the filter's description
     */
    public record Result(String database, IndexProfile profile, int rows, double generateSeconds,
                         Map<String, Double> millis) {
    }

    /** Generates a log under each profile, measures the filters and drops the tables. */
    public List<Result> run(int rows) throws SQLException {
        List<Result> results = new ArrayList<>();
        for (IndexProfile profile : IndexProfile.values()) {
            results.add(run(profile, rows));
        }
        return results;
    }

    private Result run(IndexProfile profile, int rows) throws SQLException {
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("query" + profile.configValue()), profile);
        try {
            GeneratedLog log = new GeneratedLog(db, tables, LOG_ID);
            long t0 = System.nanoTime();
            log.append(rows);
            double generate = (System.nanoTime() - t0) / 1e9;
            progress.printf(Locale.ROOT, "[%s, %s indexes] generated %,d sealed rows in %.1f s%n", db.label(),
                    profile.configValue(), rows, generate);
            Map<String, Double> millis = new LinkedHashMap<>();
            try (JdbcAuditStream stream = JdbcAuditStream.builder(db.dataSource()).tablePrefix(tables.prefix())
                    .schemaMode(SchemaMode.NONE).logId(LOG_ID).build()) {
                AuditEvent middle = stream.find(AuditQuery.builder().sequences(rows / 2, rows / 2).build()).get(0);
                Instant at = middle.timestamp();
                Map<String, AuditQuery> filters = new LinkedHashMap<>();
                filters.put("newest page (sequence range)", AuditQuery.builder().sequences(rows - PAGE + 1, rows)
                        .limit(PAGE).build());
                filters.put("principal (1 event in 16)", AuditQuery.builder().subject(middle.principal().subject())
                        .limit(PAGE).build());
                filters.put("principal, from the middle (offset)", AuditQuery.builder()
                        .subject(middle.principal().subject()).offset(rows / 32).limit(PAGE).build());
                filters.put("time range of 1 ms (1 event)", AuditQuery.builder()
                        .between(at, at.plus(Duration.ofMillis(1))).limit(PAGE).build());
                filters.put("resource id (1 event)", AuditQuery.builder().resource("Account")
                        .resourceId(middle.resourceId()).limit(PAGE).build());
                filters.put("correlation id (1 event)", AuditQuery.builder()
                        .correlationId(middle.correlationId()).limit(PAGE).build());
                for (Map.Entry<String, AuditQuery> f : filters.entrySet()) {
                    millis.put(f.getKey(), median(stream, f.getValue()));
                }
            }
            progress.printf(Locale.ROOT, "[%s, %s indexes] %s%n", db.label(), profile.configValue(), millis);
            return new Result(db.label(), profile, rows, generate, millis);
        } finally {
            db.dropTables(tables);
        }
    }

    private static double median(JdbcAuditStream stream, AuditQuery query) {
        stream.find(query);
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            List<AuditEvent> found = stream.find(query);
            ms[i] = (System.nanoTime() - start) / 1e6;
            if (found.isEmpty()) {
                throw new IllegalStateException("the query found nothing: " + query);
            }
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    /** The table of every database's results: one row per filter, one column per profile. */
    public static Table table(List<Result> results) {
        List<String> header = new ArrayList<>(List.of("database", "filter"));
        for (IndexProfile p : IndexProfile.values()) {
            header.add(p.configValue() + " indexes, ms");
        }
        Table t = new Table(header.toArray(String[]::new));
        Map<String, List<Result>> byDatabase = new LinkedHashMap<>();
        for (Result r : results) {
            byDatabase.computeIfAbsent(r.database(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Result>> e : byDatabase.entrySet()) {
            List<Result> rs = e.getValue();
            row(t, e.getKey(), "(generating the log: seal + insert, rows/s)", rs,
                    r -> Table.count(r.rows() / r.generateSeconds()));
            for (String filter : rs.get(0).millis().keySet()) {
                row(t, e.getKey(), filter, rs, r -> String.format(Locale.ROOT, "%.2f", r.millis().get(filter)));
            }
        }
        return t;
    }

    private static void row(Table t, String database, String filter, List<Result> rs,
                            Function<Result, String> cell) {
        List<String> cells = new ArrayList<>(List.of(database, filter));
        for (Result r : rs) {
            cells.add(cell.apply(r));
        }
        t.row(cells.toArray(String[]::new));
    }
}
