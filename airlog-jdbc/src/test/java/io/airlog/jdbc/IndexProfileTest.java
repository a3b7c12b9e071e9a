package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The event table's index profiles: what each one creates, switching between them, and writing under each. */
class IndexProfileTest {
    private static final Set<String> SECONDARY = Set.of("event_ts_idx", "event_principal_idx", "event_resource_idx",
            "event_correlation_idx");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theWriteProfileKeepsOnlyThePrimaryKeyAndTheUniqueEventId(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db, IndexProfile.WRITE); Connection c = f.connect()) {
            Map<String, Index> indexes = indexes(c, f.tables);
            assertThat(secondary(indexes, f.tables)).isEmpty();
            assertThat(indexes.values()).as("indexes of %s", f.tables.event())
                    .anyMatch(i -> i.unique() && i.columns().equals(List.of("log_id", "seq")))
                    .anyMatch(i -> i.unique() && i.columns().equals(List.of("event_id")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theQueryProfileHasTheFourIndexesOfTheViewersFilters(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db, IndexProfile.QUERY); Connection c = f.connect()) {
            assertThat(secondary(indexes(c, f.tables), f.tables)).isEqualTo(SECONDARY);
        }
    }

    /** What the other tests of a run create: the run's profile ({@link TestDatabase#indexProfile()}). */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFixtureHasTheIndexesOfTheProfileThisRunAsksFor(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            assertThat(secondary(indexes(c, f.tables), f.tables)).as("profile %s", TestDatabase.indexProfile())
                    .isEqualTo(TestDatabase.indexProfile() == IndexProfile.WRITE ? Set.of() : SECONDARY);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void switchingProfilesKeepsTheLogAndWritingGoesOn(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db, IndexProfile.QUERY)) {
            record(f, IndexProfile.QUERY, 5);
            record(f, IndexProfile.WRITE, 5);
            try (Connection c = f.connect()) {
                assertThat(secondary(indexes(c, f.tables), f.tables)).isEmpty();
            }
            record(f, IndexProfile.QUERY, 5);
            try (Connection c = f.connect()) {
                assertThat(secondary(indexes(c, f.tables), f.tables)).isEqualTo(SECONDARY);
            }
            StoredLog.assertIntact(f, "profiles", 15);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRepeatedDraftReturnsTheStoredEventUnderTheWriteProfile(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db, IndexProfile.WRITE);
             JdbcAuditStream stream = JdbcAuditStream.builder(f.dataSource).tablePrefix(f.tables.prefix())
                     .indexProfile(IndexProfile.WRITE).logId("repeat").build()) {
            AuditDraft draft = AuditDraft.builder("doc.read").build();
            AuditEvent stored = stream.record(draft);
            assertThat(stream.record(draft)).isEqualTo(stored);
            StoredLog.assertIntact(f, "repeat", 1);
        }
    }

    /** Records {@code n} events through a stream that applies the schema with {@code profile}. */
    private static void record(Fixture f, IndexProfile profile, int n) {
        try (JdbcAuditStream stream = JdbcAuditStream.builder(f.dataSource).tablePrefix(f.tables.prefix())
                .schemaMode(SchemaMode.CREATE).indexProfile(profile).logId("profiles").build()) {
            for (int i = 0; i < n; i++) {
                stream.record(AuditDraft.builder("doc.write").resource("Document", "d-" + i));
            }
        }
    }

    private record Index(boolean unique, List<String> columns) {
    }

    /** The names (without the prefix, lower case) of the four secondary indexes among {@code indexes}. */
    private static Set<String> secondary(Map<String, Index> indexes, TableNames tables) {
        Set<String> found = new HashSet<>();
        for (String name : indexes.keySet()) {
            String bare = name.startsWith(tables.prefix()) ? name.substring(tables.prefix().length()) : name;
            if (SECONDARY.contains(bare)) {
                found.add(bare);
            }
        }
        return found;
    }

    /** The event table's indexes by lower-case name, with their columns in key order. */
    private static Map<String, Index> indexes(Connection c, TableNames tables) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Boolean> unique = new HashMap<>();
        Map<String, TreeMap<Integer, String>> columns = new HashMap<>();
        String table = tables.event();
        for (String name : Set.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, name, false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (index == null || column == null) {
                        continue;
                    }
                    String key = index.toLowerCase(Locale.ROOT);
                    unique.put(key, !rs.getBoolean("NON_UNIQUE"));
                    columns.computeIfAbsent(key, k -> new TreeMap<>())
                            .put((int) rs.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, Index> result = new HashMap<>();
        columns.forEach((name, byPosition) -> result.put(name,
                new Index(unique.get(name), List.copyOf(byPosition.values()))));
        return result;
    }
}
