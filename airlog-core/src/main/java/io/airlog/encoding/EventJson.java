package io.airlog.encoding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.internal.JsonReader;
import io.airlog.internal.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON form of an event: one object, the shape of a JSON-lines record (docs/json-lines.md).
 * <pre>{@code
 * {"v":1,"logId":"app","sequence":42,"eventId":"…","timestamp":"2026-11-28T10:15:30.123456789Z",
 *  "action":"document.update","principal":{"subject":"alice","authMethod":"PASSWORD","metadata":{}},
 *  "resource":"Document","resourceId":"7","outcome":"SUCCESS","correlationId":null,"context":{},
 *  "previousChecksum":"…","checksum":"…"}
 * }</pre>
 * Every member is always present (absent values are {@code null}); the timestamp is ISO-8601
 * UTC with the full nanoseconds; context and metadata are RFC 8785 canonical. Reading is
 * strict: an unknown, missing or mistyped member is an error naming it.
 */
public final class EventJson {
    /** The version of this JSON shape, the value of member {@code "v"}. */
    public static final int VERSION = 1;

    private static final Set<String> MEMBERS = Set.of("v", "logId", "sequence", "eventId", "timestamp", "action",
            "principal", "resource", "resourceId", "outcome", "correlationId", "context", "previousChecksum",
            "checksum");

    private EventJson() {
    }

    /** The JSON text of an event, on one line. */
    public static String toJson(AuditEvent e) {
        StringBuilder out = new StringBuilder(256 + e.contextJson().length());
        out.append("{\"v\":").append(VERSION);
        out.append(",\"logId\":");
        JsonWriter.string(out, e.logId());
        out.append(",\"sequence\":").append(e.sequence());
        out.append(",\"eventId\":\"").append(e.eventId()).append('"');
        out.append(",\"timestamp\":\"").append(e.timestamp()).append('"');
        out.append(",\"action\":");
        JsonWriter.string(out, e.action());
        out.append(",\"principal\":{\"subject\":");
        JsonWriter.string(out, e.principal().subject());
        out.append(",\"authMethod\":\"").append(e.principal().authMethod().name()).append('"');
        out.append(",\"metadata\":").append(CanonicalJson.toJson(e.principal().metadata())).append('}');
        out.append(",\"resource\":");
        nullable(out, e.resource());
        out.append(",\"resourceId\":");
        nullable(out, e.resourceId());
        out.append(",\"outcome\":\"").append(e.outcome().name()).append('"');
        out.append(",\"correlationId\":");
        nullable(out, e.correlationId());
        out.append(",\"context\":").append(e.contextJson());
        out.append(",\"previousChecksum\":\"").append(e.previousChecksum()).append('"');
        out.append(",\"checksum\":\"").append(e.checksum()).append("\"}");
        return out.toString();
    }

    private static void nullable(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
        } else {
            JsonWriter.string(out, s);
        }
    }

    /**
     * Reads an event from its JSON text. The checksum is not checked here: call
     * {@link AuditEvent#verify()}.
     *
     * @throws IllegalArgumentException naming the member that is missing, unknown or invalid
     */
    public static AuditEvent fromJson(String json) {
        Map<?, ?> m;
        try (JsonParser parser = JsonReader.factory().createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an event must be a JSON object");
            }
            m = (Map<?, ?>) JsonReader.read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing data after the event object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
        for (Object key : m.keySet()) {
            if (!MEMBERS.contains(key)) {
                throw new IllegalArgumentException("unknown member \"" + key + "\"");
            }
        }
        for (String member : MEMBERS) {
            if (!m.containsKey(member)) {
                throw new IllegalArgumentException("missing member \"" + member + "\"");
            }
        }
        long version = integer(m, "v");
        if (version != VERSION) {
            throw new IllegalArgumentException("member \"v\": unsupported version " + version);
        }
        Map<?, ?> p = object(m, "principal");
        if (!p.keySet().equals(Set.of("subject", "authMethod", "metadata"))) {
            throw new IllegalArgumentException("member \"principal\" must have exactly subject, authMethod, metadata");
        }
        try {
            return new AuditEvent(
                    UUID.fromString(text(m, "eventId")),
                    text(m, "logId"),
                    integer(m, "sequence"),
                    Instant.parse(text(m, "timestamp")),
                    text(m, "action"),
                    new Principal(text(p, "subject"), enumValue(AuthMethod.class, p, "authMethod"),
                            cast(object(p, "metadata"))),
                    nullableText(m, "resource"),
                    nullableText(m, "resourceId"),
                    enumValue(Outcome.class, m, "outcome"),
                    nullableText(m, "correlationId"),
                    cast(object(m, "context")),
                    text(m, "previousChecksum"),
                    text(m, "checksum"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("member \"timestamp\": " + e.getMessage(), e);
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("a required member is null: " + e.getMessage(), e);
        }
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("member \"" + key + "\" must be a string");
        }
        return s;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Map<?, ?> m, String key) {
        String name = text(m, key);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("member \"" + key + "\": unknown " + type.getSimpleName() + " " + name, e);
        }
    }

    private static String nullableText(Map<?, ?> m, String key) {
        return m.get(key) == null ? null : text(m, key);
    }

    private static long integer(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("member \"" + key + "\" must be a 64-bit integer", e);
            }
        }
        throw new IllegalArgumentException("member \"" + key + "\" must be a number");
    }

    private static Map<?, ?> object(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("member \"" + key + "\" must be an object");
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
