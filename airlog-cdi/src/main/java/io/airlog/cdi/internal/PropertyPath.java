package io.airlog.cdi.internal;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;

/**
 * A dotted path of bean properties ({@code "customer.address.city"}) read from an argument:
 * each step is a public getter ({@code getCity()}, {@code isActive()}), an accessor named
 * like the property (records) or a public field. A null along the way gives null.
 */
final class PropertyPath {
    private final String path;
    private final List<Step> steps;

    private PropertyPath(String path, List<Step> steps) {
        this.path = path;
        this.steps = steps;
    }

    /**
     * A path checked against the declared type of the parameter.
     *
     * @throws IllegalArgumentException if a step names no readable property
     */
    static PropertyPath of(String path, Class<?> declaredType, String where) {
        String[] names = path.split("\\.", -1);
        Step[] steps = new Step[names.length];
        Class<?> type = declaredType;
        for (int i = 0; i < names.length; i++) {
            if (names[i].isEmpty()) {
                throw new IllegalArgumentException(where + ": property path '" + path + "' has an empty step");
            }
            Member member = find(type, names[i]);
            if (member == null) {
                throw new IllegalArgumentException(where + ": " + type.getName() + " has no readable property '"
                        + names[i] + "' (a public getter, record accessor or public field)");
            }
            steps[i] = new Step(names[i], new Members(names[i]));
            type = member instanceof Method m ? m.getReturnType() : ((Field) member).getType();
        }
        return new PropertyPath(path, List.of(steps));
    }

    /** The property's value in {@code root}, or null if a step is null. */
    Object read(Object root) {
        Object current = root;
        for (Step step : steps) {
            if (current == null) {
                return null;
            }
            current = step.read(current, path);
        }
        return current;
    }

    private static Member find(Class<?> type, String name) {
        String capitalised = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        for (String candidate : new String[] {"get" + capitalised, "is" + capitalised, name}) {
            try {
                Method m = type.getMethod(candidate);
                if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class) {
                    return accessible(m);
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        try {
            Field f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) ? null : accessible(f);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static <T extends AccessibleObject & Member> T accessible(T member) {
        if (!Modifier.isPublic(member.getDeclaringClass().getModifiers())) {
            member.trySetAccessible();
        }
        return member;
    }

    /** The member that reads one property, per runtime class. */
    private static final class Members extends ClassValue<Member> {
        private final String name;

        Members(String name) {
            this.name = name;
        }

        @Override
        protected Member computeValue(Class<?> runtimeType) {
            return find(runtimeType, name);
        }
    }

    private record Step(String name, Members members) {
        Object read(Object target, String path) {
            Member member = members.get(target.getClass());
            if (member == null) {
                throw new IllegalArgumentException("property '" + name + "' of path '" + path + "' is not readable on "
                        + target.getClass().getName());
            }
            try {
                return member instanceof Method m ? m.invoke(target) : ((Field) member).get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("property '" + name + "' of path '" + path
                        + "' cannot be read on " + target.getClass().getName() + ": " + e.getMessage(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("reading property '" + name + "' of path '" + path + "' failed: "
                        + e.getCause(), e.getCause());
            }
        }
    }
}
