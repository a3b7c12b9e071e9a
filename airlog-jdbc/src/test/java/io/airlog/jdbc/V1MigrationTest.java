package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.airlog.jdbc.internal.SqlScript;
import io.airlog.verify.VerificationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database written by release 0.1 (schema V1) migrates to V2 in place and verifies, with its
 * old events unchanged. The rows of two V1 logs ("ledger", 30 events and a verification row;
 * "access", 12 events) are loaded from {@code v1/release-0.1-log.jsonl} into tables made by
 * {@code V1__airlog.sql}, then {@link SchemaManager#create} runs.
 */
class V1MigrationTest {
    private static final String EVENT_COLUMNS = "log_id, seq, event_id, ts_nanos, action, principal_subject,"
            + " principal_auth, principal_metadata, resource, resource_id, outcome, correlation_id, context,"
            + " previous_checksum, checksum";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aVersion1DatabaseMigratesAndVerifiesWithItsEventsUnchanged(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.empty(db); Connection c = f.connect()) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                for (String sql : SqlScript.load(SqlDialect.of(c).scriptResource(1), f.tables.prefix())) {
                    st.execute(sql);
                }
            }
            for (Map<String, Object> row : rows()) {
                insert(c, f.tables.prefix() + row.remove("table"), row);
            }
            List<List<String>> before = events(c, f.tables);
            assertThat(before).hasSize(42);

            f.schema().create(c);

            assertThat(f.schema().problems(c)).isEmpty();
            assertThat(events(c, f.tables)).isEqualTo(before);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT encoding FROM " + f.tables.event())) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
            assertThatThrownBy(() -> TestChains.execute(c, "SELECT * FROM " + f.tables.prefix() + "verification"))
                    .isInstanceOf(SQLException.class);
            JdbcChainVerifier verifier = new JdbcChainVerifier(f.dataSource, f.tables);
            for (String log : List.of("ledger", "access")) {
                VerificationReport full = verifier.verifyFull(log);
                VerificationReport incremental = verifier.verifyIncremental(log);
                assertThat(full.damages()).as(full.summary()).isEmpty();
                assertThat(full.eventsRead()).isEqualTo(log.equals("ledger") ? 30 : 12);
                assertThat(incremental.damages()).as(incremental.summary()).isEmpty();
            }
        }
    }

    /** The rows of the fixture, each with its {@code table}. */
    private static List<Map<String, Object>> rows() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonFactory json = new JsonFactory();
        try (InputStream in = V1MigrationTest.class.getResourceAsStream("v1/release-0.1-log.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                Map<String, Object> row = new LinkedHashMap<>();
                try (JsonParser p = json.createParser(line)) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken value = p.nextToken();
                        row.put(name, value == JsonToken.VALUE_NULL ? null
                                : value == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : p.getText());
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void insert(Connection c, String table, Map<String, Object> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", row.keySet())
                + ") VALUES (" + "?, ".repeat(row.size() - 1) + "?)")) {
            int i = 1;
            for (Object value : row.values()) {
                if (value == null) {
                    ps.setNull(i++, Types.VARCHAR);
                } else {
                    ps.setObject(i++, value);
                }
            }
            ps.executeUpdate();
        }
    }

    /** Every V1 column of every event row, as text, in primary-key order. */
    private static List<List<String>> events(Connection c, TableNames tables) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + EVENT_COLUMNS + " FROM "
                + tables.event() + " ORDER BY log_id, seq")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
