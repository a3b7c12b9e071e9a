package io.airlog.internal;

import io.airlog.AuditLimits;

/**
 * Recognises, in one pass, the canonical JSON text (RFC 8785, as {@link JsonWriter} writes the
 * normal form) of an object made of plain parts: strings without escapes and without
 * surrogates, numbers, {@code true}, {@code false}, {@code null}, and objects and arrays nested
 * less than {@link AuditLimits#DEPTH} levels deep, members in strictly increasing key order, no
 * whitespace. That is the text of almost every stored context and principal metadata. Nothing
 * is allocated but for a number that is not a small integer (parsed and printed again).
 *
 * <p>{@code false} does not mean that the text is not canonical: it means that the text
 * holds something outside these plain parts (an escape, a surrogate) or is not canonical. The
 * caller then parses the text and compares it with its canonical form, which decides.
 */
public final class PlainCanonicalJson {
    private static final long MAX_EXACT = JsonValues.MAX_EXACT;

    private final String text;
    private int at;

    private PlainCanonicalJson(String text) {
        this.text = text;
    }

    /** Whether {@code text} is the canonical JSON of an object made of plain parts only. */
    public static boolean isCanonicalObject(String text) {
        PlainCanonicalJson scan = new PlainCanonicalJson(text);
        return !text.isEmpty() && text.charAt(0) == '{' && scan.object(0) && scan.at == text.length();
    }

    private boolean value(int depth) {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string() >= 0;
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        };
    }

    /** An object at {@code depth} (the text's own object is at 0), the cursor on its '{'. */
    private boolean object(int depth) {
        if (depth >= AuditLimits.DEPTH) {
            return false;
        }
        at++;
        if (skip('}')) {
            return true;
        }
        int previousKey = -1;
        int previousLength = 0;
        do {
            if (at >= text.length() || text.charAt(at) != '"') {
                return false;
            }
            int key = at + 1;
            int length = string();
            if (length < 0 || (previousKey >= 0 && compare(previousKey, previousLength, key, length) >= 0)
                    || !skip(':') || !value(depth)) {
                return false;
            }
            previousKey = key;
            previousLength = length;
        } while (skip(','));
        return skip('}');
    }

    /** An array at {@code depth}, the cursor on its '['. */
    private boolean array(int depth) {
        if (depth >= AuditLimits.DEPTH) {
            return false;
        }
        at++;
        if (skip(']')) {
            return true;
        }
        do {
            if (!value(depth)) {
                return false;
            }
        } while (skip(','));
        return skip(']');
    }

    /** Moves past {@code c} if the cursor is on it. */
    private boolean skip(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    /** A string with no escape and no surrogate, the cursor on its quote; returns its length, or -1. */
    private int string() {
        int start = ++at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return at - 1 - start;
            }
            if (c < 0x20 || c == '\\' || Character.isSurrogate(c)) {
                return -1;
            }
            at++;
        }
        return -1;
    }

    /**
     * A number as the normal form writes it: an integer of magnitude at most 2^53 as
     * {@link Long#toString} does (checked digit by digit), any other number as the RFC 8785
     * text of its double (parsed and printed again, the only allocation of the scan).
     */
    private boolean number() {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        int digitsStart = at;
        long value = 0;
        while (at < text.length() && isDigit(text.charAt(at))) {
            if (at - digitsStart < 17) {
                value = value * 10 + (text.charAt(at) - '0');
            }
            at++;
        }
        int digits = at - digitsStart;
        if (digits == 0 || (digits > 1 && text.charAt(digitsStart) == '0')) {
            return false;
        }
        boolean integral = true;
        if (at < text.length() && text.charAt(at) == '.') {
            integral = false;
            if (!digits(++at)) {
                return false;
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            integral = false;
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            if (!digits(at)) {
                return false;
            }
        }
        if (integral && digits < 17 && value <= MAX_EXACT) {
            return !(value == 0 && start != digitsStart); // "-0" is written "0"
        }
        String token = text.substring(start, at);
        double d = Double.parseDouble(token);
        return !Double.isInfinite(d) && Numbers.format(d).equals(token);
    }

    /** Skips one or more digits from {@code from}; false if there is none. */
    private boolean digits(int from) {
        at = from;
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        return at > from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean literal(String word) {
        if (text.startsWith(word, at)) {
            at += word.length();
            return true;
        }
        return false;
    }

    /** {@link String#compareTo} of two regions of the text (UTF-16 code units, as RFC 8785 sorts keys). */
    private int compare(int a, int aLength, int b, int bLength) {
        int n = Math.min(aLength, bLength);
        for (int i = 0; i < n; i++) {
            int d = text.charAt(a + i) - text.charAt(b + i);
            if (d != 0) {
                return d;
            }
        }
        return aLength - bLength;
    }
}
