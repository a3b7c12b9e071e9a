package io.airlog.cdi.internal;

import io.airlog.AuditDraft;
import io.airlog.cdi.AuditRedact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a call's arguments give an event: its resource id and context fields, each
 * checked on its own, so that one value that cannot be recorded (U+0000 or an unpaired
 * surrogate in a string, a value nested too deep or referring to itself, a property getter
 * that throws, more bytes than the limits allow) is recorded as a {@linkplain #marker marker}
 * that names why, and never keeps the event, or the call, from happening.
 *
 * @param resourceId the resource id, a marker, or null
 * @param context the context fields in parameter order (values or markers)
 * @param problems why each replaced value could not be recorded, by field
 */
record ArgumentValues(String resourceId, Map<String, Object> context, Map<String, String> problems) {
    /** The start of every marker. */
    static final String MARKER_PREFIX = "[NOT RECORDED: ";
    private static final int REASON_LENGTH = 160;

    /** Reads and checks the arguments of one call. */
    static ArgumentValues of(MethodPlan plan, Object[] arguments) {
        Map<String, String> problems = new LinkedHashMap<>();
        String resourceId = null;
        if (plan.resourceId() != null) {
            try {
                Object id = plan.resourceId().read(arguments);
                resourceId = id == null ? null : String.valueOf(id);
            } catch (RuntimeException e) {
                problems.put("resourceId", reason(e));
                resourceId = marker(reason(e));
            }
        }
        Map<String, Object> context = new LinkedHashMap<>();
        for (MethodPlan.Capture field : plan.fields()) {
            Object value;
            try {
                Object argument = field.read(arguments);
                if (field.redact()) {
                    value = argument == null ? null : AuditRedact.MARKER;
                } else {
                    value = JsonArguments.toJson(field.name(), argument);
                }
            } catch (RuntimeException e) {
                problems.put(field.name(), reason(e));
                value = marker(reason(e));
            }
            context.put(field.name(), value);
        }
        return new ArgumentValues(resourceId, context, problems);
    }

    /**
     * The resource id and context with every value that fails airlog-core's checks on its own
     * replaced by a marker; called when the draft was refused (so that calls whose values are
     * fine pay for no check twice).
     */
    ArgumentValues checkedOneByOne() {
        Map<String, Object> checked = new LinkedHashMap<>();
        Map<String, String> found = new LinkedHashMap<>(problems);
        String id = resourceId;
        try {
            AuditDraft.builder("check").resourceId(id).build();
        } catch (IllegalArgumentException problem) {
            found.put("resourceId", reason(problem));
            id = marker(reason(problem));
        }
        for (Map.Entry<String, Object> e : context.entrySet()) {
            try {
                AuditDraft.builder("check").put(e.getKey(), e.getValue()).build();
                checked.put(e.getKey(), e.getValue());
            } catch (IllegalArgumentException problem) {
                found.put(e.getKey(), reason(problem));
                checked.put(e.getKey(), marker(reason(problem)));
            }
        }
        return new ArgumentValues(id, checked, found);
    }

    /** Every context value replaced by a marker: together they exceed the context limit. */
    ArgumentValues allReplaced(String reason) {
        Map<String, Object> replaced = new LinkedHashMap<>();
        Map<String, String> found = new LinkedHashMap<>(problems);
        for (String key : context.keySet()) {
            found.putIfAbsent(key, reason);
            replaced.put(key, marker(reason));
        }
        return new ArgumentValues(resourceId, replaced, found);
    }

    /** {@code [NOT RECORDED: <reason>]}, at most 179 ASCII characters: it fits any field, the resource id included. */
    static String marker(String reason) {
        return MARKER_PREFIX + reason + "]";
    }

    /** The message of a failure, printable and short (it is stored in the event). */
    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < message.length() && out.length() < REASON_LENGTH; i++) {
            char c = message.charAt(i);
            out.append(c < 0x20 || c > 0x7e || c == ']' ? '?' : c); // ASCII: 1 byte each, fits any field
        }
        if (out.length() >= REASON_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }

    /** The fields whose values were replaced, with why, for messages. */
    List<String> describeProblems() {
        List<String> out = new ArrayList<>();
        problems.forEach((field, why) -> out.add(field + ": " + why));
        return out;
    }
}
