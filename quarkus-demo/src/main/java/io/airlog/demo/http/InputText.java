package io.airlog.demo.http;

/**
 * Checks of the text a client sends (JSON members, path and query parameters), and its safe
 * rendering for audit events.
 *
 * <p>Text an audit event cannot hold (U+0000, an unpaired surrogate) or that is longer than
 * its field allows is refused with a {@link BadInputException} naming the field, so the
 * request ends in 400; the audited call still records the attempt, with {@link #shown} of
 * what was sent.
 */
public final class InputText {
    /** What {@link #shown} puts in place of U+0000 and unpaired surrogates. */
    public static final char REPLACEMENT = '\uFFFD';
    /** The most characters of a client's value that {@link #shown} keeps. */
    public static final int SHOWN_MAX = 256;

    private InputText() {
    }

    /**
     * The value, checked: no U+0000, no unpaired surrogate, at most {@code maxLength}
     * characters (UTF-16 units).
     *
     * @throws BadInputException naming {@code field} and the problem
     */
    public static String checked(String field, String value, int maxLength) {
        int bad = firstInvalid(value);
        if (bad >= 0) {
            char c = value.charAt(bad);
            throw new BadInputException(field + ": " + (c == 0 ? "U+0000 (NUL)"
                    : "an unpaired surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT))
                    + " at index " + bad + " is not allowed");
        }
        if (value.length() > maxLength) {
            throw new BadInputException(field + ": at most " + maxLength + " characters, got " + value.length());
        }
        return value;
    }

    /**
     * The value as an audit event may record it: U+0000 and unpaired surrogates replaced by
     * {@value #REPLACEMENT}, cut to {@value #SHOWN_MAX} characters (the cut marked with how
     * many characters were left out); null stays null.
     */
    public static String shown(String value) {
        if (value == null) {
            return null;
        }
        int end = Math.min(value.length(), SHOWN_MAX);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 32);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == 0 || isUnpaired(value, i)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        if (end < value.length()) {
            out.append("… (").append(value.length() - end).append(" more characters)");
        }
        return out.toString();
    }

    /** The index of the first U+0000 or unpaired surrogate, or -1. */
    static int firstInvalid(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || isUnpaired(value, i)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return -1;
    }

    private static boolean isUnpaired(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }
}
