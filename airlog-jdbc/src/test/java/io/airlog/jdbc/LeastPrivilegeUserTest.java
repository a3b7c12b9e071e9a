package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The grants of docs/database.md: an application user with SELECT and INSERT on the
 * insert-only tables and UPDATE only on the head can validate the schema and write, and
 * cannot change, delete or truncate audit rows, even on H2 and MariaDB, whose TRUNCATE
 * fires no trigger.
 */
class LeastPrivilegeUserTest {
    private static final String PASSWORD = "app-secret";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void applicationUserCanValidateAndWriteButNotRewrite(TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.created(db); Connection admin = f.connect()) {
            String user = f.tables.prefix() + "app";
            createUser(db, admin, f.tables, user);
            try (Connection app = DriverManager.getConnection(appUrl(db, f), user, PASSWORD)) {
                f.schema().validate(app);
                List<AuditEvent> first = TestChains.seal("log", 3);
                TestChains.store(app, f.tables, first);
                TestChains.store(app, f.tables, TestChains.seal("log", first.get(2).position(), 2));
                for (String table : List.of(f.tables.event(), f.tables.checkpoint())) {
                    assertThatThrownBy(() -> TestChains.execute(app, "TRUNCATE TABLE " + table))
                            .isInstanceOf(SQLException.class);
                    assertThatThrownBy(() -> TestChains.execute(app, "DELETE FROM " + table))
                            .isInstanceOf(SQLException.class);
                }
                assertThatThrownBy(() -> TestChains.execute(app, "UPDATE " + f.tables.event() + " SET action = 'x'"))
                        .isInstanceOf(SQLException.class);
                assertThat(new JdbcChainVerifier(f.dataSource, f.tables).verifyFull("log"))
                        .satisfies(r -> assertThat(r.intact()).isTrue())
                        .satisfies(r -> assertThat(r.eventsRead()).isEqualTo(5));
            } finally {
                dropUser(db, admin, user);
            }
        }
    }

    private static String appUrl(TestDatabase db, Fixture f) {
        // H2: a non-admin user may not pass admin settings such as DB_CLOSE_DELAY in its URL.
        return db == TestDatabase.H2 ? "jdbc:h2:mem:airlog_" + f.tables.prefix() : db.url(f.tables.prefix());
    }

    private static void createUser(TestDatabase db, Connection admin, TableNames t, String user) throws SQLException {
        String grantee = switch (db) {
            case H2 -> {
                TestChains.execute(admin, "CREATE USER " + user + " PASSWORD '" + PASSWORD + "'");
                yield user;
            }
            case POSTGRESQL -> {
                TestChains.execute(admin, "CREATE ROLE " + user + " LOGIN PASSWORD '" + PASSWORD + "'");
                yield user;
            }
            case MARIADB -> {
                TestChains.execute(admin, "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
                yield "'" + user + "'@'%'";
            }
        };
        TestChains.execute(admin, "GRANT SELECT, INSERT ON " + t.event() + " TO " + grantee);
        TestChains.execute(admin, "GRANT SELECT, INSERT ON " + t.checkpoint() + " TO " + grantee);
        TestChains.execute(admin, "GRANT SELECT, INSERT, UPDATE ON " + t.head() + " TO " + grantee);
    }

    private static void dropUser(TestDatabase db, Connection admin, String user) throws SQLException {
        switch (db) {
            case H2 -> TestChains.execute(admin, "DROP USER " + user);
            case POSTGRESQL -> {
                TestChains.execute(admin, "DROP OWNED BY " + user);
                TestChains.execute(admin, "DROP ROLE " + user);
            }
            case MARIADB -> TestChains.execute(admin, "DROP USER '" + user + "'@'%'");
        }
    }
}
