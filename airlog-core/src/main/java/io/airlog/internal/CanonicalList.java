package io.airlog.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** An immutable JSON array whose elements are already normalised. Nulls are JSON nulls. */
final class CanonicalList extends AbstractList<Object> implements RandomAccess {
    private final Object[] elements;

    CanonicalList(Object[] elements) {
        this.elements = elements;
    }

    @Override
    public Object get(int index) {
        return elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }

    static boolean isCanonical(List<?> list) {
        return list instanceof CanonicalList;
    }
}
