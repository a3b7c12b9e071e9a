package io.airlog.cdi.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders application-provided SPI beans by {@code @Priority} on their class (lowest first), then by class name. */
final class Prioritised {
    private Prioritised() {
    }

    static <T> List<T> instances(Instance<T> beans) {
        List<Instance.Handle<T>> handles = new ArrayList<>();
        beans.handles().forEach(handles::add);
        handles.sort(Comparator.<Instance.Handle<T>>comparingInt(h -> priority(h.getBean().getBeanClass()))
                .thenComparing(h -> h.getBean().getBeanClass().getName()));
        List<T> out = new ArrayList<>(handles.size());
        for (Instance.Handle<T> handle : handles) {
            out.add(handle.get());
        }
        return out;
    }

    private static int priority(Class<?> type) {
        Priority p = type.getAnnotation(Priority.class);
        return p == null ? 0 : p.value();
    }
}
