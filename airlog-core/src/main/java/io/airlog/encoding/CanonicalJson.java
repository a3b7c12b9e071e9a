package io.airlog.encoding;

import io.airlog.internal.JsonReader;
import io.airlog.internal.JsonValues;
import io.airlog.internal.JsonWriter;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the JSON values that events hold.
 *
 * <p>Values are first normalised (see {@link #normalize}); the canonical text of equal
 * values is equal, and parsing the canonical text gives back an equal value.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    /**
     * Checks a value and returns its immutable normal form: maps sorted by key, lists,
     * strings, booleans, {@code null}, and numbers as {@link Long} (integral, magnitude at
     * most 2<sup>53</sup>) or {@link Double}.
     *
     * @throws IllegalArgumentException naming the path of any value that is not JSON, a
     *         cycle, a number that RFC 8785 cannot carry exactly, U+0000 or an unpaired surrogate
     */
    public static Object normalize(Object value) {
        return JsonValues.value("value", value);
    }

    /** The RFC 8785 canonical JSON text of a value (normalised first). */
    public static String toJson(Object value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, JsonValues.value("value", value));
        return out.toString();
    }

    /**
     * Parses JSON text into the normal form.
     *
     * @throws IllegalArgumentException if the text is not exactly one JSON value, has a
     *         duplicate key, or holds a value that {@link #normalize} rejects
     */
    public static Object parse(String json) {
        return JsonReader.parse("json", json);
    }
}
