package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.encoding.EventJson;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.stream.JsonLinesReader;
import io.airlog.verify.ComparisonReport;
import io.airlog.verify.LogComparison;
import io.airlog.verify.LogSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database log compared with its JSON-lines copy: identical after the copy, then every
 * deletion, change and addition on either side reported at its sequence.
 */
class LogComparisonTest {
    private static final String LOG = "payments";
    private static final int EVENTS = 30;

    @TempDir
    Path dir;

    private Fixture fixture;
    private JdbcAuditStream database;
    private Path archive;

    private void setUp(TestDatabase db) throws Exception {
        fixture = Fixture.created(db);
        database = JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix()).logId(LOG).build();
        for (int i = 0; i < EVENTS; i++) {
            database.record(AuditDraft.builder("refund").resource("Order", "o-" + i).put("amount", i * 10));
        }
        archive = dir.resolve("payments.jsonl");
        List<String> lines = new ArrayList<>();
        try (Stream<AuditEvent> events = database.replay(1, EVENTS)) {
            events.forEach(e -> lines.add(EventJson.toJson(e)));
        }
        Files.write(archive, lines);
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (fixture != null) {
            database.close();
            fixture.close();
        }
    }

    private ComparisonReport compare() {
        try (LogSource left = LogSource.of("database", database); LogSource right = JsonLinesReader.source(archive)) {
            return LogComparison.compare(LOG, left, right);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = fixture.connect()) {
            fixture.disableInsertOnly(c);
            for (String sql : statements) {
                TestChains.execute(c, sql);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void databaseLogAndItsJsonLinesCopyAreIdentical(TestDatabase db) throws Exception {
        setUp(db);

        ComparisonReport report = compare();

        assertThat(report.identical()).as(report.summary()).isTrue();
        assertThat(report.matched()).isEqualTo(EVENTS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletedChangedAndExtraEventsOnEitherSideAreEachReportedAtTheirSequence(TestDatabase db) throws Exception {
        setUp(db);
        AuditEvent last = database.replay(EVENTS, EVENTS).findFirst().orElseThrow();
        // The database: sequence 5 deleted, 20 edited, an extra event 31 appended.
        execute("DELETE FROM " + fixture.tables.event() + " WHERE log_id = '" + LOG + "' AND seq = 5",
                "UPDATE " + fixture.tables.event() + " SET action = 'edited' WHERE log_id = '" + LOG + "' AND seq = 20");
        AuditEvent extraInDatabase = AuditDraft.builder("forged").build().seal(LOG, EVENTS + 1, last.checksum());
        try (Connection c = fixture.connect(); PreparedStatement insert = c.prepareStatement(
                EventRows.insertSql(fixture.tables))) {
            EventRows.bind(insert, extraInDatabase);
            insert.executeUpdate();
        }
        // The archive: sequence 10 deleted, 25 edited, an extra event 32 appended.
        List<String> lines = new ArrayList<>(Files.readAllLines(archive));
        lines.set(24, lines.get(24).replace("\"action\":\"refund\"", "\"action\":\"edited\""));
        lines.remove(9);
        lines.add(EventJson.toJson(AuditDraft.builder("forged").build().seal(LOG, EVENTS + 2,
                extraInDatabase.checksum())));
        Files.write(archive, lines);

        List<String> found = compare().differences().stream()
                .map(d -> d.kind() + " " + d.side() + " " + d.firstSequence() + ".." + d.lastSequence()).toList();

        assertThat(found).containsExactly("MISSING LEFT 5..5", "MISSING RIGHT 10..10", "DIFFERENT BOTH 20..20",
                "DIFFERENT BOTH 25..25", "MISSING RIGHT 31..31", "MISSING LEFT 32..32");
    }
}
