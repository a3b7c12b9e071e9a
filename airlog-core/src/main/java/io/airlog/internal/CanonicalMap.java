package io.airlog.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * An immutable JSON object whose members are already normalised and sorted in RFC 8785
 * order (UTF-16 code units, which is {@link String#compareTo}). It remembers its canonical
 * JSON text, so an event's context is serialised once however often it is hashed.
 */
public final class CanonicalMap extends AbstractMap<String, Object> {
    /** The empty object. */
    public static final CanonicalMap EMPTY = new CanonicalMap(Collections.emptySortedMap());

    private final SortedMap<String, Object> members;
    private volatile String json;

    CanonicalMap(SortedMap<String, Object> members) {
        this.members = Collections.unmodifiableSortedMap(members);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return members.entrySet();
    }

    @Override
    public Object get(Object key) {
        return members.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return members.containsKey(key);
    }

    @Override
    public int size() {
        return members.size();
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
