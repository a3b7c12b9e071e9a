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
 * <p>A map {@linkplain #ofSealedJson read back from sealed text} starts from the text and
 * parses its members only when they are first asked for: verifying a stored event needs the
 * text alone.
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
     * The object whose canonical JSON text is {@code json}, parsed when its members are first
     * read. Only for text known to be canonical JSON of an object: text that was sealed, and
     * whose event's checksum matches it (the checksum covers the text byte for byte). Text of
     * unknown origin goes through {@link JsonReader#parseObject}, which checks it.
     *
     * @param json canonical JSON text of an object
     * @return the map
     */
    public static CanonicalMap ofSealedJson(String json) {
        return new CanonicalMap(Objects.requireNonNull(json, "json"));
    }

    private SortedMap<String, Object> members() {
        SortedMap<String, Object> m = members;
        if (m == null) {
            m = JsonReader.parseObject("sealed JSON", json).members();
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
