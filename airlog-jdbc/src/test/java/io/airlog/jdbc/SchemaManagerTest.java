package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaManagerTest {
    @org.junit.jupiter.api.Test
    void createFailsNamingTheLockWhenAnotherMariadbConnectionHoldsIt() throws Exception {
        try (Fixture f = Fixture.empty(TestDatabase.MARIADB); Connection holder = f.connect();
             Connection c = f.connect(); Statement st = holder.createStatement()) {
            st.execute("SELECT GET_LOCK('airlog_schema_" + f.tables.prefix() + "', 5)");
            assertThatThrownBy(() -> new SchemaManager(f.tables, IndexProfile.QUERY, 1).create(c))
                    .isInstanceOf(io.airlog.AuditException.class)
                    .hasMessageContaining("the named lock 'airlog_schema_" + f.tables.prefix() + "'")
                    .hasMessageContaining("was not granted within 1 s (GET_LOCK returned 0)");
            assertThat(f.schema().problems(c)).contains("missing table " + f.tables.event());
        }
    }

    @org.junit.jupiter.api.Test
    void createFailsWhenAnotherPostgresqlTransactionHoldsTheLockTooLong() throws Exception {
        try (Fixture f = Fixture.empty(TestDatabase.POSTGRESQL); Connection holder = f.connect();
             Connection c = f.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("SELECT pg_advisory_xact_lock(" + ("airlog_schema_" + f.tables.prefix()).hashCode() + ")");
            assertThatThrownBy(() -> new SchemaManager(f.tables, IndexProfile.QUERY, 1).create(c))
                    .isInstanceOf(io.airlog.AuditException.class).hasMessageContaining("lock timeout");
            holder.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dialectIsDetectedFromTheConnection(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.empty(db); Connection c = f.connect()) {
            assertThat(SqlDialect.of(c)).isEqualTo(SqlDialect.valueOf(db.name()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createMakesASchemaThatValidates(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            assertThat(f.schema().problems(c)).isEmpty();
            f.schema().validate(c);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createOnAnExistingSchemaKeepsItsRows(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            TestChains.store(c, f.tables, TestChains.seal("log-a", 3));
            f.schema().apply(f.dataSource, SchemaMode.CREATE);
            f.schema().create(c);
            assertThat(count(c, f.tables.event())).isEqualTo(3);
            assertThat(count(c, f.tables.head())).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createMigratesAVersion1SchemaInPlace(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.empty(db); Connection c = f.connect()) {
            c.setAutoCommit(true);
            SqlDialect dialect = SqlDialect.of(c);
            try (Statement st = c.createStatement()) {
                for (String sql : io.airlog.jdbc.internal.SqlScript.load(dialect.scriptResource(1), f.tables.prefix())) {
                    st.execute(sql);
                }
                st.execute("INSERT INTO " + f.tables.head() + " (log_id, size, last_checksum) VALUES ('v1', 7, '"
                        + "a".repeat(64) + "')");
            }
            assertThat(f.schema().problems(c)).containsExactlyInAnyOrder(
                    "missing column " + f.tables.event() + ".encoding",
                    "missing column " + f.tables.checkpoint() + ".edge",
                    "missing column " + f.tables.checkpoint() + ".note");

            f.schema().create(c);

            assertThat(f.schema().problems(c)).isEmpty();
            assertThat(count(c, f.tables.head())).isEqualTo(1);
            TestChains.store(c, f.tables, TestChains.seal("log-b", 2));
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT encoding FROM " + f.tables.event())) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void validateOfAnEmptyDatabaseNamesEveryMissingTable(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.empty(db)) {
            String p = f.tables.prefix();
            assertThatThrownBy(() -> f.schema().apply(f.dataSource, SchemaMode.VALIDATE))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("airlog.jdbc.schema=create")
                    .satisfies(e -> assertThat(((SchemaException) e).problems()).containsExactly(
                            "missing table " + p + "event", "missing table " + p + "head",
                            "missing table " + p + "checkpoint"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void schemaModeNoneTouchesNothing(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.empty(db); Connection c = f.connect()) {
            f.schema().apply(f.dataSource, SchemaMode.NONE);
            assertThat(f.schema().problems(c)).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void validateNamesAMissingColumn(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            TestChains.execute(c, "ALTER TABLE " + f.tables.event() + " DROP COLUMN context");
            assertThatThrownBy(() -> f.schema().validate(c))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("missing column " + f.tables.event() + ".context");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void validateNamesAColumnTooShort(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            String type = db == TestDatabase.H2 ? "SET DATA TYPE VARCHAR(100)"
                    : db == TestDatabase.POSTGRESQL ? "TYPE VARCHAR(100)" : "VARCHAR(100) NOT NULL";
            String verb = db == TestDatabase.MARIADB ? "MODIFY" : "ALTER COLUMN";
            TestChains.execute(c, "ALTER TABLE " + f.tables.event() + " " + verb + " action " + type);
            assertThat(f.schema().problems(c)).containsExactly(
                    "column " + f.tables.event() + ".action holds 100 characters; airlog needs at least 256");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void validateNamesAMissingTrigger(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            String trigger = SqlDialect.of(c).insertOnlyTriggers(f.tables.checkpoint()).get(0);
            f.dropTrigger(c, trigger, f.tables.checkpoint());
            assertThatThrownBy(() -> f.schema().validate(c))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("missing insert-only trigger " + trigger + " on table "
                            + f.tables.checkpoint());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void validateNamesADisabledTrigger(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            TestChains.execute(c, "ALTER TABLE " + f.tables.event() + " DISABLE TRIGGER USER");
            assertThat(f.schema().problems(c)).containsExactly(
                    "insert-only trigger " + f.tables.event() + "_insert_only on table " + f.tables.event()
                            + " is disabled",
                    "insert-only trigger " + f.tables.event() + "_no_truncate on table " + f.tables.event()
                            + " is disabled");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createRestoresADroppedTrigger(TestDatabase db) throws Exception {
        try (Fixture f = Fixture.created(db); Connection c = f.connect()) {
            String trigger = SqlDialect.of(c).insertOnlyTriggers(f.tables.event()).get(0);
            f.dropTrigger(c, trigger, f.tables.event());
            f.schema().create(c);
            assertThat(f.schema().problems(c)).isEmpty();
        }
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
