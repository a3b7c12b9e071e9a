package io.airlog.bench.verify;

import io.airlog.WriteMode;
import io.airlog.bench.load.BenchDatabase;
import io.airlog.bench.load.Drafts;
import io.airlog.bench.report.Table;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.cli.Airlog;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code airlog verify} (the command line's own command, run in this JVM through
 * {@link Airlog#run}) on a database log that airlog's writer signed: {@code rows} events written
 * by a {@link JdbcAuditStream} that signs a checkpoint every second and publishes it to a
 * witness file, then two full checks with the writer's public key and the witness (the first
 * also warms the JIT); then {@code newRows} events appended by a writer without a key (an
 * unsigned tail, reported as a notice), and an incremental check, which starts at the newest
 * checkpoint row the key signed. Each time is the whole command: connecting, reading the keys
 * and the witness, the check and its report.
 */
public final class CliVerificationBench {
    private static final String LOG_ID = "bench";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final BenchDatabase db;
    private final PrintStream progress;

    /** A measurement on {@code db}; progress lines go to {@code progress}. */
    public CliVerificationBench(BenchDatabase db, PrintStream progress) {
        this.db = db;
        this.progress = progress;
    }

    /**
     * One database's results.
     *
     * @param database the database's label
     * @param rows events the signing writer wrote
     * @param checkpoints checkpoint rows it signed
     * @param writeSeconds time to write them
     * @param fullSeconds the two full checks
     * @param newRows events appended without a key afterwards
     * @param incrementalSeconds the incremental check
     * @param incrementalReport what the incremental check printed
     */
    public record Result(String database, int rows, long checkpoints, double writeSeconds, double[] fullSeconds,
                         int newRows, double incrementalSeconds, String incrementalReport) {
    }

    /** Writes, verifies and drops a log on fresh tables, with a witness file in a temporary directory. */
    public Result run(int rows, int newRows) throws SQLException, IOException {
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("cliverify"));
        Path directory = Files.createTempDirectory("airlog-bench-verify");
        NoteSigner key = SigningKeys.generate("bench.airlog.io/cli");
        Path keys = Files.writeString(directory.resolve("keys"), key.verifierKey().encode() + "\n",
                StandardCharsets.UTF_8);
        Path witness = FileWitness.fileFor(directory, LOG_ID);
        try {
            long t0 = System.nanoTime();
            long checkpoints;
            try (JdbcAuditStream signing = stream(tables).signer(key).checkpointInterval(INTERVAL)
                    .witnessFile(directory).build()) {
                write(signing, 0, rows);
                signing.close();
                checkpoints = signing.writerCounters().checkpointsSigned();
            }
            double write = (System.nanoTime() - t0) / 1e9;
            progress.printf(Locale.ROOT, "[%s] wrote %,d events with %,d signed checkpoints in %.1f s%n", db.label(),
                    rows, checkpoints, write);
            List<String> verify = new ArrayList<>(List.of("verify", "--url", db.url(), "--log", LOG_ID,
                    "--table-prefix", tables.prefix(), "--keys", keys.toString(), "--witness", witness.toString()));
            double[] full = new double[2];
            for (int i = 0; i < full.length; i++) {
                long start = System.nanoTime();
                String report = airlog(verify);
                full[i] = (System.nanoTime() - start) / 1e9;
                progress.printf(Locale.ROOT, "[%s] airlog verify, run %d: %.2f s: %s%n", db.label(), i + 1, full[i],
                        report.lines().findFirst().orElse(""));
            }
            try (JdbcAuditStream unsigned = stream(tables).trustedKeys(TrustedKeys.of(key.verifierKey())).build()) {
                write(unsigned, rows, newRows);
            }
            verify.add("--incremental");
            long start = System.nanoTime();
            String incremental = airlog(verify);
            double incrementalSeconds = (System.nanoTime() - start) / 1e9;
            progress.printf(Locale.ROOT, "[%s] airlog verify --incremental: %.3f s: %s%n", db.label(),
                    incrementalSeconds, incremental.replace('\n', ' '));
            return new Result(db.label(), rows, checkpoints, write, full, newRows, incrementalSeconds, incremental);
        } finally {
            Files.deleteIfExists(keys);
            Files.deleteIfExists(witness);
            Files.deleteIfExists(directory);
            db.dropTables(tables);
        }
    }

    private JdbcAuditStream.Builder stream(TableNames tables) {
        return JdbcAuditStream.builder(db.dataSource()).name("bench-verify").logId(LOG_ID)
                .tablePrefix(tables.prefix()).schemaMode(SchemaMode.VALIDATE).writeMode(WriteMode.ASYNC);
    }

    /** Hands over {@code count} events without waiting for each commit, then waits for all of them. */
    private static void write(JdbcAuditStream stream, int from, int count) {
        List<CompletableFuture<?>> stages = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            stages.add(stream.recordAsync(Drafts.typical(Drafts.principal(n % 16), n)).toCompletableFuture());
        }
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Runs {@code airlog} with {@code args}; returns what it printed.
     *
     * @throws IllegalStateException unless it exits 0 (intact)
     */
    static String airlog(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Airlog.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("airlog " + String.join(" ", args) + " exited " + status + ": " + out
                    + err);
        }
        return out.toString().strip();
    }

    /** The table of every database's results. */
    public static Table table(List<Result> results) {
        Table t = new Table("database", "airlog verify", "rows read", "seconds", "rows/s");
        for (Result r : results) {
            for (int i = 0; i < r.fullSeconds().length; i++) {
                t.row(r.database(), "full, keys and witness, run " + (i + 1), Table.count(r.rows()),
                        String.format(Locale.ROOT, "%.2f", r.fullSeconds()[i]),
                        Table.count(r.rows() / r.fullSeconds()[i]));
            }
            t.row(r.database(), "--incremental (" + Table.count(r.newRows()) + " unsigned after "
                            + Table.count(r.rows()) + ")", Table.count(r.newRows()),
                    String.format(Locale.ROOT, "%.3f", r.incrementalSeconds()),
                    Table.count(r.newRows() / r.incrementalSeconds()));
            t.row(r.database(), "(writing the log: " + Table.count(r.checkpoints()) + " signed checkpoints, 1 s)",
                    Table.count(r.rows()), String.format(Locale.ROOT, "%.1f", r.writeSeconds()),
                    Table.count(r.rows() / r.writeSeconds()));
        }
        return t;
    }
}
