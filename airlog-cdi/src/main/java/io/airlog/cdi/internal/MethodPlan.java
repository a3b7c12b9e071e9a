package io.airlog.cdi.internal;

import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditIgnore;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditRedact;
import io.airlog.cdi.AuditResourceId;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the interceptor records for one business method of one bean class, worked out once
 * from the annotations: action, resource, stream, and which arguments go where.
 *
 * @param audited false when the method carries {@link AuditIgnore}
 * @param action the event action
 * @param resource the resource type
 * @param stream the stream name ({@link AirlogConfigKeys#DEFAULT_STREAM} for the default)
 * @param resourceId how the resource id is read from the arguments, or null
 * @param fields what is copied into the context, in parameter order
 */
public record MethodPlan(boolean audited, String action, String resource, String stream, Capture resourceId,
                  List<Capture> fields) {

    /** Context keys the interceptor writes itself; no {@link AuditField} may use them. */
    static final String DURATION_KEY = "durationNanos";
    /** The context key of the exception class of a FAILURE or DENIED event. */
    static final String EXCEPTION_KEY = "exception";
    private static final Set<String> RESERVED = Set.of(DURATION_KEY, EXCEPTION_KEY);

    /**
     * The plan of {@code method} called on a bean of class {@code beanClass}.
     *
     * @throws IllegalArgumentException if the annotations contradict each other; the message
     *         names the method and parameter
     */
    static MethodPlan of(Class<?> beanClass, Method method) {
        String where = beanClass.getName() + "." + method.getName();
        AuditLog binding = binding(beanClass, method);
        if (method.isAnnotationPresent(AuditIgnore.class)) {
            return new MethodPlan(false, method.getName(), null, AirlogConfigKeys.DEFAULT_STREAM, null, List.of());
        }
        String action = binding == null || binding.action().isBlank() ? method.getName() : binding.action();
        String resource = binding == null || binding.resource().isBlank() ? simpleName(beanClass) : binding.resource();
        String stream = binding == null || binding.stream().isBlank() ? AirlogConfigKeys.DEFAULT_STREAM
                : binding.stream();
        if (!stream.equals(AirlogConfigKeys.DEFAULT_STREAM) && !AirlogConfigKeys.STREAM_NAME.matcher(stream).matches()) {
            throw new IllegalArgumentException(where + ": @AuditLog(stream = \"" + stream + "\") is not a valid stream"
                    + " name; use 1 to 63 lower-case letters, digits and dashes, starting with a letter");
        }
        Capture resourceId = null;
        Map<String, Capture> fields = new LinkedHashMap<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            String pwhere = where + " parameter " + i + " (" + p.getName() + ")";
            AuditResourceId id = p.getAnnotation(AuditResourceId.class);
            AuditField field = p.getAnnotation(AuditField.class);
            boolean redact = p.isAnnotationPresent(AuditRedact.class);
            if (p.isAnnotationPresent(AuditIgnore.class)) {
                if (id != null || field != null || redact) {
                    throw new IllegalArgumentException(pwhere + ": @AuditIgnore cannot be combined with"
                            + " @AuditResourceId, @AuditField or @AuditRedact");
                }
                continue;
            }
            if (id != null) {
                if (resourceId != null) {
                    throw new IllegalArgumentException(pwhere + ": @AuditResourceId is already on parameter "
                            + resourceId.index() + "; a method has at most one resource id");
                }
                if (redact) {
                    throw new IllegalArgumentException(pwhere + ": a resource id cannot be @AuditRedact");
                }
                resourceId = new Capture(i, "resourceId", path(id.property(), p, pwhere), false);
            }
            if (field != null || redact) {
                String name = field != null && !field.value().isBlank() ? field.value() : parameterName(p, pwhere);
                if (RESERVED.contains(name)) {
                    throw new IllegalArgumentException(pwhere + ": context key '" + name
                            + "' is written by the interceptor itself; choose another @AuditField name");
                }
                if (fields.containsKey(name)) {
                    throw new IllegalArgumentException(pwhere + ": context key '" + name
                            + "' is already taken by parameter " + fields.get(name).index());
                }
                fields.put(name, new Capture(i, name, field == null ? null : path(field.property(), p, pwhere), redact));
            }
        }
        return new MethodPlan(true, action, resource, stream, resourceId, List.copyOf(fields.values()));
    }

    /**
     * The {@code @AuditLog} that applies: the method's own (directly or through a stereotype),
     * else the bean class's (inherited from superclasses, directly or through a stereotype);
     * null when none is visible by reflection.
     */
    static AuditLog binding(Class<?> beanClass, Method method) {
        AuditLog onMethod = find(method);
        return onMethod != null ? onMethod : classBinding(beanClass);
    }

    /** The {@code @AuditLog} of a bean class (or a superclass), directly or through a stereotype; null if none. */
    static AuditLog classBinding(Class<?> beanClass) {
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            AuditLog onClass = find(c);
            if (onClass != null) {
                return onClass;
            }
        }
        return null;
    }

    /** The {@code @AuditLog} on a method itself, directly or through a stereotype; null if none. */
    static AuditLog methodBinding(Method method) {
        return find(method);
    }

    private static AuditLog find(AnnotatedElement element) {
        AuditLog direct = element.getAnnotation(AuditLog.class);
        if (direct != null) {
            return direct;
        }
        for (Annotation a : element.getAnnotations()) {
            AuditLog viaStereotype = fromStereotype(a.annotationType(), new ArrayList<>());
            if (viaStereotype != null) {
                return viaStereotype;
            }
        }
        return null;
    }

    private static AuditLog fromStereotype(Class<? extends Annotation> type, List<Class<?>> seen) {
        if (!type.isAnnotationPresent(Stereotype.class) || seen.contains(type)) {
            return null;
        }
        seen.add(type);
        AuditLog direct = type.getAnnotation(AuditLog.class);
        if (direct != null) {
            return direct;
        }
        for (Annotation a : type.getAnnotations()) {
            AuditLog nested = fromStereotype(a.annotationType(), seen);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static PropertyPath path(String property, Parameter p, String where) {
        return property.isBlank() ? null : PropertyPath.of(property, p.getType(), where);
    }

    private static String parameterName(Parameter p, String where) {
        if (!p.isNamePresent()) {
            throw new IllegalArgumentException(where + ": the parameter name is not known (compile with -parameters)"
                    + " so give the context key explicitly: @AuditField(\"name\")");
        }
        return p.getName();
    }

    private static String simpleName(Class<?> type) {
        String simple = type.getSimpleName();
        return simple.isEmpty() ? type.getName() : simple;
    }

    /**
     * Reads one argument (or a property of it).
     *
     * @param index the parameter index
     * @param name the context key
     * @param path the property path, or null for the argument itself
     * @param redact whether the value is replaced by the redaction marker
     */
    record Capture(int index, String name, PropertyPath path, boolean redact) {
        Object read(Object[] arguments) {
            Object argument = arguments[index];
            return path == null ? argument : path.read(argument);
        }
    }
}
