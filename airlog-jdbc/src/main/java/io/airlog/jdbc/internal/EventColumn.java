package io.airlog.jdbc.internal;

import io.airlog.jdbc.internal.SchemaDefinition.Column;
import io.airlog.jdbc.internal.SchemaDefinition.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns of the event table, in the order every statement binds and reads them: the one
 * list of event fields in the code. {@link EventRows} maps them to an event's fields,
 * {@link SchemaDefinition} checks the table has them, and every {@code SELECT} or
 * {@code INSERT} of events names them through {@link #NAMES}. A new field is a new constant
 * here, its mapping in {@link EventRows}, and a migration script.
 */
public enum EventColumn {
    LOG_ID(Kind.TEXT, 128),
    SEQ(Kind.BIGINT, 0),
    EVENT_ID(Kind.TEXT, 36),
    TS_NANOS(Kind.BIGINT, 0),
    ACTION(Kind.TEXT, 256),
    PRINCIPAL_SUBJECT(Kind.TEXT, 256),
    PRINCIPAL_AUTH(Kind.TEXT, 16),
    PRINCIPAL_METADATA(Kind.TEXT, 8 * 1024),
    RESOURCE(Kind.TEXT, 256),
    RESOURCE_ID(Kind.TEXT, 256),
    OUTCOME(Kind.TEXT, 16),
    CORRELATION_ID(Kind.TEXT, 128),
    CONTEXT(Kind.TEXT, 64 * 1024),
    PREVIOUS_CHECKSUM(Kind.TEXT, 64),
    CHECKSUM(Kind.TEXT, 64),
    /** The encoding version of the event (docs/encoding.md); airlog writes and reads version 1. */
    ENCODING(Kind.SMALLINT, 0);

    /** Every column name, comma-separated, in binding and reading order. */
    public static final String NAMES = Arrays.stream(values()).map(EventColumn::columnName)
            .collect(Collectors.joining(", "));

    private final Kind kind;
    private final int minLength;

    EventColumn(Kind kind, int minLength) {
        this.kind = kind;
        this.minLength = minLength;
    }

    /** The column's name in the DDL (lowercase). */
    public String columnName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The 1-based index of this column among {@link #NAMES}. */
    public int index() {
        return ordinal() + 1;
    }

    /** The event table's columns as the schema check expects them. */
    static List<Column> schema() {
        return Arrays.stream(values()).map(c -> new Column(c.columnName(), c.kind, c.minLength)).toList();
    }
}
