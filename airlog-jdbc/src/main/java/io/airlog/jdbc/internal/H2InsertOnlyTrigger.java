package io.airlog.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * The H2 trigger of airlog's insert-only tables: registered {@code BEFORE UPDATE, DELETE},
 * it rejects every UPDATE, DELETE or MERGE of a row. H2 loads it by name from the schema
 * ({@code CREATE TRIGGER ... CALL 'io.airlog.jdbc.internal.H2InsertOnlyTrigger'}).
 */
public final class H2InsertOnlyTrigger implements Trigger {
    /** The SQLSTATE of the rejection, as raised by the other dialects' triggers. */
    public static final String SQL_STATE = "45000";

    private String table;

    /** Called by H2. */
    public H2InsertOnlyTrigger() {
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int triggerType) {
        this.table = tableName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow != null ? "UPDATE" : "DELETE";
        throw new SQLException("airlog: table " + table + " is insert-only; " + operation + " is not allowed",
                SQL_STATE);
    }
}
