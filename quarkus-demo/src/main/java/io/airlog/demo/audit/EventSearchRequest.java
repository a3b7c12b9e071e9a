package io.airlog.demo.audit;

import io.airlog.AuditLimits;
import io.airlog.Outcome;
import io.airlog.demo.http.BadInputException;
import io.airlog.demo.http.InputText;
import io.airlog.demo.http.IntegerParameter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The query parameters of {@code GET /api/audit/events} as sent: read without throwing,
 * {@linkplain #checked() checked} inside the audited call. {@link #shown()} is what the audit
 * event of the search records.
 *
 * <p>Parameters: {@code action}, {@code subject} (a prefix, any case), {@code outcome},
 * {@code resource}, {@code resourceId}, {@code correlationId} (exact), {@code from} and
 * {@code to} (ISO 8601 date-times with a zone, such as {@code 2026-12-07T06:45:00Z} or
 * {@code 2026-12-07T07:45+01:00}; from inclusive, to exclusive), {@code before} or
 * {@code after} (a sequence: the cursor of an older or newer page), {@code limit} (1 to
 * {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}). Blank values are ignored.
 *
 * @param parameters the parameters by name, null values for absent ones
 */
public record EventSearchRequest(Map<String, String> parameters) {
    /** The default page size. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page size. */
    public static final int MAX_LIMIT = 200;

    /** The parameters as sent. */
    public static EventSearchRequest of(String action, String subject, String outcome, String resource,
                                        String resourceId, String correlationId, String from, String to,
                                        String before, String after, String limit) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("action", action);
        p.put("subject", subject);
        p.put("outcome", outcome);
        p.put("resource", resource);
        p.put("resourceId", resourceId);
        p.put("correlationId", correlationId);
        p.put("from", from);
        p.put("to", to);
        p.put("before", before);
        p.put("after", after);
        p.put("limit", limit);
        return new EventSearchRequest(p);
    }

    /** The parameters that were given (not blank), as an audit event records them. */
    public Map<String, Object> shown() {
        Map<String, Object> shown = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                shown.put(name, InputText.shown(value));
            }
        });
        return shown;
    }

    /**
     * The search.
     *
     * @throws BadInputException naming the first parameter that is not valid
     */
    public EventSearch checked() {
        Instant from = instant("from");
        Instant to = instant("to");
        if (from != null && to != null && !to.isAfter(from)) {
            throw new BadInputException("to: must be later than from");
        }
        EventFilter filter = new EventFilter(text("action", AuditLimits.ACTION), text("subject", AuditLimits.SUBJECT),
                outcome(), text("resource", AuditLimits.RESOURCE), text("resourceId", AuditLimits.RESOURCE_ID),
                text("correlationId", AuditLimits.CORRELATION_ID), from, to);
        Long before = sequence("before");
        Long after = sequence("after");
        if (before != null && after != null) {
            throw new BadInputException("before, after: give one of them, not both");
        }
        int limit = (int) new IntegerParameter("limit", parameters.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT).value();
        return new EventSearch(filter, before, after, limit);
    }

    private String text(String name, int maxLength) {
        String v = parameters.get(name);
        return v == null || v.isBlank() ? null : InputText.checked(name, v.strip(), maxLength);
    }

    private Outcome outcome() {
        String v = text("outcome", 16);
        if (v == null) {
            return null;
        }
        try {
            return Outcome.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("outcome: '" + v + "' is not one of " + Arrays.toString(Outcome.values()));
        }
    }

    private Instant instant(String name) {
        String v = text(name, 64);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(name + ": '" + v + "' is not an ISO 8601 date-time with a zone,"
                    + " such as 2026-12-07T06:45:00Z or 2026-12-07T07:45+01:00");
        }
    }

    private Long sequence(String name) {
        String v = parameters.get(name);
        return v == null || v.isBlank() ? null : new IntegerParameter(name, v, 0, 0, Long.MAX_VALUE).value();
    }
}
