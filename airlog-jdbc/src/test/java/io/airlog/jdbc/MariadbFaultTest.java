package io.airlog.jdbc;

import java.sql.Connection;

/** The fault tests on a MariaDB server of their own. */
class MariadbFaultTest extends DatabaseFaultTest {

    @Override
    PrivateDatabase.Engine engine() {
        return PrivateDatabase.Engine.MARIADB;
    }

    @Override
    void createRole(Connection admin, String role, TableNames tables) throws Exception {
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            String user = "'" + role + "'@'" + host + "'";
            TestChains.execute(admin, "CREATE USER " + user + " IDENTIFIED BY 'secret'");
            for (String table : new String[] {tables.event(), tables.checkpoint()}) {
                TestChains.execute(admin, "GRANT SELECT, INSERT ON test." + table + " TO " + user);
            }
            TestChains.execute(admin, "GRANT SELECT, INSERT, UPDATE ON test." + tables.head() + " TO " + user);
        }
    }

    @Override
    void grantInsert(Connection admin, String role, TableNames tables, boolean grant) throws Exception {
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            TestChains.execute(admin, (grant ? "GRANT INSERT ON test." : "REVOKE INSERT ON test.") + tables.event()
                    + (grant ? " TO '" : " FROM '") + role + "'@'" + host + "'");
        }
    }
}
