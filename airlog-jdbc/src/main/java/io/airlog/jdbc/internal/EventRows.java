package io.airlog.jdbc.internal;

import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.internal.CanonicalMap;
import io.airlog.internal.EventEncoder;
import io.airlog.jdbc.TableNames;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/**
 * Maps an {@link AuditEvent} to a row of the event table and back, exactly.
 *
 * <p>Writing binds the event to {@link #insertSql}'s parameters. Reading maps the first
 * {@link #COLUMN_COUNT} columns of a result set, selected as {@link #COLUMNS}, back to an
 * event, and is strict: a stored value that does not map back to exactly one event field
 * (an unknown enum name, a UUID not in lowercase canonical form, JSON that is not the
 * RFC 8785 canonical text of its value, a NULL in a required column, an encoding version
 * other than {@value #ENCODING}) is rejected with an
 * {@link IllegalArgumentException} naming the column, so that no edit of a stored value
 * can leave the checksum valid.
 */
public final class EventRows {
    /** The event table's columns, in binding and reading order ({@link EventColumn#NAMES}). */
    public static final String COLUMNS = EventColumn.NAMES;
    /** The number of columns in {@link #COLUMNS}. */
    public static final int COLUMN_COUNT = EventColumn.values().length;
    /** The encoding version this code writes and reads (docs/encoding.md). */
    public static final int ENCODING = 1;

    private EventRows() {
    }

    /** {@code INSERT INTO <event table> (COLUMNS) VALUES (?, ..., ?)}. */
    public static String insertSql(TableNames tables) {
        return "INSERT INTO " + tables.event() + " (" + COLUMNS + ") VALUES (" + "?, ".repeat(COLUMN_COUNT - 1)
                + "?)";
    }

    /** Binds the event to parameters 1 to {@link #COLUMN_COUNT} of an insert prepared from {@link #insertSql}. */
    public static void bind(PreparedStatement ps, AuditEvent event) throws SQLException {
        bind(ps, 0, event);
    }

    /**
     * Binds the event to parameters {@code offset + 1} to {@code offset + }{@link #COLUMN_COUNT},
     * in {@link #COLUMNS} order: one row of a multi-row insert.
     */
    public static void bind(PreparedStatement ps, int offset, AuditEvent event) throws SQLException {
        ps.setString(offset + EventColumn.LOG_ID.index(), event.logId());
        ps.setLong(offset + EventColumn.SEQ.index(), event.sequence());
        ps.setString(offset + EventColumn.EVENT_ID.index(), event.eventId().toString());
        ps.setLong(offset + EventColumn.TS_NANOS.index(), EventEncoder.epochNanos(event.timestamp()));
        ps.setString(offset + EventColumn.ACTION.index(), event.action());
        ps.setString(offset + EventColumn.PRINCIPAL_SUBJECT.index(), event.principal().subject());
        ps.setString(offset + EventColumn.PRINCIPAL_AUTH.index(), event.principal().authMethod().name());
        ps.setString(offset + EventColumn.PRINCIPAL_METADATA.index(),
                ((CanonicalMap) event.principal().metadata()).json());
        setNullable(ps, offset + EventColumn.RESOURCE.index(), event.resource());
        setNullable(ps, offset + EventColumn.RESOURCE_ID.index(), event.resourceId());
        ps.setString(offset + EventColumn.OUTCOME.index(), event.outcome().name());
        setNullable(ps, offset + EventColumn.CORRELATION_ID.index(), event.correlationId());
        ps.setString(offset + EventColumn.CONTEXT.index(), event.contextJson());
        ps.setString(offset + EventColumn.PREVIOUS_CHECKSUM.index(), event.previousChecksum());
        ps.setString(offset + EventColumn.CHECKSUM.index(), event.checksum());
        ps.setInt(offset + EventColumn.ENCODING.index(), ENCODING);
    }

    /**
     * Reads the event in the current row, whose first columns are {@link #COLUMNS}.
     *
     * @throws IllegalArgumentException naming the column whose stored value maps to no
     *         event field or not exactly
     * @throws SQLException if the driver fails
     */
    public static AuditEvent read(ResultSet rs) throws SQLException {
        int encoding = rs.getInt(EventColumn.ENCODING.index());
        if (rs.wasNull()) {
            throw new IllegalArgumentException("column encoding is NULL");
        }
        if (encoding != ENCODING) {
            throw new IllegalArgumentException("column encoding: the row is in encoding version " + encoding
                    + "; this airlog reads version " + ENCODING + " only (docs/encoding.md)");
        }
        String logId = required(rs, EventColumn.LOG_ID);
        long seq = rs.getLong(EventColumn.SEQ.index());
        if (rs.wasNull()) {
            throw new IllegalArgumentException("column seq is NULL");
        }
        UUID eventId = uuid(required(rs, EventColumn.EVENT_ID));
        long tsNanos = rs.getLong(EventColumn.TS_NANOS.index());
        if (rs.wasNull()) {
            throw new IllegalArgumentException("column ts_nanos is NULL");
        }
        String action = required(rs, EventColumn.ACTION);
        String subject = required(rs, EventColumn.PRINCIPAL_SUBJECT);
        AuthMethod auth = enumValue(AuthMethod.class, required(rs, EventColumn.PRINCIPAL_AUTH), "principal_auth");
        CanonicalMap metadata = canonicalObject(required(rs, EventColumn.PRINCIPAL_METADATA), "principal_metadata");
        String resource = rs.getString(EventColumn.RESOURCE.index());
        String resourceId = rs.getString(EventColumn.RESOURCE_ID.index());
        Outcome outcome = enumValue(Outcome.class, required(rs, EventColumn.OUTCOME), "outcome");
        String correlationId = rs.getString(EventColumn.CORRELATION_ID.index());
        CanonicalMap context = canonicalObject(required(rs, EventColumn.CONTEXT), "context");
        String previousChecksum = required(rs, EventColumn.PREVIOUS_CHECKSUM);
        String checksum = required(rs, EventColumn.CHECKSUM);
        Principal principal;
        try {
            principal = new Principal(subject, auth, metadata);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("columns principal_*: " + e.getMessage(), e);
        }
        return new AuditEvent(eventId, logId, seq, Instant.ofEpochSecond(0, tsNanos), action, principal, resource,
                resourceId, outcome, correlationId, context, previousChecksum, checksum);
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static String required(ResultSet rs, EventColumn column) throws SQLException {
        String value = rs.getString(column.index());
        if (value == null) {
            throw new IllegalArgumentException("column " + column.columnName() + " is NULL");
        }
        return value;
    }

    private static UUID uuid(String text) {
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column event_id: '" + text + "' is not a UUID", e);
        }
        if (!id.toString().equals(text)) {
            throw new IllegalArgumentException("column event_id: '" + text
                    + "' is not a UUID in lowercase canonical form");
        }
        return id;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String column) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + column + ": '" + name + "' is not a "
                    + type.getSimpleName(), e);
        }
    }

    private static CanonicalMap canonicalObject(String json, String column) {
        return CanonicalMap.parseCanonical("column " + column, json);
    }
}
