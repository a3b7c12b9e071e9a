package io.airlog.ocsf;

import io.airlog.ocsf.internal.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One OCSF event: its class and its attributes as a JSON tree (insertion-ordered maps, lists,
 * strings, numbers, booleans), as {@link OcsfMapper} made it.
 *
 * @param ocsfClass the event class
 * @param attributes the event's attributes; an unmodifiable copy
 */
public record OcsfEvent(OcsfClass ocsfClass, Map<String, Object> attributes) {

    /** Copies the attributes (the top level; nested values are taken as they are). */
    public OcsfEvent {
        Objects.requireNonNull(ocsfClass, "ocsfClass");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The event as compact JSON text, one line. */
    public String toJson() {
        return Json.write(attributes);
    }

    /** Checks the event against the {@linkplain OcsfSchema#shipped() shipped schema}. */
    public OcsfValidation validate() {
        return OcsfSchema.shipped().validate(attributes);
    }
}
