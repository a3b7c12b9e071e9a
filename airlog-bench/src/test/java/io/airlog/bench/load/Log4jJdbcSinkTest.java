package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.internal.EventRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Log4j2's JDBC appender as the harness configures it: the rows it writes, when, and what it counts. */
class Log4jJdbcSinkTest {

    @ParameterizedTest
    @EnumSource(Log4jJdbcSink.Setup.class)
    void eachRowHoldsTheSameEventAsAirlogsUnchainedRowOfTheDraft(Log4jJdbcSink.Setup setup) throws Exception {
        BenchDatabase db = BenchDatabase.h2Memory("log4j-" + UUID.randomUUID());
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("log4j"));
        List<AuditDraft> drafts = drafts(3);
        try (Log4jJdbcSink sink = new Log4jJdbcSink(db.dataSource(), tables, "bench", setup)) {
            for (AuditDraft d : drafts) {
                sink.store(0, d);
            }
        }

        List<AuditEvent> expected = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            expected.add(Rows.unchained(drafts.get(i), "bench", i + 1));
        }
        assertThat(stored(db, tables)).isEqualTo(expected);
    }

    @Test
    void thePerEventAppenderHasCommittedTheEventWhenTheCallReturns() throws Exception {
        BenchDatabase db = BenchDatabase.h2Memory("log4j-" + UUID.randomUUID());
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("log4j"));
        try (Log4jJdbcSink sink = new Log4jJdbcSink(db.dataSource(), tables, "bench", Log4jJdbcSink.Setup.PER_EVENT)) {
            sink.store(0, drafts(1).get(0));

            assertThat(sink.durableCount()).isEqualTo(1);
        }
    }

    @Test
    void theBatchedAppendersDurableCountIsTheRowsOfItsWrittenBuffersNotTheCalls() throws Exception {
        BenchDatabase db = BenchDatabase.h2Memory("log4j-" + UUID.randomUUID());
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("log4j"));
        Log4jJdbcSink sink = new Log4jJdbcSink(db.dataSource(), tables, "bench", Log4jJdbcSink.Setup.BATCHED);
        try {
            for (AuditDraft d : drafts(150)) {
                sink.store(0, d);
            }

            assertThat(sink.durableCount()).isEqualTo(100);
        } finally {
            sink.close();
        }
        assertThat(stored(db, tables)).hasSize(150);
    }

    @Test
    void aFailedInsertReachesTheCaller() throws Exception {
        BenchDatabase db = BenchDatabase.h2Memory("log4j-" + UUID.randomUUID());
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("log4j"));
        AuditDraft draft = drafts(1).get(0);
        try (Log4jJdbcSink sink = new Log4jJdbcSink(db.dataSource(), tables, "bench", Log4jJdbcSink.Setup.PER_EVENT)) {
            sink.store(0, draft);

            // The same event id again: the unique index refuses the row.
            assertThatThrownBy(() -> sink.store(0, draft)).hasMessageContaining("insert");
            assertThat(sink.durableCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BenchDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void theRowsAndTheSequenceWorkOnTheServerDatabases(BenchDatabase.Kind kind) throws Exception {
        BenchDatabase db = kind == BenchDatabase.Kind.POSTGRESQL
                ? BenchDatabase.postgresql(BenchDatabase.DEFAULT_POSTGRESQL_URL)
                : BenchDatabase.mariadb(BenchDatabase.DEFAULT_MARIADB_URL);
        TableNames tables = db.createTables(BenchDatabase.freshPrefix("log4j"));
        try {
            List<AuditDraft> drafts = drafts(120);
            try (Log4jJdbcSink sink = new Log4jJdbcSink(db.dataSource(), tables, "bench",
                    Log4jJdbcSink.Setup.ASYNC_BATCHED)) {
                for (AuditDraft d : drafts) {
                    sink.store(0, d);
                }
            }

            List<AuditEvent> rows = stored(db, tables);
            assertThat(rows).hasSize(120);
            assertThat(rows.get(119)).isEqualTo(Rows.unchained(drafts.get(119), "bench", 120));
        } finally {
            db.dropTables(tables);
        }
    }

    private static List<AuditDraft> drafts(int n) {
        List<AuditDraft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(Drafts.typical(Drafts.principal(i % 3), i));
        }
        return drafts;
    }

    private static List<AuditEvent> stored(BenchDatabase db, TableNames tables) throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + EventRows.COLUMNS + " FROM " + tables.event()
                     + " ORDER BY seq")) {
            while (rs.next()) {
                events.add(EventRows.read(rs));
            }
        }
        return events;
    }
}
