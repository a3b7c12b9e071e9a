package io.airlog.ocsf;

import io.airlog.ocsf.internal.Json;
import io.airlog.ocsf.internal.SchemaModel;
import io.airlog.ocsf.internal.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The part of the OCSF schema that airlog writes, shipped inside this module as a resource
 * ({@value #RESOURCE}) and read without any network access: for each class airlog maps to, its
 * category, the attributes it inherits from {@code base_event} and its category's base class,
 * requirements, types, enum values and {@code at_least_one} constraints, and the same for
 * every object airlog fills. It was transcribed by hand from the ocsf/ocsf-schema repository
 * at release {@value #VERSION}.
 *
 * <p>{@link #validate(Map)} reports as violations: a missing required attribute, a value of
 * the wrong type ({@code integer_t} is a 32-bit signed integer, {@code timestamp_t} and
 * {@code long_t} 64-bit, {@code datetime_t} an RFC 3339 string), an integer outside its enum,
 * an attribute the subset does not define (so everything airlog writes is checked), an unmet
 * {@code at_least_one} constraint, a {@code category_uid} or {@code type_uid} that does not fit
 * the class, and a profile attribute whose profile {@code metadata.profiles} does not list.
 * Missing recommended attributes and deprecated classes are warnings. It does not check
 * attributes outside the subset, or string formats (IP addresses, host names).
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class OcsfSchema {
    /** The OCSF version the shipped subset was transcribed from, and the one airlog writes. */
    public static final String VERSION = "1.9.0";
    /** The class-path resource holding the subset. */
    public static final String RESOURCE = "/io/airlog/ocsf/ocsf-1.9.0-subset.json";

    private static final OcsfSchema SHIPPED = load();

    private final SchemaModel model;

    private OcsfSchema(SchemaModel model) {
        this.model = model;
    }

    /** The subset shipped with this module. */
    public static OcsfSchema shipped() {
        return SHIPPED;
    }

    @SuppressWarnings("unchecked")
    private static OcsfSchema load() {
        try (InputStream in = OcsfSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OCSF schema resource " + RESOURCE + " is missing from the class path");
            }
            SchemaModel model = SchemaModel.of((Map<String, Object>) Json.parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            if (!VERSION.equals(model.version())) {
                throw new IllegalStateException("the OCSF schema resource is version " + model.version() + ", not "
                        + VERSION);
            }
            return new OcsfSchema(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OCSF schema resource " + RESOURCE, e);
        }
    }

    /** The OCSF version of this schema. */
    public String version() {
        return model.version();
    }

    /**
     * Checks an event given as a JSON tree (maps, lists, strings, numbers, booleans).
     *
     * @param event the event
     * @return the violations and warnings
     */
    public OcsfValidation validate(Map<String, Object> event) {
        return Validator.validate(model, Objects.requireNonNull(event, "event"));
    }

    /**
     * Checks an event given as JSON text (e.g. one line of an OCSF JSON-lines file).
     *
     * @param json the event's JSON text
     * @return the violations and warnings; text that is not a JSON object is one violation
     */
    @SuppressWarnings("unchecked")
    public OcsfValidation validate(String json) {
        Object tree;
        try {
            tree = Json.parse(json);
        } catch (IllegalArgumentException e) {
            return new OcsfValidation(version(), java.util.List.of(e.getMessage()), java.util.List.of());
        }
        if (!(tree instanceof Map<?, ?>)) {
            return new OcsfValidation(version(), java.util.List.of("an OCSF event must be a JSON object"),
                    java.util.List.of());
        }
        return validate((Map<String, Object>) tree);
    }
}
