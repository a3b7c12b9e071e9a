package io.airlog.internal;

/**
 * Checks of the strings that enter an event: well-formed UTF-16 (no unpaired surrogate),
 * no U+0000 (PostgreSQL cannot store it), and a bounded UTF-8 length.
 */
public final class Text {
    private Text() {
    }

    /**
     * Checks a string and returns its UTF-8 length.
     *
     * @param field the name used in the error message
     * @param value the string, not null
     * @return the number of bytes of its UTF-8 encoding
     * @throws IllegalArgumentException naming {@code field} if the string holds U+0000 or an
     *         unpaired surrogate
     */
    public static int checkedUtf8Length(String field, String value) {
        int bytes = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    throw new IllegalArgumentException(field + ": U+0000 (NUL) at index " + i + " is not allowed");
                }
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    throw new IllegalArgumentException(field + ": unpaired surrogate U+"
                            + Integer.toHexString(c).toUpperCase() + " at index " + i);
                }
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(field + ": unpaired surrogate U+"
                        + Integer.toHexString(c).toUpperCase() + " at index " + i);
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Checks a required string: not null, valid, at most {@code maxBytes} UTF-8 bytes.
     *
     * @return the value
     */
    public static String required(String field, String value, int maxBytes) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return bounded(field, value, maxBytes);
    }

    /** Like {@link #required} and also not blank. */
    public static String requiredNonBlank(String field, String value, int maxBytes) {
        required(field, value, maxBytes);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Checks an optional string: null, or valid and at most {@code maxBytes} UTF-8 bytes. */
    public static String optional(String field, String value, int maxBytes) {
        return value == null ? null : bounded(field, value, maxBytes);
    }

    private static String bounded(String field, String value, int maxBytes) {
        int length = checkedUtf8Length(field, value);
        if (length > maxBytes) {
            throw new IllegalArgumentException(field + " is " + length + " UTF-8 bytes long; the limit is " + maxBytes);
        }
        return value;
    }
}
