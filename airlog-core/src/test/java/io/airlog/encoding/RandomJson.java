package io.airlog.encoding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random JSON values and random (valid but not canonical) JSON texts for the property tests,
 * driven by a seeded {@link Random} so that every failure names the seed that reproduces it.
 *
 * <p>Values are plain Java: {@link LinkedHashMap} (random key order), {@link ArrayList},
 * {@link String}, {@link Boolean}, {@code null}, {@link Long} and {@link Double} (finite).
 * Strings hold every kind of awkward character except U+0000 and unpaired surrogates.
 */
final class RandomJson {
    /** Characters that need care in JSON, SQL or UTF-8. */
    private static final String AWKWARD = "\"\\/'`;%_*-=()[]{}<>&|$#\u007F\u0080\u00A0\u00E9\u00FF\u2028\u2029"
            + "\uFEFF\uFFFD\uFFFF\uE000\uFB33\u20AC";
    private static final String[] SQL = {"' OR '1'='1", "'; DROP TABLE audit_event; --", "/* */", "%_", "\\'",
        "\"\"", "--", ";"};

    /** Characters with a two-character escape: a backslash and the letter at the same index of SHORT_LETTERS. */
    private static final String SHORT_ESCAPES = "\"\\/\b\f\n\r\t";
    private static final String SHORT_LETTERS = "\"\\/bfnrt";

    private final Random random;

    RandomJson(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    /** A random JSON object with at most {@code depth} levels of nesting below it. */
    Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            map.put(string(6), value(depth - 1));
        }
        return map;
    }

    /** A random JSON value. */
    Object value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2, 3 -> integer();
            case 4 -> aDouble();
            case 5, 6 -> string(10);
            case 7 -> object(depth);
            default -> list(depth);
        };
    }

    private List<Object> list(int depth) {
        List<Object> list = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            list.add(value(depth - 1));
        }
        return list;
    }

    /** An integer in the normal form's Long range, often near 0, +-2^31 or +-2^53. */
    long integer() {
        long limit = 1L << 53;
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(2001) - 1000;
            case 1 -> limit - random.nextInt(1000);
            case 2 -> -limit + random.nextInt(1000);
            default -> random.nextLong() % (limit + 1);
        };
    }

    /** A finite double: random bits, or a short decimal, or a power of ten. */
    double aDouble() {
        switch (random.nextInt(3)) {
            case 0 -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(d));
                return d;
            }
            case 1 -> {
                return Double.parseDouble((random.nextInt(2000) - 1000) + "." + random.nextInt(100000)
                        + "e" + (random.nextInt(60) - 30));
            }
            default -> {
                return (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextInt(600) - 300);
            }
        }
    }

    /** A random string of up to {@code max} pieces: control characters, awkward and SQL characters, non-BMP. */
    String string(int max) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(7)) {
                case 0 -> s.append((char) (1 + random.nextInt(0x1F)));
                case 1 -> s.append(AWKWARD.charAt(random.nextInt(AWKWARD.length())));
                case 2 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 3 -> s.append(SQL[random.nextInt(SQL.length)]);
                case 4 -> s.append((char) (0x100 + random.nextInt(0xD800 - 0x100)));
                default -> s.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return s.toString();
    }

    /** A string with one U+0000, unpaired surrogate or reversed pair planted in a random string. */
    String badString() {
        String good = string(6);
        String[] bad = {"\u0000", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDE00\uD83D"};
        int at = random.nextInt(good.length() + 1);
        while (at > 0 && at < good.length() && Character.isLowSurrogate(good.charAt(at))) {
            at--; // do not split a valid pair: the planted character must be the only fault
        }
        return good.substring(0, at) + bad[random.nextInt(bad.length)] + good.substring(at);
    }

    /**
     * Valid JSON text for a value, written the way other producers might: random white space
     * and member order, escapes where none are needed, numbers in other exact forms
     * (1E21, 1.0e+21, 10e20, 100.00).
     */
    String text(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private void write(StringBuilder out, Object value) {
        space(out);
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Number n) {
            out.append(number(new BigDecimal(CanonicalJson.toJson(n))));
        } else if (value instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            Collections.shuffle(entries, random);
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(out);
                quote(out, (String) entries.get(i).getKey());
                space(out);
                out.append(':');
                write(out, entries.get(i).getValue());
            }
            space(out);
            out.append('}');
        } else {
            List<?> list = (List<?>) value;
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            space(out);
            out.append(']');
        }
        space(out);
    }

    private void space(StringBuilder out) {
        if (random.nextInt(4) == 0) {
            out.append(" \t\n\r".charAt(random.nextInt(4)));
        }
    }

    /** Another text of exactly the same decimal value. */
    private String number(BigDecimal v) {
        return switch (random.nextInt(5)) {
            case 0 -> v.toString();
            case 1 -> v.setScale(Math.max(v.scale(), 0) + 2).toString();
            case 2 -> v.scale() > -50 && v.scale() < 50 ? v.toPlainString() : v.toString();
            case 3 -> v.unscaledValue() + (random.nextBoolean() ? "e" : "E") + (-v.scale());
            default -> v.stripTrailingZeros().toEngineeringString();
        };
    }

    private void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = c < 0x20 || c == '"' || c == '\\' || random.nextInt(8) == 0;
            int shortForm = SHORT_ESCAPES.indexOf(c);
            if (Character.isHighSurrogate(c)) {
                char low = s.charAt(++i); // the strings are well-formed: a pair is escaped whole or not at all
                out.append(escape ? unicode(c) + unicode(low) : "" + c + low);
            } else if (!escape) {
                out.append(c);
            } else if (shortForm >= 0 && random.nextBoolean()) {
                out.append('\\').append(SHORT_LETTERS.charAt(shortForm));
            } else {
                out.append(unicode(c));
            }
        }
        out.append('"');
    }

    private String unicode(char c) {
        String hex = String.format("%04x", (int) c);
        return "\\u" + (random.nextBoolean() ? hex : hex.toUpperCase());
    }
}
