package io.airlog.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-line JSON objects whose members are all strings, as airlog writes checkpoint records:
 * written with RFC 8785 escaping (so a note's newlines become {@code \n} and the line holds
 * no raw newline), read strictly.
 */
public final class JsonLine {
    private JsonLine() {
    }

    /**
     * The object with these members, in this order, as one line without the newline.
     *
     * @param namesAndValues name, value, name, value, ...
     */
    public static String write(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            JsonWriter.string(sb, namesAndValues[i]);
            sb.append(':');
            JsonWriter.string(sb, namesAndValues[i + 1]);
        }
        return sb.append('}').toString();
    }

    /**
     * Reads a line as an object whose members are all strings.
     *
     * @param what what the line should be, for the error message
     * @throws IllegalArgumentException if the line is not such an object
     */
    public static Map<String, String> read(String what, String line) {
        Map<String, Object> raw = JsonReader.parseObject(what, line);
        Map<String, String> members = new LinkedHashMap<>();
        for (Map.Entry<String, Object> m : raw.entrySet()) {
            if (!(m.getValue() instanceof String s)) {
                throw new IllegalArgumentException(what + ": member '" + m.getKey() + "' is not a string");
            }
            members.put(m.getKey(), s);
        }
        return members;
    }
}
