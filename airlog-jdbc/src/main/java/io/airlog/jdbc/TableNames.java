package io.airlog.jdbc;

import java.util.regex.Pattern;

/**
 * The names of airlog's tables, all starting with one configurable prefix
 * ({@code airlog.jdbc.table-prefix}, default {@value #DEFAULT_PREFIX}).
 *
 * <p>The prefix is spliced into SQL text, so it is restricted to what every supported
 * database accepts as an unquoted identifier: an ASCII letter first, then ASCII letters,
 * digits and underscores, at most {@value #MAX_PREFIX_LENGTH} characters (the longest
 * derived name must fit the 63-character identifier limit of PostgreSQL).
 *
 * @param prefix the validated prefix
 */
public record TableNames(String prefix) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "airlog_";
    /** The longest prefix accepted. */
    public static final int MAX_PREFIX_LENGTH = 32;
    /** The tables with the default prefix. */
    public static final TableNames DEFAULT = new TableNames(DEFAULT_PREFIX);

    /**
     * Validates the prefix.
     *
     * @throws IllegalArgumentException naming the prefix and the rule it breaks
     */
    public TableNames {
        if (prefix == null) {
            throw new IllegalArgumentException("table prefix is required");
        }
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("table prefix '" + prefix + "' is " + prefix.length()
                    + " characters long; the limit is " + MAX_PREFIX_LENGTH);
        }
        if (!VALID.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix '" + prefix
                    + "' is invalid: it must start with an ASCII letter and hold only ASCII letters, digits"
                    + " and underscores");
        }
    }

    /** The tables with the given prefix; see the class comment for the rules. */
    public static TableNames of(String prefix) {
        return new TableNames(prefix);
    }

    /** The insert-only event table. */
    public String event() {
        return prefix + "event";
    }

    /** The head table: one mutable row per log. */
    public String head() {
        return prefix + "head";
    }

    /** The insert-only table of signed checkpoints. */
    public String checkpoint() {
        return prefix + "checkpoint";
    }
}
