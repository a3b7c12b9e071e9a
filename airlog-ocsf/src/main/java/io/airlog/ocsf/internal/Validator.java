package io.airlog.ocsf.internal;

import io.airlog.ocsf.OcsfValidation;
import io.airlog.ocsf.internal.SchemaModel.Attribute;
import io.airlog.ocsf.internal.SchemaModel.Definition;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks one event (a JSON tree) against a {@link SchemaModel}. One instance per event. */
public final class Validator {
    private final SchemaModel schema;
    private final List<String> violations = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private Validator(SchemaModel schema) {
        this.schema = schema;
    }

    /** Validates one event. */
    public static OcsfValidation validate(SchemaModel schema, Map<String, Object> event) {
        Validator v = new Validator(schema);
        v.event(event);
        return new OcsfValidation(schema.version(), v.violations, v.warnings);
    }

    private void event(Map<String, Object> event) {
        Object classUid = event.get("class_uid");
        Long uid = integral(classUid);
        if (uid == null) {
            violations.add("class_uid is " + (classUid == null ? "missing" : "not an integer: " + classUid));
            return;
        }
        Definition cls = schema.classes().get(uid);
        if (cls == null) {
            violations.add("class_uid " + uid + " is not a class of the shipped schema " + schema.classes().keySet());
            return;
        }
        if (cls.deprecated() != null) {
            warnings.add("class " + cls.caption() + " (" + uid + ") is " + cls.deprecated());
        }
        object("", cls, event);
        Long category = integral(event.get("category_uid"));
        if (category != null && category != cls.categoryUid()) {
            violations.add("category_uid is " + category + " but class " + uid + " belongs to category "
                    + cls.categoryUid());
        }
        Long activity = integral(event.get("activity_id"));
        Long type = integral(event.get("type_uid"));
        if (activity != null && type != null && type != uid * 100 + activity) {
            violations.add("type_uid is " + type + " but class_uid * 100 + activity_id is " + (uid * 100 + activity));
        }
        profiles(cls, event);
    }

    /** A profile attribute needs its profile in metadata.profiles. */
    @SuppressWarnings("unchecked")
    private void profiles(Definition cls, Map<String, Object> event) {
        Object metadata = event.get("metadata");
        Object listed = metadata instanceof Map<?, ?> m ? m.get("profiles") : null;
        List<Object> profiles = listed instanceof List<?> l ? (List<Object>) l : List.of();
        for (Attribute a : cls.attributes().values()) {
            if (a.profile() != null && event.get(a.name()) != null && !profiles.contains(a.profile())) {
                violations.add(a.name() + " belongs to profile '" + a.profile()
                        + "', which metadata.profiles does not list");
            }
        }
    }

    private void object(String path, Definition definition, Map<?, ?> value) {
        for (Attribute a : definition.attributes().values()) {
            if (value.get(a.name()) == null) {
                if (a.required()) {
                    violations.add("missing required attribute " + path + a.name());
                } else if (a.recommended()) {
                    warnings.add("missing recommended attribute " + path + a.name());
                }
            }
        }
        for (Map.Entry<?, ?> e : value.entrySet()) {
            String name = (String) e.getKey();
            Attribute a = definition.attributes().get(name);
            if (a == null) {
                violations.add("attribute " + path + name + " is not defined for " + definition.name()
                        + " in the shipped OCSF " + schema.version() + " schema");
            } else if (e.getValue() != null) {
                attribute(path + name, a, e.getValue());
            }
        }
        if (!definition.atLeastOne().isEmpty()
                && definition.atLeastOne().stream().noneMatch(name -> value.get(name) != null)) {
            violations.add((path.isEmpty() ? "the event" : path.substring(0, path.length() - 1))
                    + " needs at least one of " + definition.atLeastOne());
        }
    }

    private void attribute(String path, Attribute a, Object value) {
        if (a.array()) {
            if (!(value instanceof List<?> list)) {
                violations.add(path + " must be an array of " + a.type());
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    violations.add(path + "[" + i + "] is null");
                } else {
                    single(path + "[" + i + "]", a, list.get(i));
                }
            }
        } else {
            single(path, a, value);
        }
    }

    private void single(String path, Attribute a, Object value) {
        Definition object = schema.objects().get(a.type());
        if (object != null) {
            if (value instanceof Map<?, ?> map) {
                object(path + ".", object, map);
            } else {
                violations.add(path + " must be a " + a.type() + " object");
            }
            return;
        }
        if (!matches(a.type(), value)) {
            violations.add(path + " must be " + a.type() + ", not " + value);
            return;
        }
        if (!a.enumeration().isEmpty() && !a.enumeration().containsKey(integral(value))) {
            violations.add(path + " is " + value + ", not one of its enum values " + a.enumeration().keySet());
        }
    }

    private static boolean matches(String type, Object value) {
        return switch (type) {
            case "string_t", "username_t", "hostname_t", "ip_t" -> value instanceof String;
            case "integer_t" -> {
                Long n = integral(value);
                yield n != null && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
            }
            case "long_t", "timestamp_t" -> integral(value) != null;
            case "boolean_t" -> value instanceof Boolean;
            case "object_t" -> value instanceof Map;
            case "datetime_t" -> value instanceof String s && isRfc3339(s);
            default -> throw new IllegalStateException("no check for OCSF type " + type);
        };
    }

    private static boolean isRfc3339(String s) {
        try {
            OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The value as a long when it is a JSON integer (not {@code 1.0}) that fits, else null. */
    private static Long integral(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return null;
    }
}
