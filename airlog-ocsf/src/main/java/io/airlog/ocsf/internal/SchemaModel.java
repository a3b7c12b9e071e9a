package io.airlog.ocsf.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shipped schema subset, read from its JSON resource: event classes (each resolved with
 * the attributes it inherits) and objects.
 *
 * @param version the OCSF version the subset was transcribed from
 * @param types the attribute types the subset uses
 * @param classes the event classes by class uid ({@code category_uid * 1000 + uid})
 * @param objects the objects by name
 */
public record SchemaModel(String version, Set<String> types, Map<Long, Definition> classes,
                          Map<String, Definition> objects) {

    /**
     * One attribute of a class or object.
     *
     * @param name the attribute name
     * @param requirement required, recommended or optional
     * @param type a type of {@link SchemaModel#types()} or an object name
     * @param array whether the value is an array of {@code type}
     * @param enumeration the allowed integer values (ascending) and their captions; empty when not an enum
     * @param profile the profile the attribute belongs to, or null
     */
    public record Attribute(String name, String requirement, String type, boolean array, Map<Long, String> enumeration,
                            String profile) {
        /** Whether the attribute must be present. */
        public boolean required() {
            return "required".equals(requirement);
        }

        /** Whether the attribute should be present. */
        public boolean recommended() {
            return "recommended".equals(requirement);
        }
    }

    /**
     * An event class or an object.
     *
     * @param name the schema name, e.g. {@code api_activity}, {@code user}
     * @param caption the display name
     * @param uid the class uid within its category (0 for objects)
     * @param categoryUid the category uid (0 for objects)
     * @param categoryCaption the category name (null for objects)
     * @param deprecated why the class is deprecated, or null
     * @param attributes the attributes, inherited ones included
     * @param atLeastOne attributes of which at least one must be present; empty when none
     */
    public record Definition(String name, String caption, int uid, int categoryUid, String categoryCaption,
                             String deprecated, Map<String, Attribute> attributes, List<String> atLeastOne) {
        /** The class uid of an event class: {@code category_uid * 1000 + uid}. */
        public long classUid() {
            return categoryUid * 1000L + uid;
        }
    }

    /**
     * Reads the model from the resource's JSON tree and checks that it is complete: every
     * attribute has a requirement and a known type or object.
     *
     * @throws IllegalStateException naming the defect
     */
    @SuppressWarnings("unchecked")
    public static SchemaModel of(Map<String, Object> root) {
        String version = (String) Objects.requireNonNull(root.get("ocsf_version"), "ocsf_version");
        Set<String> types = Set.copyOf((List<String>) root.get("types"));
        Map<String, Object> classNodes = (Map<String, Object>) root.get("classes");
        Map<String, Definition> objects = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("objects")).forEach((name, node) -> objects.put(name,
                definition(name, (Map<String, Object>) node, null, null, Map.of())));
        Map<Long, Definition> classes = new LinkedHashMap<>();
        for (String name : classNodes.keySet()) {
            Map<String, Object> node = (Map<String, Object>) classNodes.get(name);
            if (node.containsKey("uid")) {
                Definition resolved = resolve(name, classNodes);
                classes.put(resolved.classUid(), resolved);
            }
        }
        SchemaModel model = new SchemaModel(version, types, Collections.unmodifiableMap(classes),
                Collections.unmodifiableMap(objects));
        model.check();
        return model;
    }

    /** The class with its parents' attributes merged in, the class's own settings winning. */
    @SuppressWarnings("unchecked")
    private static Definition resolve(String name, Map<String, Object> classNodes) {
        List<Map<String, Object>> chain = new ArrayList<>();
        for (String n = name; n != null; ) {
            Map<String, Object> node = (Map<String, Object>) classNodes.get(n);
            if (node == null) {
                throw new IllegalStateException("OCSF schema subset: class '" + name + "' extends unknown '" + n + "'");
            }
            chain.add(0, node);
            n = (String) node.get("extends");
        }
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        Map<String, Object> category = null;
        List<String> atLeastOne = List.of();
        for (Map<String, Object> node : chain) {
            if (node.get("category") != null) {
                category = (Map<String, Object>) node.get("category");
            }
            Definition own = definition(name, node, null, null, attributes);
            attributes.putAll(own.attributes());
            if (!own.atLeastOne().isEmpty()) {
                atLeastOne = own.atLeastOne();
            }
        }
        Map<String, Object> top = chain.get(chain.size() - 1);
        if (category == null) {
            throw new IllegalStateException("OCSF schema subset: class '" + name + "' has no category");
        }
        return new Definition(name, (String) top.get("caption"), ((Number) top.get("uid")).intValue(),
                ((Number) category.get("uid")).intValue(), (String) category.get("caption"),
                (String) top.get("deprecated"), Collections.unmodifiableMap(attributes), atLeastOne);
    }

    @SuppressWarnings("unchecked")
    private static Definition definition(String name, Map<String, Object> node, Integer uid, Integer category,
                                         Map<String, Attribute> inherited) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        ((Map<String, Object>) node.getOrDefault("attributes", Map.of())).forEach((attr, spec) -> {
            Map<String, Object> a = (Map<String, Object>) spec;
            Attribute parent = inherited.get(attr);
            Map<Long, String> enumeration = new LinkedHashMap<>();
            ((Map<String, String>) a.getOrDefault("enum", Map.of())).forEach((k, v) -> enumeration.put(Long.valueOf(k), v));
            attributes.put(attr, new Attribute(attr,
                    (String) a.getOrDefault("requirement", parent == null ? null : parent.requirement()),
                    (String) a.getOrDefault("type", parent == null ? null : parent.type()),
                    (Boolean) a.getOrDefault("is_array", parent != null && parent.array()),
                    enumeration.isEmpty() && parent != null ? parent.enumeration()
                            : Collections.unmodifiableMap(new TreeMap<>(enumeration)),
                    (String) a.getOrDefault("profile", parent == null ? null : parent.profile())));
        });
        Map<String, Object> constraints = (Map<String, Object>) node.getOrDefault("constraints", Map.of());
        List<String> atLeastOne = List.copyOf((List<String>) constraints.getOrDefault("at_least_one", List.of()));
        return new Definition(name, (String) node.get("caption"), uid == null ? 0 : uid, category == null ? 0 : category,
                null, (String) node.get("deprecated"), attributes, atLeastOne);
    }

    private void check() {
        List<Definition> all = new ArrayList<>(classes.values());
        all.addAll(objects.values());
        for (Definition d : all) {
            for (Attribute a : d.attributes().values()) {
                if (a.requirement() == null || a.type() == null) {
                    throw new IllegalStateException("OCSF schema subset: " + d.name() + "." + a.name()
                            + " lacks a requirement or a type");
                }
                if (!types.contains(a.type()) && !objects.containsKey(a.type())) {
                    throw new IllegalStateException("OCSF schema subset: " + d.name() + "." + a.name()
                            + " has unknown type '" + a.type() + "'");
                }
            }
        }
    }
}
