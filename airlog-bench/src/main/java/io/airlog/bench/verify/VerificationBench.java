package io.airlog.bench.verify;

import io.airlog.ChainPosition;
import io.airlog.bench.load.BenchDatabase;
import io.airlog.bench.load.GeneratedLog;
import io.airlog.bench.report.Table;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSignature;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import io.airlog.merkle.TreeEdge;
import io.airlog.verify.VerificationReport;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Verification throughput of a stored log with {@link JdbcChainVerifier} (one thread, one
 * connection, default page size, with trusted keys): a full check of {@code rows} rows and
 * the signed checkpoint row stored after them (twice: the first run also warms the JIT), then,
 * after {@code newRows} rows are appended, an incremental check that starts at that checkpoint
 * and reads only the new rows. The log is a {@link GeneratedLog}.
 */
public final class VerificationBench {
    private static final String LOG_ID = "bench";

    private static final NoteSigner KEY = SigningKeys.generate("bench.airlog.io/verify");

    private final BenchDatabase db;
    private final PrintStream progress;

    /** A measurement on {@code db}; progress lines go to {@code progress}. */
    public VerificationBench(BenchDatabase db, PrintStream progress) {
        this.db = db;
        this.progress = progress;
    }

    /**
     * One database's results.
     *
     * @param database the database's label
     * @param rows old rows
     * @param generateSeconds time to seal and insert them
     * @param fullSeconds the two full checks
     * @param newRows rows appended after the signed checkpoint
     * @param incrementalSeconds the incremental check
     */
    public record Result(String database, int rows, double generateSeconds, double[] fullSeconds, int newRows,
                         double incrementalSeconds) {
    }

    /** Generates, verifies and drops a log on fresh tables. */
    public Result run(int rows, int newRows) throws SQLException {
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("verify"));
        try {
            GeneratedLog log = new GeneratedLog(db, tables, LOG_ID);
            long t0 = System.nanoTime();
            log.append(rows);
            double generate = (System.nanoTime() - t0) / 1e9;
            progress.printf(Locale.ROOT, "[%s] generated %,d sealed rows in %.1f s%n", db.label(), rows, generate);
            sign(tables, log.end(), log.edge());
            JdbcChainVerifier verifier = JdbcChainVerifier.builder(db.dataSource(), tables)
                    .trustedKeys(TrustedKeys.of(KEY.verifierKey())).build();
            double[] full = new double[2];
            VerificationReport report = null;
            for (int i = 0; i < full.length; i++) {
                long start = System.nanoTime();
                report = verifier.verifyFull(LOG_ID);
                full[i] = (System.nanoTime() - start) / 1e9;
                check(report, rows);
                progress.printf(Locale.ROOT, "[%s] full check %d: %,d rows in %.2f s%n", db.label(), i + 1, rows,
                        full[i]);
            }
            log.append(newRows);
            long start = System.nanoTime();
            VerificationReport incremental = verifier.verifyIncremental(LOG_ID);
            double incrementalSeconds = (System.nanoTime() - start) / 1e9;
            check(incremental, rows + newRows);
            progress.printf(Locale.ROOT, "[%s] incremental check: %,d new rows in %.3f s%n", db.label(), newRows,
                    incrementalSeconds);
            return new Result(db.label(), rows, generate, full, newRows, incrementalSeconds);
        } finally {
            db.dropTables(tables);
        }
    }

    /** Stores the signed checkpoint of the log's first {@code end.size()} events, as the writer would. */
    private void sign(TableNames tables, ChainPosition end, TreeEdge edge) throws SQLException {
        SignedNote note = KEY.sign(Checkpoint.of(Checkpoint.defaultOrigin(LOG_ID), edge));
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.checkpoint()
                + " (log_id, size, last_checksum, merkle_root, signature, key_id, edge, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            NoteSignature signature = note.signatures().get(0);
            ps.setString(1, LOG_ID);
            ps.setLong(2, end.size());
            ps.setString(3, end.lastChecksum());
            ps.setString(4, edge.root().hex());
            ps.setString(5, signature.line());
            ps.setString(6, signature.keyName() + "+" + signature.keyIdHex());
            ps.setString(7, edge.encode());
            ps.setString(8, note.format());
            ps.executeUpdate();
        }
    }

    private static void check(VerificationReport report, long size) {
        if (!report.intact() || report.end().size() != size) {
            throw new IllegalStateException("expected an intact log of " + size + " events: " + report.summary());
        }
    }

    /** The table of every database's results. */
    public static Table table(List<Result> results) {
        Table t = new Table("database", "check", "rows read", "seconds", "rows/s");
        for (Result r : results) {
            for (int i = 0; i < r.fullSeconds().length; i++) {
                t.row(r.database(), "full, run " + (i + 1), Table.count(r.rows()),
                        String.format(Locale.ROOT, "%.2f", r.fullSeconds()[i]),
                        Table.count(r.rows() / r.fullSeconds()[i]));
            }
            t.row(r.database(), "incremental (" + Table.count(r.newRows()) + " new after " + Table.count(r.rows())
                            + ")", Table.count(r.newRows()), String.format(Locale.ROOT, "%.3f", r.incrementalSeconds()),
                    Table.count(r.newRows() / r.incrementalSeconds()));
            t.row(r.database(), "(generating the log: seal + insert)", Table.count(r.rows()),
                    String.format(Locale.ROOT, "%.1f", r.generateSeconds()),
                    Table.count(r.rows() / r.generateSeconds()));
        }
        return t;
    }
}
