package io.airlog.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * An immutable JSON object whose members are already normalised and sorted in RFC 8785
 * order (UTF-16 code units, which is {@link String#compareTo}). It remembers its canonical
 * JSON text, so an event's context is serialised once however often it is hashed.
 *
 * <p>A map {@linkplain #parseCanonical read back from canonical text} whose text is plain
 * (see {@link PlainCanonicalJson}) starts from the text and parses its members only when they
 * are first asked for: verifying a stored event needs the text alone.
 */
public final class CanonicalMap extends AbstractMap<String, Object> {
    /** The empty object. */
    public static final CanonicalMap EMPTY = new CanonicalMap(Collections.emptySortedMap());

    private volatile SortedMap<String, Object> members;
    private volatile String json;

    CanonicalMap(SortedMap<String, Object> members) {
        this.members = Collections.unmodifiableSortedMap(members);
    }

    private CanonicalMap(String json) {
        this.json = json;
    }

    /**
     * The object whose canonical JSON (RFC 8785) text is {@code json}. Plain text (see
     * {@link PlainCanonicalJson}, one pass, no allocation) is parsed only when the members are
     * first read; other text is parsed now and compared with its canonical form.
     *
     * @param path what the text is, for error messages (e.g. {@code "column context"})
     * @param json the text
     * @return the map, whose {@link #json()} is {@code json}
     * @throws IllegalArgumentException if the text is not JSON of an object, holds a value
     *         that is not allowed, or is not in canonical form
     */
    public static CanonicalMap parseCanonical(String path, String json) {
        Objects.requireNonNull(json, "json");
        if (PlainCanonicalJson.isCanonicalObject(json)) {
            return new CanonicalMap(json);
        }
        CanonicalMap map = JsonReader.parseObject(path, json);
        if (!map.json().equals(json)) {
            throw new IllegalArgumentException(path + " does not hold canonical JSON (RFC 8785)");
        }
        return map;
    }

    private SortedMap<String, Object> members() {
        SortedMap<String, Object> m = members;
        if (m == null) {
            m = JsonReader.parseObject("canonical JSON", json).members();
            members = m;
        }
        return m;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return members().entrySet();
    }

    @Override
    public Object get(Object key) {
        return members().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return members().containsKey(key);
    }

    @Override
    public int size() {
        return members().size();
    }

    /** The RFC 8785 canonical JSON text of this object, computed once. */
    public String json() {
        String s = json;
        if (s == null) {
            StringBuilder out = new StringBuilder(64);
            JsonWriter.write(out, this);
            s = out.toString();
            json = s;
        }
        return s;
    }

    /** Returns the map when it is canonical already, or {@code null}. */
    static CanonicalMap ifCanonical(Map<?, ?> map) {
        return map instanceof CanonicalMap c ? c : null;
    }
}
