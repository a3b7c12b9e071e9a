package io.airlog.jdbc.internal;

import io.airlog.jdbc.TableNames;
import java.sql.Types;
import java.util.List;

/**
 * The shape the bundled DDL gives airlog's tables, as {@link io.airlog.jdbc.SchemaManager}
 * checks it: each table's columns with their kind and the least length a text column must hold.
 */
public final class SchemaDefinition {
    private SchemaDefinition() {
    }

    /** The kind of value a column holds. */
    public enum Kind {
        /** A 64-bit integer. */
        BIGINT,
        /** A small integer (16 bits or more). */
        SMALLINT,
        /** Character data. */
        TEXT,
        /** A point in time. */
        TIMESTAMP;

        /** Whether a {@link Types} code reported by the driver is of this kind. */
        public boolean accepts(int sqlType) {
            return switch (this) {
                case BIGINT -> sqlType == Types.BIGINT;
                case SMALLINT -> sqlType == Types.SMALLINT || sqlType == Types.INTEGER;
                case TEXT -> sqlType == Types.CHAR || sqlType == Types.VARCHAR || sqlType == Types.LONGVARCHAR
                        || sqlType == Types.CLOB || sqlType == Types.NCHAR || sqlType == Types.NVARCHAR
                        || sqlType == Types.LONGNVARCHAR || sqlType == Types.NCLOB;
                case TIMESTAMP -> sqlType == Types.TIMESTAMP || sqlType == Types.TIMESTAMP_WITH_TIMEZONE;
            };
        }
    }

    /**
     * One expected column.
     *
     * @param name the column name, lowercase as in the DDL
     * @param kind its kind
     * @param minLength for text, the number of characters it must hold at least; else 0
     */
    public record Column(String name, Kind kind, int minLength) {
        static Column bigint(String name) {
            return new Column(name, Kind.BIGINT, 0);
        }

        static Column text(String name, int minLength) {
            return new Column(name, Kind.TEXT, minLength);
        }

        static Column timestamp(String name) {
            return new Column(name, Kind.TIMESTAMP, 0);
        }
    }

    /**
     * One expected table.
     *
     * @param name the table name with its prefix
     * @param columns its columns
     * @param insertOnly whether the DDL puts insert-only triggers on it
     */
    public record Table(String name, List<Column> columns, boolean insertOnly) {
    }

    /** The tables of the schema with the given names. */
    public static List<Table> tables(TableNames names) {
        return List.of(
                new Table(names.event(), EventColumn.schema(), true),
                new Table(names.head(), List.of(
                        Column.text("log_id", 128),
                        Column.bigint("size"),
                        Column.text("last_checksum", 64),
                        Column.timestamp("updated_at")), false),
                new Table(names.checkpoint(), List.of(
                        Column.text("log_id", 128),
                        Column.bigint("size"),
                        Column.text("last_checksum", 64),
                        Column.text("merkle_root", 64),
                        Column.text("signature", 512),
                        Column.text("key_id", 128),
                        Column.timestamp("created_at"),
                        Column.text("edge", 4096),
                        Column.text("note", 4096)), true));
    }
}
