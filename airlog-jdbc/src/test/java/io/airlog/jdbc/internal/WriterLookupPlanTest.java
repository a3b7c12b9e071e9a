package io.airlog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.jdbc.IndexProfile;
import io.airlog.jdbc.SchemaManager;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL caches a generic plan of a server-side prepared statement after five executions
 * and keeps it until the table's statistics change. A writer that starts on a fresh table
 * plans while the table is tiny and every index costs the same; its lookups by sequence must
 * still go through the primary key, or each one scans the whole log as it grows.
 */
class WriterLookupPlanTest {
    @Test
    void theEndRowsLookupUsesThePrimaryKeyInAGenericPlanMadeOnATinyTable() throws SQLException {
        assertEventScansUsePrimaryKey(genericPlan(ChainAppender::endRowsSql, "'plan', 7"));
    }

    @Test
    void theRowsFromLookupUsesThePrimaryKeyInAGenericPlanMadeOnATinyTable() throws SQLException {
        assertEventScansUsePrimaryKey(genericPlan(StoredTail::rowsFromSql, "'plan', 7"));
    }

    @Test
    void theHeadMoveThatChecksTheEndUsesThePrimaryKeyInAGenericPlanMadeOnATinyTable() throws SQLException {
        String sixteen = "'plan', 16, '" + "1".repeat(64) + "'";
        assertEventScansUsePrimaryKey(genericPlan(HeadRow::advanceAtEndSql,
                "17, 'x', " + sixteen + ", 'plan', 16, 16, " + sixteen));
    }

    @Test
    void onTheSameTableAnEqualityLookupBySequenceGoesThroughAnotherIndex() throws SQLException {
        // the control: what the writer ran before, and why its lookups take the shapes above
        List<String> plan = genericPlan(t -> "SELECT checksum FROM " + t.event() + " WHERE log_id = ? AND seq = ?",
                "'plan', 7");
        assertThat(plan).as("generic plan").anyMatch(line -> line.contains("Index Scan"))
                .noneMatch(line -> line.contains("event_pk"));
    }

    /** Every scan of the event table in {@code plan} goes through its primary key; nothing is sorted. */
    private static void assertEventScansUsePrimaryKey(List<String> plan) {
        List<String> eventScans = plan.stream().filter(line -> line.contains("Scan") && line.contains("event "))
                .toList();
        assertThat(eventScans).as("scans of the event table in %s", plan).isNotEmpty()
                .allMatch(line -> line.contains("Index") && line.contains("event_pk"));
        assertThat(plan).as("generic plan").noneMatch(line -> line.contains("Sort"));
    }

    /**
     * The generic plan PostgreSQL makes for {@code sql} (with its {@code ?} numbered, executed
     * with {@code arguments}) on an
     * event table of the query profile that holds 20 rows of one log and was never analyzed.
     */
    private static List<String> genericPlan(Function<TableNames, String> sql, String arguments)
            throws SQLException {
        TableNames tables = TableNames.of(TestDatabase.uniquePrefix());
        new SchemaManager(tables, IndexProfile.QUERY).apply(TestDatabase.POSTGRESQL.dataSource("plan"),
                SchemaMode.CREATE);
        try (Connection c = TestDatabase.POSTGRESQL.connect("plan"); Statement s = c.createStatement()) {
            try {
                s.execute("INSERT INTO " + tables.event() + " (log_id, seq, event_id, ts_nanos, action,"
                        + " principal_subject, principal_auth, principal_metadata, outcome, context,"
                        + " previous_checksum, checksum) SELECT 'plan', g, gen_random_uuid()::text, g, 'a', 'p',"
                        + " 'USER', '{}', 'SUCCESS', '{}', repeat('0', 64), repeat('1', 64)"
                        + " FROM generate_series(1, 20) g");
                s.execute("SET plan_cache_mode = force_generic_plan");
                s.execute("PREPARE lookup AS " + numbered(sql.apply(tables)));
                List<String> plan = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE lookup(" + arguments + ")")) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
                return plan;
            } finally {
                s.execute("DEALLOCATE ALL");
                for (String table : List.of(tables.event(), tables.head(), tables.checkpoint())) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
                s.execute("DROP FUNCTION IF EXISTS " + tables.prefix() + "reject_change()");
            }
        }
    }

    /** {@code ?} to {@code $1, $2, ...}, with the types PostgreSQL infers from the columns. */
    private static String numbered(String sql) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                b.append('$').append(++n);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
