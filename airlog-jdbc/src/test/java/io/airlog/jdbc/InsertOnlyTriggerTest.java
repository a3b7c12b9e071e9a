package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InsertOnlyTriggerTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateOfAnEventIsRejectedWithAClearMessage(TestDatabase db) throws SQLException {
        try (Fixture f = withRows(db); Connection c = f.connect()) {
            assertThatThrownBy(() -> TestChains.execute(c, "UPDATE " + f.tables.event() + " SET action = 'x'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("airlog: table " + f.tables.event() + " is insert-only; UPDATE is not allowed");
            assertThat(actions(c, f)).containsOnly("document.update");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deleteOfAnEventIsRejectedWithAClearMessage(TestDatabase db) throws SQLException {
        try (Fixture f = withRows(db); Connection c = f.connect()) {
            assertThatThrownBy(() -> TestChains.execute(c, "DELETE FROM " + f.tables.event() + " WHERE seq = 2"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("airlog: table " + f.tables.event() + " is insert-only; DELETE is not allowed");
            assertThat(actions(c, f)).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateOfACheckpointIsRejectedWithAClearMessage(TestDatabase db) throws SQLException {
        try (Fixture f = withRows(db); Connection c = f.connect()) {
            assertThatThrownBy(() -> TestChains.execute(c, "UPDATE " + f.tables.checkpoint() + " SET key_id = 'k2'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("airlog: table " + f.tables.checkpoint()
                            + " is insert-only; UPDATE is not allowed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deleteOfACheckpointIsRejectedWithAClearMessage(TestDatabase db) throws SQLException {
        try (Fixture f = withRows(db); Connection c = f.connect()) {
            assertThatThrownBy(() -> TestChains.execute(c, "DELETE FROM " + f.tables.checkpoint()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("airlog: table " + f.tables.checkpoint()
                            + " is insert-only; DELETE is not allowed");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void truncateOfEventsAndCheckpointsIsRejectedWhereTheDatabaseHasTruncateTriggers(TestDatabase db)
            throws SQLException {
        try (Fixture f = withRows(db); Connection c = f.connect()) {
            for (String table : List.of(f.tables.event(), f.tables.checkpoint())) {
                assertThatThrownBy(() -> TestChains.execute(c, "TRUNCATE " + table))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("airlog: table " + table + " is insert-only; TRUNCATE is not allowed");
            }
            assertThat(actions(c, f)).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void headRowCanBeUpdated(TestDatabase db) throws SQLException {
        try (Fixture f = withRows(db); Connection c = f.connect()) {
            List<AuditEvent> more = TestChains.seal("log", new ChainPosition(3, lastChecksum(c, f)), 2);
            TestChains.store(c, f.tables, more);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT size, last_checksum FROM " + f.tables.head())) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(5);
                assertThat(rs.getString(2)).isEqualTo(more.get(1).checksum());
            }
        }
    }

    private static Fixture withRows(TestDatabase db) throws SQLException {
        Fixture f = Fixture.created(db);
        try (Connection c = f.connect()) {
            TestChains.store(c, f.tables, TestChains.seal("log", 3));
            TestChains.execute(c, "INSERT INTO " + f.tables.checkpoint()
                    + " (log_id, size, last_checksum, signature, key_id, created_at, edge, note)"
                    + " VALUES ('log', 3, '" + "0".repeat(64) + "', 'sig', 'k1', CURRENT_TIMESTAMP, 'edge', 'note')");
        }
        return f;
    }

    private static List<String> actions(Connection c, Fixture f) throws SQLException {
        List<String> actions = new java.util.ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT action FROM " + f.tables.event())) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        }
        return actions;
    }

    private static String lastChecksum(Connection c, Fixture f) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT last_checksum FROM " + f.tables.head())) {
            rs.next();
            return rs.getString(1);
        }
    }
}
