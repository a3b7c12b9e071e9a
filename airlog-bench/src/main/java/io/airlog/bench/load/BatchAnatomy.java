package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time of one batch transaction goes: airlog's writer statements, timed one by one,
 * for batches of a given size on one connection and an otherwise idle database. Both ways of
 * the writer (docs/jdbc-writer.md) are timed: under the lock ({@code SELECT ... FOR UPDATE},
 * seal, insert, compare-and-swap update, commit) and at the expected head (seal,
 * compare-and-swap update, insert, commit). With {@code n} synchronous callers a batch holds at
 * most {@code n} events, so {@code n} divided by the sum of the steps bounds what one writer
 * completes per second.
 */
public final class BatchAnatomy {
    /** The steps, in the order they are printed. */
    public static final List<String> STEPS = List.of("lock (SELECT ... FOR UPDATE)", "seal", "insert",
            "move head (compare-and-swap UPDATE)", "commit");

    private BatchAnatomy() {
    }

    /**
     * Mean milliseconds per step of each way.
     *
     * @param underLock the steps of a batch that locks the head first (every step)
     * @param atExpectedHead the steps of a batch at the expected head (no lock step)
     */
    public record Result(Map<String, Double> underLock, Map<String, Double> atExpectedHead) {

        /** The sum of the steps of a way, in milliseconds. */
        public static double total(Map<String, Double> steps) {
            return steps.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * Times {@code batches} transactions of {@code batchSize} events each way (after
     * {@code batches / 10} unmeasured ones), on fresh tables dropped afterwards.
     */
    public static Result measure(BenchDatabase db, int batchSize, int batches) throws SQLException {
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("anatomy"));
        try (Connection c = db.connect(); Rows.MultiRowInsert insert = new Rows.MultiRowInsert(tables, c);
             PreparedStatement create = c.prepareStatement("INSERT INTO " + tables.head()
                     + " (log_id, size, last_checksum) VALUES (?, 0, ?)");
             PreparedStatement lock = c.prepareStatement("SELECT size, last_checksum FROM " + tables.head()
                     + " WHERE log_id = ? FOR UPDATE");
             PreparedStatement move = c.prepareStatement("UPDATE " + tables.head()
                     + " SET size = ?, last_checksum = ?, updated_at = CURRENT_TIMESTAMP"
                     + " WHERE log_id = ? AND size = ? AND last_checksum = ?")) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            Batches run = new Batches(c, insert, lock, move, batchSize);
            create.setString(1, Batches.LOG_ID);
            create.setString(2, ChainPosition.GENESIS);
            create.executeUpdate();
            c.commit();
            int warmup = batches / 10;
            for (int i = 0; i < warmup; i++) {
                run.underLock(null);
                run.atExpectedHead(null);
            }
            long[] locked = new long[STEPS.size()];
            long[] expected = new long[STEPS.size()];
            for (int i = 0; i < batches; i++) {
                run.underLock(locked);
                run.atExpectedHead(expected);
            }
            return new Result(means(locked, batches, true), means(expected, batches, false));
        } finally {
            db.dropTables(tables);
        }
    }

    private static Map<String, Double> means(long[] nanos, int batches, boolean withLock) {
        Map<String, Double> steps = new LinkedHashMap<>();
        for (int i = withLock ? LOCK : SEAL; i < STEPS.size(); i++) {
            steps.put(STEPS.get(i), nanos[i] / 1e6 / batches);
        }
        return steps;
    }

    private static final int LOCK = 0;
    private static final int SEAL = 1;
    private static final int INSERT = 2;
    private static final int MOVE = 3;
    private static final int COMMIT = 4;

    /** One connection's batches; indexes into the timing arrays follow {@link #STEPS}. */
    private static final class Batches {
        static final String LOG_ID = "anatomy";

        private final Connection connection;
        private final Rows.MultiRowInsert insert;
        private final PreparedStatement lock;
        private final PreparedStatement move;
        private final int batchSize;
        private ChainPosition head = ChainPosition.EMPTY;
        private long drafts;

        Batches(Connection connection, Rows.MultiRowInsert insert, PreparedStatement lock, PreparedStatement move,
                int batchSize) {
            this.connection = connection;
            this.insert = insert;
            this.lock = lock;
            this.move = move;
            this.batchSize = batchSize;
        }

        void underLock(long[] nanos) throws SQLException {
            List<AuditDraft> batch = drafts();
            long t = System.nanoTime();
            lock.setString(1, LOG_ID);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                head = new ChainPosition(rs.getLong(1), rs.getString(2));
            }
            t = step(nanos, LOCK, t);
            List<AuditEvent> events = seal(batch);
            t = step(nanos, SEAL, t);
            insert.insert(events);
            t = step(nanos, INSERT, t);
            move(events);
            t = step(nanos, MOVE, t);
            connection.commit();
            step(nanos, COMMIT, t);
        }

        void atExpectedHead(long[] nanos) throws SQLException {
            List<AuditDraft> batch = drafts();
            long t = System.nanoTime();
            List<AuditEvent> events = seal(batch);
            t = step(nanos, SEAL, t);
            move(events);
            t = step(nanos, MOVE, t);
            insert.insert(events);
            t = step(nanos, INSERT, t);
            connection.commit();
            step(nanos, COMMIT, t);
        }

        /** Adds the time since {@code since} to the step (unless not measuring) and returns now. */
        private static long step(long[] nanos, int step, long since) {
            long now = System.nanoTime();
            if (nanos != null) {
                nanos[step] += now - since;
            }
            return now;
        }

        private List<AuditDraft> drafts() {
            List<AuditDraft> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                batch.add(Drafts.typical(Drafts.principal(i), ++drafts));
            }
            return batch;
        }

        private List<AuditEvent> seal(List<AuditDraft> batch) {
            List<AuditEvent> events = new ArrayList<>(batch.size());
            ChainPosition at = head;
            for (AuditDraft d : batch) {
                AuditEvent e = d.seal(LOG_ID, at.nextSequence(), at.lastChecksum());
                events.add(e);
                at = e.position();
            }
            return events;
        }

        private void move(List<AuditEvent> events) throws SQLException {
            ChainPosition next = events.get(events.size() - 1).position();
            move.setLong(1, next.size());
            move.setString(2, next.lastChecksum());
            move.setString(3, LOG_ID);
            move.setLong(4, head.size());
            move.setString(5, head.lastChecksum());
            if (move.executeUpdate() != 1) {
                throw new SQLException("the head of log " + LOG_ID + " moved under the probe");
            }
            head = next;
        }
    }
}
