package io.airlog.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.HdrHistogram.Histogram;

/**
 * The latency of the smallest durable transaction on a database: one single-row
 * {@code INSERT} in auto-commit mode, from one connection, on an otherwise idle table. On a
 * database that flushes its log at commit (PostgreSQL with {@code fsync} and
 * {@code synchronous_commit} on) this is one round trip plus one WAL flush, and it bounds
 * every synchronous writer: a caller that waits for its commit completes at most one event
 * per commit latency, so {@code n} such callers together complete at most
 * {@code n / latency} events per second, however the commits are grouped.
 */
public final class CommitProbe {
    private CommitProbe() {
    }

    /**
     * Runs {@code commits} one-row transactions (after {@code commits / 10} unmeasured ones) on
     * a table of its own, dropped afterwards.
     *
     * @return the latencies in nanoseconds
     */
    public static Histogram measure(BenchDatabase db, int commits) throws SQLException {
        String table = BenchDatabase.freshPrefix("probe") + "t";
        Histogram latency = new Histogram(3);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, filler VARCHAR(100))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                int warmup = commits / 10;
                for (int i = 0; i < warmup + commits; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "x".repeat(64));
                    long begin = System.nanoTime();
                    insert.executeUpdate();
                    if (i >= warmup) {
                        latency.recordValue(System.nanoTime() - begin);
                    }
                }
            } finally {
                s.execute("DROP TABLE " + table);
            }
        }
        return latency;
    }
}
