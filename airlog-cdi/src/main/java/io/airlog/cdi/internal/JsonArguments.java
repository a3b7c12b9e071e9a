package io.airlog.cdi.internal;

import io.airlog.AuditLimits;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns method arguments into JSON values for an event's context: strings and booleans as
 * they are; integers as numbers while a double holds them exactly (magnitude up to
 * 2<sup>53</sup>), beyond that as a string of their decimal digits; {@code float} and
 * {@code double} as numbers (a float widened exactly, as airlog-core does), NaN and the
 * infinities as text; {@link BigDecimal} and {@link BigInteger} always as a string of their
 * exact decimal text ({@code toString()}, scale kept: {@code "125.50"}); characters, enums
 * (by name) and other objects as text (their {@code toString()}); {@code Optional}
 * unwrapped; collections, arrays and maps element by element; {@code byte[]} as Base64. See
 * docs/adr/0020-exact-numbers-from-arguments.md.
 */
final class JsonArguments {
    /** 2^53: every integer of at most this magnitude is exactly a double. */
    private static final long MAX_EXACT = 1L << 53;

    private JsonArguments() {
    }

    static Object toJson(String field, Object value) {
        return convert(field, value, 0);
    }

    private static Object convert(String field, Object value, int depth) {
        if (depth > AuditLimits.DEPTH) {
            throw new IllegalArgumentException("context." + field + " is nested deeper than " + AuditLimits.DEPTH
                    + " levels (or refers to itself)");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long l = ((Number) value).longValue();
            return l >= -MAX_EXACT && l <= MAX_EXACT ? (Object) l : Long.toString(l);
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : d;
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : f;
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Optional<?> o) {
            return convert(field, o.orElse(null), depth + 1);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object element : c) {
                out.add(convert(field, element, depth + 1));
            }
            return out;
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(convert(field, Array.get(value, i), depth + 1));
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                out.put(String.valueOf(entry.getKey()), convert(field, entry.getValue(), depth + 1));
            }
            return out;
        }
        return value.toString();
    }
}
