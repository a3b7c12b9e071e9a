package io.airlog.jdbc;

import io.airlog.AuditException;
import io.airlog.jdbc.internal.SchemaDefinition;
import io.airlog.jdbc.internal.SchemaDefinition.Column;
import io.airlog.jdbc.internal.SchemaDefinition.Table;
import io.airlog.jdbc.internal.SqlScript;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Creates, migrates or validates airlog's tables, with the DDL bundled for each {@link SqlDialect}.
 *
 * <p>The DDL comes as versioned scripts, named as Flyway names them ({@code V1__airlog.sql},
 * {@code V2__airlog.sql}, with the placeholder {@code ${prefix}}), so a team that manages its
 * schema with Flyway can apply them itself. {@link #create} applies {@code V1} to a database
 * without airlog's tables, then {@code V2}, which migrates a version 1 schema in place; every
 * statement of {@code V2} is idempotent, so applying it to a database that already holds the
 * schema changes nothing (and restores an insert-only trigger that was dropped); then it
 * applies the (idempotent) script of its {@link IndexProfile}. {@link #validate} checks every
 * table, column and insert-only trigger (not the indexes) and fails naming each missing
 * object. It checks that the triggers exist, not what they do: the verifier, not the schema
 * check, is what detects tampering.
 */
public final class SchemaManager {
    /** The newest schema version; {@link #create} brings a database to it. */
    public static final int SCHEMA_VERSION = 2;
    /** How long {@link #create} waits for another JVM that is creating the same schema. */
    static final int LOCK_TIMEOUT_SECONDS = 60;

    private final TableNames tables;
    private final IndexProfile indexes;
    private final int lockTimeoutSeconds;

    /** A manager of the tables with the given names, with the default {@link IndexProfile#QUERY} indexes. */
    public SchemaManager(TableNames tables) {
        this(tables, IndexProfile.QUERY);
    }

    /** A manager of the tables with the given names whose {@link #create} gives the event table these indexes. */
    public SchemaManager(TableNames tables, IndexProfile indexes) {
        this(tables, indexes, LOCK_TIMEOUT_SECONDS);
    }

    SchemaManager(TableNames tables, IndexProfile indexes, int lockTimeoutSeconds) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        this.lockTimeoutSeconds = lockTimeoutSeconds;
    }

    /** The tables this manager creates and checks. */
    public TableNames tables() {
        return tables;
    }

    /**
     * Does what the mode says: validate, create (then validate), or nothing.
     *
     * @throws SchemaException if the schema is not valid
     * @throws AuditException if the database cannot be reached or the DDL fails
     */
    public void apply(DataSource dataSource, SchemaMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (mode == SchemaMode.NONE) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            apply(connection, mode);
        } catch (SQLException e) {
            throw new AuditException("cannot connect to check the airlog schema: " + e.getMessage(), e);
        }
    }

    /** Like {@link #apply(DataSource, SchemaMode)} on a connection the caller owns. */
    public void apply(Connection connection, SchemaMode mode) {
        switch (Objects.requireNonNull(mode, "mode")) {
            case CREATE -> create(connection);
            case VALIDATE -> validate(connection);
            case NONE -> {
            }
        }
    }

    /**
     * Applies the bundled DDL of the connection's dialect, then validates. Concurrent
     * calls from several JVMs are serialised by a database lock where the database has one
     * (PostgreSQL advisory lock, MariaDB named lock), waited for at most 60 s. On PostgreSQL the script runs in one
     * transaction that is committed here (with anything the caller left uncommitted on this
     * connection); H2 and MariaDB commit each DDL statement. The connection's auto-commit
     * setting is restored afterwards.
     *
     * @throws SchemaException if the schema is still not valid afterwards (e.g. a table of
     *         the same name and another shape existed)
     * @throws AuditException if a statement fails, or the lock was not granted within 60 s
     */
    public void create(Connection connection) {
        try {
            SqlDialect dialect = SqlDialect.of(connection);
            boolean autoCommit = connection.getAutoCommit();
            try (Statement statement = connection.createStatement()) {
                lock(dialect, connection, statement);
                try {
                    for (String sql : statements(connection, dialect)) {
                        statement.execute(sql);
                    }
                    if (!connection.getAutoCommit()) {
                        connection.commit();
                    }
                } catch (SQLException e) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    throw e;
                } finally {
                    unlock(dialect, statement);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new AuditException("cannot create the airlog schema (table prefix '" + tables.prefix() + "'): "
                    + e.getMessage(), e);
        }
        validate(connection);
    }

    /**
     * The statements that bring the database to {@link #SCHEMA_VERSION}: version 1's script
     * if airlog's event table does not exist yet, then every later version's (idempotent)
     * script, then the (idempotent) script of the index profile.
     */
    private List<String> statements(Connection connection, SqlDialect dialect) throws SQLException {
        boolean empty = columns(connection, connection.getMetaData(), tables.event()).isEmpty();
        List<String> statements = new ArrayList<>();
        for (int version = empty ? 1 : 2; version <= SCHEMA_VERSION; version++) {
            statements.addAll(SqlScript.load(dialect.scriptResource(version), tables.prefix()));
        }
        statements.addAll(SqlScript.load(dialect.indexScriptResource(indexes), tables.prefix()));
        return statements;
    }

    /**
     * Checks every table, column and insert-only trigger.
     *
     * @throws SchemaException naming every missing table, column and trigger and every
     *         column of the wrong kind or too short
     * @throws AuditException if the database metadata cannot be read
     */
    public void validate(Connection connection) {
        List<String> problems = problems(connection);
        if (!problems.isEmpty()) {
            String dialect;
            try {
                dialect = SqlDialect.of(connection).directory();
            } catch (SQLException e) {
                dialect = "<dialect>";
            }
            throw new SchemaException("the airlog schema (table prefix '" + tables.prefix() + "') is not valid;"
                    + " set " + SchemaMode.KEY + "=create or apply sql/" + dialect + "/V1__airlog.sql (to an empty"
                    + " database) and then sql/" + dialect + "/V" + SCHEMA_VERSION + "__airlog.sql", problems);
        }
    }

    /**
     * The problems {@link #validate} would report, without throwing: empty when the schema is valid.
     *
     * @throws AuditException if the database metadata cannot be read
     */
    public List<String> problems(Connection connection) {
        try {
            SqlDialect dialect = SqlDialect.of(connection);
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> problems = new ArrayList<>();
            for (Table table : SchemaDefinition.tables(tables)) {
                Map<String, ColumnInfo> columns = columns(connection, metaData, table.name());
                if (columns.isEmpty()) {
                    problems.add("missing table " + table.name());
                    continue;
                }
                for (Column column : table.columns()) {
                    checkColumn(table.name(), column, columns.get(column.name()), problems);
                }
                if (table.insertOnly()) {
                    checkTriggers(dialect, connection, metaData, table.name(), problems);
                }
            }
            return problems;
        } catch (SQLException e) {
            throw new AuditException("cannot read the database metadata to check the airlog schema: "
                    + e.getMessage(), e);
        }
    }

    private void lock(SqlDialect dialect, Connection connection, Statement statement) throws SQLException {
        switch (dialect) {
            case POSTGRESQL -> {
                connection.setAutoCommit(false);
                statement.execute("SET LOCAL lock_timeout = '" + lockTimeoutSeconds + "s'");
                statement.execute("SELECT pg_advisory_xact_lock(" + lockKey() + ")");
            }
            case MARIADB -> {
                // 1: granted; 0: timed out; NULL: an error (e.g. the thread was killed).
                try (ResultSet rs = statement.executeQuery("SELECT GET_LOCK('" + lockName() + "', "
                        + lockTimeoutSeconds + ")")) {
                    rs.next();
                    if (rs.getInt(1) != 1) {
                        throw new SQLException("the named lock '" + lockName() + "' that serialises schema creation"
                                + " was not granted within " + lockTimeoutSeconds + " s (GET_LOCK returned "
                                + (rs.wasNull() ? "NULL" : rs.getInt(1)) + "); another connection holds it");
                    }
                }
            }
            case H2 -> {
            }
        }
    }

    private void unlock(SqlDialect dialect, Statement statement) throws SQLException {
        if (dialect == SqlDialect.MARIADB) {
            statement.execute("SELECT RELEASE_LOCK('" + lockName() + "')");
        }
    }

    private String lockName() {
        return "airlog_schema_" + tables.prefix();
    }

    private long lockKey() {
        return lockName().hashCode();
    }

    private record ColumnInfo(int sqlType, String typeName, int size) {
    }

    private static Map<String, ColumnInfo> columns(Connection connection, DatabaseMetaData metaData, String table)
            throws SQLException {
        String stored = stored(metaData, table);
        Map<String, ColumnInfo> columns = new HashMap<>();
        try (ResultSet rs = metaData.getColumns(connection.getCatalog(), connection.getSchema(), stored, "%")) {
            while (rs.next()) {
                if (stored.equals(rs.getString("TABLE_NAME"))) {
                    columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            new ColumnInfo(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE")));
                }
            }
        }
        return columns;
    }

    private static void checkColumn(String table, Column expected, ColumnInfo actual, List<String> problems) {
        String name = table + "." + expected.name();
        if (actual == null) {
            problems.add("missing column " + name);
        } else if (!expected.kind().accepts(actual.sqlType())) {
            problems.add("column " + name + " is of type " + actual.typeName() + "; airlog needs "
                    + expected.kind().name().toLowerCase(Locale.ROOT));
        } else if (actual.size() < expected.minLength()) {
            problems.add("column " + name + " holds " + actual.size() + " characters; airlog needs at least "
                    + expected.minLength());
        }
    }

    private static void checkTriggers(SqlDialect dialect, Connection connection, DatabaseMetaData metaData,
                                      String table, List<String> problems) throws SQLException {
        Map<String, Boolean> found = triggers(dialect, connection, stored(metaData, table));
        for (String trigger : dialect.insertOnlyTriggers(table)) {
            Boolean enabled = found.get(trigger.toLowerCase(Locale.ROOT));
            if (enabled == null) {
                problems.add("missing insert-only trigger " + trigger + " on table " + table);
            } else if (!enabled) {
                problems.add("insert-only trigger " + trigger + " on table " + table + " is disabled");
            }
        }
    }

    /** The triggers on a table: lowercase name to whether it is enabled. */
    private static Map<String, Boolean> triggers(SqlDialect dialect, Connection connection, String storedTable)
            throws SQLException {
        String sql = switch (dialect) {
            case H2 -> "SELECT TRIGGER_NAME, TRUE FROM INFORMATION_SCHEMA.TRIGGERS"
                    + " WHERE EVENT_OBJECT_SCHEMA = CURRENT_SCHEMA AND EVENT_OBJECT_TABLE = ?";
            case POSTGRESQL -> "SELECT t.tgname, t.tgenabled <> 'D' FROM pg_catalog.pg_trigger t"
                    + " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND c.relname = ? AND NOT t.tgisinternal";
            case MARIADB -> "SELECT TRIGGER_NAME, TRUE FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = ?";
        };
        Map<String, Boolean> triggers = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, storedTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    triggers.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getBoolean(2));
                }
            }
        }
        return triggers;
    }

    /** An unquoted identifier as the database stores it in its catalog. */
    private static String stored(DatabaseMetaData metaData, String identifier) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        if (metaData.storesLowerCaseIdentifiers()) {
            return identifier.toLowerCase(Locale.ROOT);
        }
        return identifier;
    }
}
