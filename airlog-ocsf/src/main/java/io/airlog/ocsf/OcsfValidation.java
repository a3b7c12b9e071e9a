package io.airlog.ocsf;

import java.util.List;

/**
 * The outcome of checking one OCSF event against the {@linkplain OcsfSchema shipped schema}.
 *
 * @param version the OCSF version checked against
 * @param violations what makes the event invalid: a missing required attribute, a wrong type,
 *                   a value outside its enum, an attribute the shipped schema does not define, an
 *                   unmet constraint, inconsistent class, category and type ids; each names the
 *                   attribute by its path (e.g. {@code actor.user.type_id})
 * @param warnings what the schema recommends but the event lacks, and deprecated classes
 */
public record OcsfValidation(String version, List<String> violations, List<String> warnings) {

    /** Copies the lists. */
    public OcsfValidation {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    /** Whether the event has no violation (warnings allowed). */
    public boolean valid() {
        return violations.isEmpty();
    }

    /** The violations as one sentence, for error messages. */
    public String describe() {
        return valid() ? "valid OCSF " + version
                : "not valid OCSF " + version + ": " + String.join("; ", violations);
    }
}
