package io.airlog.bench.load;

import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.internal.EventRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the database alone can insert: rows of the same shape as the harness's events (random
 * event and correlation ids, the same context and metadata lengths), generated inside the
 * database by {@code INSERT ... SELECT} statements of {@value #ROWS_PER_TRANSACTION} rows, each
 * committed on its own, into airlog's event table with all its indexes. No client work, no
 * hashing, one small round trip per 1,000 rows: an upper bound for one writer of these rows
 * into this schema. (One transaction of 100,000 rows would measure something else: H2, for
 * one, slows down under a transaction that large.)
 */
public final class InsertCeiling {
    static final int ROWS_PER_TRANSACTION = 1000;

    private InsertCeiling() {
    }

    /** Inserts {@code rows} rows into fresh tables and returns rows per second. */
    public static double measure(BenchDatabase db, int rows) throws SQLException {
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("ceiling"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long begin = System.nanoTime();
            int inserted = 0;
            for (int first = 1; first <= rows; first += ROWS_PER_TRANSACTION) {
                int last = Math.min(rows, first + ROWS_PER_TRANSACTION - 1);
                inserted += s.executeUpdate("INSERT INTO " + tables.event() + " (" + EventRows.COLUMNS + ") "
                        + select(db.kind(), first, last));
                c.commit();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (inserted != rows) {
                throw new IllegalStateException("inserted " + inserted + " rows, not " + rows);
            }
            return rows / seconds;
        } finally {
            db.dropTables(tables);
        }
    }

    private static String select(BenchDatabase.Kind kind, int first, int last) {
        String metadata = "'{\"roles\":[\"teller\",\"auditor\"]}'";
        String context = "'{\"amount\":125.5,\"currency\":\"EUR\",\"durationMicros\":812,\"to\":\"B-7\"}'";
        String checksums = "'" + "0".repeat(64) + "', '" + "0".repeat(64) + "', " + EventRows.ENCODING;
        return switch (kind) {
            case H2 -> "SELECT 'bench', X, CAST(RANDOM_UUID() AS VARCHAR), X * 1000, 'account.transfer',"
                    + " 'user-' || MOD(X, 16), 'PASSWORD', " + metadata + ", 'Account', 'A-' || X, 'SUCCESS',"
                    + " CAST(RANDOM_UUID() AS VARCHAR), " + context + ", " + checksums
                    + " FROM SYSTEM_RANGE(" + first + ", " + last + ")";
            case POSTGRESQL -> "SELECT 'bench', g, gen_random_uuid()::text, g * 1000, 'account.transfer',"
                    + " 'user-' || (g % 16), 'PASSWORD', " + metadata + ", 'Account', 'A-' || g, 'SUCCESS',"
                    + " gen_random_uuid()::text, " + context + ", " + checksums
                    + " FROM generate_series(" + first + ", " + last + ") g";
            // MariaDB's Sequence engine: seq_<first>_to_<last> is a table of the numbers.
            case MARIADB -> "SELECT 'bench', seq, UUID(), seq * 1000, 'account.transfer', CONCAT('user-', seq % 16),"
                    + " 'PASSWORD', " + metadata + ", 'Account', CONCAT('A-', seq), 'SUCCESS', UUID(), " + context
                    + ", " + checksums + " FROM seq_" + first + "_to_" + last;
        };
    }
}
