package io.airlog.otel;

import io.airlog.AuditEvent;
import io.airlog.Outcome;
import io.airlog.encoding.EventJson;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a sealed audit event becomes an OpenTelemetry log record:
 * <ul>
 * <li>body: the event as its JSON line ({@link EventJson}), which any airlog verifier checks;</li>
 * <li>event name {@value #EVENT_NAME}; timestamp: the event's; context: the current one, so
 *     the record carries the trace and span of the surrounding span;</li>
 * <li>severity from the outcome: {@code SUCCESS} INFO, {@code DENIED} WARN, {@code FAILURE}
 *     ERROR;</li>
 * <li>semantic-convention attributes where they exist: {@code user.id} (the principal's
 *     subject), {@code user.roles} (its {@code roles} metadata, when a list of strings), and
 *     the HTTP, URL, RPC, client and server attributes ({@code http.request.method},
 *     {@code http.route}, {@code url.path}, {@code rpc.method}, ...) when the event's context
 *     has them under those names;</li>
 * <li>the rest under {@code airlog.*}: {@code airlog.log_id}, {@code airlog.sequence},
 *     {@code airlog.event_id}, {@code airlog.checksum}, {@code airlog.previous_checksum},
 *     {@code airlog.action}, {@code airlog.outcome}, {@code airlog.resource},
 *     {@code airlog.resource_id}, {@code airlog.correlation_id},
 *     {@code airlog.auth_method}.</li>
 * </ul>
 */
public final class AuditLogRecords {
    /** The event name of every audit record. */
    public static final String EVENT_NAME = "airlog.audit";

    /** Context keys that are semantic-convention attribute names, copied as attributes of that name. */
    static final Set<String> SEMCONV_CONTEXT_KEYS = Set.of("http.request.method", "http.route",
            "http.response.status_code", "url.path", "url.full", "url.scheme", "rpc.system", "rpc.service",
            "rpc.method", "client.address", "server.address", "server.port", "user_agent.original");

    private AuditLogRecords() {
    }

    /** The severity of an outcome. */
    public static Severity severity(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> Severity.INFO;
            case DENIED -> Severity.WARN;
            case FAILURE -> Severity.ERROR;
        };
    }

    /**
     * Emits {@code event} on {@code logger} as a log record, in the current context.
     *
     * @param logger the logs-bridge logger
     * @param event the sealed event
     */
    public static void emit(Logger logger, AuditEvent event) {
        Severity severity = severity(event.outcome());
        LogRecordBuilder record = logger.logRecordBuilder()
                .setContext(Context.current())
                .setTimestamp(event.timestamp())
                .setSeverity(severity)
                .setSeverityText(severity.name())
                .setEventName(EVENT_NAME)
                .setBody(EventJson.toJson(event))
                .setAttribute(AttributeKey.stringKey("user.id"), event.principal().subject())
                .setAttribute(AttributeKey.stringKey("airlog.auth_method"), event.principal().authMethod().name())
                .setAttribute(AttributeKey.stringKey("airlog.log_id"), event.logId())
                .setAttribute(AttributeKey.longKey("airlog.sequence"), event.sequence())
                .setAttribute(AttributeKey.stringKey("airlog.event_id"), event.eventId().toString())
                .setAttribute(AttributeKey.stringKey("airlog.checksum"), event.checksum())
                .setAttribute(AttributeKey.stringKey("airlog.previous_checksum"), event.previousChecksum())
                .setAttribute(AttributeKey.stringKey("airlog.action"), event.action())
                .setAttribute(AttributeKey.stringKey("airlog.outcome"), event.outcome().name());
        optional(record, "airlog.resource", event.resource());
        optional(record, "airlog.resource_id", event.resourceId());
        optional(record, "airlog.correlation_id", event.correlationId());
        List<String> roles = strings(event.principal().metadata().get("roles"));
        if (roles != null) {
            record.setAttribute(AttributeKey.stringArrayKey("user.roles"), roles);
        }
        for (Map.Entry<String, Object> entry : event.context().entrySet()) {
            if (SEMCONV_CONTEXT_KEYS.contains(entry.getKey())) {
                semconv(record, entry.getKey(), entry.getValue());
            }
        }
        record.emit();
    }

    private static void optional(LogRecordBuilder record, String key, String value) {
        if (value != null) {
            record.setAttribute(AttributeKey.stringKey(key), value);
        }
    }

    private static void semconv(LogRecordBuilder record, String key, Object value) {
        if (value instanceof String s) {
            record.setAttribute(AttributeKey.stringKey(key), s);
        } else if (value instanceof Long n) {
            record.setAttribute(AttributeKey.longKey(key), n);
        } else if (value instanceof Boolean b) {
            record.setAttribute(AttributeKey.booleanKey(key), b);
        } else if (value != null) {
            record.setAttribute(AttributeKey.stringKey(key), String.valueOf(value));
        }
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                return null;
            }
            out.add(s);
        }
        return out;
    }
}
