package io.airlog.jdbc;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What airlog does with its tables at startup ({@code airlog.jdbc.schema}). */
public enum SchemaMode {
    /** Check that every table, column and insert-only trigger exists; fail naming what is missing. The default. */
    VALIDATE,
    /** Apply the bundled DDL (idempotent: an existing schema is left as it is), then validate. */
    CREATE,
    /** Touch nothing: the operator manages the schema. */
    NONE;

    /** The configuration key this mode is read from. */
    public static final String KEY = "airlog.jdbc.schema";

    /**
     * Parses a configuration value ({@code validate}, {@code create}, {@code none}; case-insensitive).
     *
     * @throws IllegalArgumentException naming the key and the allowed values
     */
    public static SchemaMode parse(String value) {
        String allowed = Arrays.stream(values()).map(SchemaMode::configValue).collect(Collectors.joining(", "));
        if (value == null) {
            throw new IllegalArgumentException(KEY + " is required; allowed values: " + allowed);
        }
        for (SchemaMode mode : values()) {
            if (mode.configValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException(KEY + " = '" + value + "' is not valid; allowed values: " + allowed);
    }

    /** The value of this mode in configuration, e.g. {@code validate}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
