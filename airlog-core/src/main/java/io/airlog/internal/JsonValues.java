package io.airlog.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns caller-supplied values into the immutable JSON values that an event holds.
 *
 * <p>Accepted: {@code null}; {@link String} (and {@link CharSequence}, {@link Character},
 * {@link Enum} by name, {@link UUID} by its text); {@link Boolean}; numbers whose value
 * survives RFC 8785 serialisation unchanged (see below); {@link Map} with string keys;
 * {@link Collection} and {@code Object[]} as arrays. Everything else, a cycle, nesting deeper
 * than {@link io.airlog.AuditLimits#DEPTH}, U+0000 or an unpaired surrogate in any string
 * is rejected with an {@link IllegalArgumentException} naming the path of the bad value.
 *
 * <p>Numbers: RFC 8785 serialises every number as an IEEE-754 double in ECMAScript form. A
 * {@link Double} or {@link Float} stands for its double value (NaN and the infinities are
 * rejected). Any other number (the integer types, {@link BigInteger}, {@link BigDecimal},
 * and numbers parsed from JSON text) is accepted only when its exact decimal value equals
 * the RFC 8785 text of the nearest double: every integer of magnitude up to
 * 2<sup>53</sup>; beyond that only an integer that prints as itself (1e21 and
 * 1152921504606847000 yes; 2<sup>60</sup> = 1152921504606846976 no, since that double prints
 * as 1152921504606847000); decimals likewise (0.1 yes, 0.1000000000000000000001 no). The
 * normal form is a {@link Long} for integral values of magnitude at most 2<sup>53</sup>,
 * otherwise a {@link Double}, so a value read back from JSON equals the value that was
 * written. docs/encoding.md specifies the rule.
 */
public final class JsonValues {
    /** 2^53: every integer of at most this magnitude is exactly a double. */
    static final long MAX_EXACT = 1L << 53;

    private JsonValues() {
    }

    /**
     * Normalises a JSON object given as a map.
     *
     * @param field name of the field, used as the root of paths in error messages
     * @param map the map, may be null (meaning empty)
     * @param maxBytes the limit on the UTF-8 length of its canonical JSON
     * @return an immutable canonical map
     */
    public static CanonicalMap object(String field, Map<?, ?> map, int maxBytes) {
        if (map == null) {
            return CanonicalMap.EMPTY;
        }
        CanonicalMap canonical = CanonicalMap.ifCanonical(map);
        if (canonical == null) {
            if (map.isEmpty()) {
                return CanonicalMap.EMPTY;
            }
            canonical = (CanonicalMap) normalize(field, map, 0, new IdentityHashMap<>());
        }
        int length = Utf8.length(canonical.json());
        if (length > maxBytes) {
            throw new IllegalArgumentException(field + " is " + length
                    + " bytes as canonical JSON; the limit is " + maxBytes);
        }
        return canonical;
    }

    /**
     * Adds entries to a canonical object: normalises the new values only, then sorts the
     * members again. The result's size is checked where it is used (by {@link #object}).
     *
     * @param field name of the object, used as the root of paths in error messages
     * @param base the object to extend
     * @param entries the entries to add or replace; null values are JSON null
     * @return a new immutable canonical map
     */
    public static CanonicalMap merge(String field, CanonicalMap base, Map<?, ?> entries) {
        TreeMap<String, Object> members = new TreeMap<>(base);
        putMembers(members, field, entries, 1, new IdentityHashMap<>());
        return members.isEmpty() ? CanonicalMap.EMPTY : new CanonicalMap(members);
    }

    /**
     * Normalises any JSON value.
     *
     * @param path the path of the value, for error messages
     * @param value the value
     * @return its immutable normal form
     */
    public static Object value(String path, Object value) {
        return normalize(path, value, 0, new IdentityHashMap<>());
    }

    private static Object normalize(String path, Object value, int depth, IdentityHashMap<Object, Boolean> open) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            Text.checkedUtf8Length(path, s);
            return s;
        }
        if (value instanceof Number n) {
            return number(path, n);
        }
        if (value instanceof Map<?, ?> map) {
            if (map instanceof CanonicalMap) {
                return map;
            }
            enter(path, value, depth, open);
            TreeMap<String, Object> members = new TreeMap<>();
            putMembers(members, path, map, depth + 1, open);
            open.remove(value);
            return members.isEmpty() ? CanonicalMap.EMPTY : new CanonicalMap(members);
        }
        if (value instanceof List<?> list && CanonicalList.isCanonical(list)) {
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return array(path, value, collection.toArray(), depth, open);
        }
        if (value instanceof Object[] array) {
            return array(path, value, array, depth, open);
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            return normalize(path, value.toString(), depth, open);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException(path + ": a value of type " + value.getClass().getName()
                + " is not a JSON value (allowed: String, Boolean, Number, null, Map with String keys, "
                + "Collection, array)");
    }

    /** Checks the keys of {@code entries} and puts their normalised values (at {@code depth}) into {@code members}. */
    private static void putMembers(TreeMap<String, Object> members, String path, Map<?, ?> entries, int depth,
                                   IdentityHashMap<Object, Boolean> open) {
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": map key " + describe(e.getKey())
                        + " is not a string; JSON object keys are strings");
            }
            Text.checkedUtf8Length(path + ": key", key);
            members.put(key, normalize(path + "." + key, e.getValue(), depth, open));
        }
    }

    private static Object array(String path, Object container, Object[] source, int depth,
                                IdentityHashMap<Object, Boolean> open) {
        enter(path, container, depth, open);
        Object[] elements = new Object[source.length];
        for (int i = 0; i < source.length; i++) {
            elements[i] = normalize(path + "[" + i + "]", source[i], depth + 1, open);
        }
        open.remove(container);
        return new CanonicalList(elements);
    }

    private static void enter(String path, Object container, int depth, IdentityHashMap<Object, Boolean> open) {
        if (depth >= io.airlog.AuditLimits.DEPTH) {
            throw new IllegalArgumentException(path + ": nested deeper than " + io.airlog.AuditLimits.DEPTH + " levels");
        }
        if (open.put(container, Boolean.TRUE) != null) {
            throw new IllegalArgumentException(path + ": cyclic reference; a JSON value must be a tree");
        }
    }

    private static Object number(String path, Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong) {
            return integral(path, n.longValue());
        }
        if (n instanceof Double || n instanceof Float) {
            return fromDouble(path, n.doubleValue());
        }
        if (n instanceof BigInteger big) {
            if (big.bitLength() < 63) {
                return integral(path, big.longValue());
            }
            return exactDouble(path, new BigDecimal(big));
        }
        if (n instanceof BigDecimal decimal) {
            return exactDouble(path, decimal);
        }
        throw new IllegalArgumentException(path + ": number type " + n.getClass().getName() + " is not supported");
    }

    private static Object integral(String path, long v) {
        if (v >= -MAX_EXACT && v <= MAX_EXACT) {
            return v;
        }
        return exactDouble(path, BigDecimal.valueOf(v));
    }

    /** Accepts a decimal only when the double nearest to it prints (RFC 8785) as exactly it. */
    private static Object exactDouble(String path, BigDecimal decimal) {
        double d = decimal.doubleValue();
        if (Double.isInfinite(d) || new BigDecimal(Numbers.format(d)).compareTo(decimal) != 0) {
            throw new IllegalArgumentException(path + ": the number " + decimal.toPlainString()
                    + " cannot be represented exactly in RFC 8785 JSON (IEEE-754 double); pass it as a string");
        }
        return fromDouble(path, d);
    }

    private static Object fromDouble(String path, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(path + ": " + d + " is not a JSON number");
        }
        if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT) {
            return (long) d;
        }
        return d;
    }

    private static String describe(Object key) {
        return key == null ? "null" : key + " (" + key.getClass().getName() + ")";
    }
}
