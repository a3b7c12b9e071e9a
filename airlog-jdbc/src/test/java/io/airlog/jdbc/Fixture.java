package io.airlog.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One test's tables on one database: a unique prefix, its data source, and clean-up that
 * drops whatever the test created (the tables of an H2 database live until the JVM ends).
 */
final class Fixture implements AutoCloseable {
    final TestDatabase db;
    final TableNames tables;
    final DataSource dataSource;
    private final String h2Name;

    private Fixture(TestDatabase db) {
        this.db = db;
        this.tables = TableNames.of(TestDatabase.uniquePrefix());
        this.h2Name = tables.prefix();
        this.dataSource = db.dataSource(h2Name);
    }

    /** Tables with a fresh prefix, not created. */
    static Fixture empty(TestDatabase db) {
        return new Fixture(db);
    }

    /** Tables with a fresh prefix, created with {@link SchemaMode#CREATE}. */
    static Fixture created(TestDatabase db) {
        return created(db, TestDatabase.indexProfile());
    }

    /** Tables with a fresh prefix, created with {@link SchemaMode#CREATE} and the given indexes. */
    static Fixture created(TestDatabase db, IndexProfile indexes) {
        Fixture fixture = new Fixture(db);
        new SchemaManager(fixture.tables, indexes).apply(fixture.dataSource, SchemaMode.CREATE);
        return fixture;
    }

    /** A plain connection on this fixture's database. */
    Connection connect() throws SQLException {
        return db.connect(h2Name);
    }

    SchemaManager schema() {
        return new SchemaManager(tables, TestDatabase.indexProfile());
    }

    /** Drops one trigger, as an owner can. */
    void dropTrigger(Connection c, String trigger, String table) throws SQLException {
        TestChains.execute(c, "DROP TRIGGER " + trigger + (db == TestDatabase.POSTGRESQL ? " ON " + table : ""));
    }

    /**
     * Switches off the insert-only triggers of the event and checkpoint tables the way their
     * owner can: PostgreSQL disables them, H2 and MariaDB (which cannot disable) drop them.
     */
    void disableInsertOnly(Connection c) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c);
        for (String table : new String[] {tables.event(), tables.checkpoint()}) {
            if (db == TestDatabase.POSTGRESQL) {
                TestChains.execute(c, "ALTER TABLE " + table + " DISABLE TRIGGER USER");
            } else {
                for (String trigger : dialect.insertOnlyTriggers(table)) {
                    dropTrigger(c, trigger, table);
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect()) {
            drop(c, db, tables);
        }
    }

    /** Drops the tables (and on PostgreSQL the trigger function) of {@code tables}. */
    static void drop(Connection c, TestDatabase db, TableNames tables) throws SQLException {
        for (String table : new String[] {tables.event(), tables.head(), tables.checkpoint()}) {
            TestChains.execute(c, "DROP TABLE IF EXISTS " + table);
        }
        if (db == TestDatabase.POSTGRESQL) {
            TestChains.execute(c, "DROP FUNCTION IF EXISTS " + tables.prefix() + "reject_change()");
        }
    }
}
