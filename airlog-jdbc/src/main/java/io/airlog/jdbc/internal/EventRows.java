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
 * {@value #COLUMN_COUNT} columns of a result set, selected as {@link #COLUMNS}, back to an
 * event, and is strict: a stored value that does not map back to exactly one event field
 * (an unknown enum name, a UUID not in lowercase canonical form, JSON that is not the
 * RFC 8785 canonical text of its value, a NULL in a required column) is rejected with an
 * {@link IllegalArgumentException} naming the column, so that no edit of a stored value
 * can leave the checksum valid.
 */
public final class EventRows {
    /** The event table's columns, in binding and reading order. */
    public static final String COLUMNS = "log_id, seq, event_id, ts_nanos, action, principal_subject, principal_auth,"
            + " principal_metadata, resource, resource_id, outcome, correlation_id, context, previous_checksum,"
            + " checksum";
    /** The number of columns in {@link #COLUMNS}. */
    public static final int COLUMN_COUNT = 15;

    private EventRows() {
    }

    /** {@code INSERT INTO <event table> (COLUMNS) VALUES (?, ..., ?)}. */
    public static String insertSql(TableNames tables) {
        return "INSERT INTO " + tables.event() + " (" + COLUMNS + ") VALUES (" + "?, ".repeat(COLUMN_COUNT - 1)
                + "?)";
    }

    /** Binds the event to parameters 1 to {@value #COLUMN_COUNT} of an insert prepared from {@link #insertSql}. */
    public static void bind(PreparedStatement ps, AuditEvent event) throws SQLException {
        bind(ps, 0, event);
    }

    /**
     * Binds the event to parameters {@code offset + 1} to {@code offset + }{@value #COLUMN_COUNT},
     * in {@link #COLUMNS} order: one row of a multi-row insert.
     */
    public static void bind(PreparedStatement ps, int offset, AuditEvent event) throws SQLException {
        ps.setString(offset + 1, event.logId());
        ps.setLong(offset + 2, event.sequence());
        ps.setString(offset + 3, event.eventId().toString());
        ps.setLong(offset + 4, EventEncoder.epochNanos(event.timestamp()));
        ps.setString(offset + 5, event.action());
        ps.setString(offset + 6, event.principal().subject());
        ps.setString(offset + 7, event.principal().authMethod().name());
        ps.setString(offset + 8, ((CanonicalMap) event.principal().metadata()).json());
        setNullable(ps, offset + 9, event.resource());
        setNullable(ps, offset + 10, event.resourceId());
        ps.setString(offset + 11, event.outcome().name());
        setNullable(ps, offset + 12, event.correlationId());
        ps.setString(offset + 13, event.contextJson());
        ps.setString(offset + 14, event.previousChecksum());
        ps.setString(offset + 15, event.checksum());
    }

    /**
     * Reads the event in the current row, whose first columns are {@link #COLUMNS}.
     *
     * @throws IllegalArgumentException naming the column whose stored value maps to no
     *         event field or not exactly
     * @throws SQLException if the driver fails
     */
    public static AuditEvent read(ResultSet rs) throws SQLException {
        String logId = required(rs, 1, "log_id");
        long seq = rs.getLong(2);
        if (rs.wasNull()) {
            throw new IllegalArgumentException("column seq is NULL");
        }
        UUID eventId = uuid(required(rs, 3, "event_id"));
        long tsNanos = rs.getLong(4);
        if (rs.wasNull()) {
            throw new IllegalArgumentException("column ts_nanos is NULL");
        }
        String action = required(rs, 5, "action");
        String subject = required(rs, 6, "principal_subject");
        AuthMethod auth = enumValue(AuthMethod.class, required(rs, 7, "principal_auth"), "principal_auth");
        CanonicalMap metadata = canonicalObject(required(rs, 8, "principal_metadata"), "principal_metadata");
        String resource = rs.getString(9);
        String resourceId = rs.getString(10);
        Outcome outcome = enumValue(Outcome.class, required(rs, 11, "outcome"), "outcome");
        String correlationId = rs.getString(12);
        CanonicalMap context = canonicalObject(required(rs, 13, "context"), "context");
        String previousChecksum = required(rs, 14, "previous_checksum");
        String checksum = required(rs, 15, "checksum");
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

    private static String required(ResultSet rs, int index, String column) throws SQLException {
        String value = rs.getString(index);
        if (value == null) {
            throw new IllegalArgumentException("column " + column + " is NULL");
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
