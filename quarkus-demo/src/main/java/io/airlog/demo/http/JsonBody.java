package io.airlog.demo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A request body that should be one JSON object, read without throwing: either the object,
 * or the problem that makes the request a 400 (not JSON, not an object, a duplicate or unknown
 * member) or a 415 (no Content-Type, or not {@code application/json}).
 *
 * <p>Endpoints read their bodies through this class, rather than letting the REST layer bind
 * them, so that a bad body still reaches the audited call: the call throws {@link #problem()}
 * inside the audit interceptor and the attempt is recorded as FAILURE.
 */
public final class JsonBody {
    private static final String JSON = "application/json";

    private final ObjectNode object;
    private final RuntimeException problem;

    private JsonBody(ObjectNode object, RuntimeException problem) {
        this.object = object;
        this.problem = problem;
    }

    /**
     * Reads a body.
     *
     * @param json the application's object mapper
     * @param contentType the request's Content-Type header, or null
     * @param body the body as text, or null
     * @param members the members the object may have
     */
    public static JsonBody read(ObjectMapper json, String contentType, String body, Set<String> members) {
        String typeProblem = contentTypeProblem(contentType);
        if (typeProblem != null) {
            return new JsonBody(null, new ContentTypeException(typeProblem));
        }
        if (body == null || body.isBlank()) {
            return failed("body: empty; send a JSON object");
        }
        JsonNode tree;
        try {
            ObjectReader reader = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            tree = reader.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return failed("body: not valid JSON" + where + ": " + InputText.shown(e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode o)) {
            return failed("body: must be a JSON object, got " + kind(tree));
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                return failed("body: unknown member '" + InputText.shown(name) + "'; expected " + String.join(", ",
                        members.stream().sorted().toList()));
            }
        }
        return new JsonBody(o, null);
    }

    private static JsonBody failed(String message) {
        return new JsonBody(null, new BadInputException(message));
    }

    private static String contentTypeProblem(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "Content-Type: missing; send " + JSON;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(JSON)) {
            return "Content-Type: '" + InputText.shown(contentType.strip()) + "' is not supported; send " + JSON;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].strip().split("=", 2);
            if (parameter[0].equalsIgnoreCase("charset") && parameter.length == 2
                    && !parameter[1].replace("\"", "").equalsIgnoreCase("utf-8")) {
                return "Content-Type: charset '" + InputText.shown(parameter[1]) + "' is not supported; send UTF-8";
            }
        }
        return null;
    }

    /** The problem of this body, or null when it is a JSON object with known members. */
    public RuntimeException problem() {
        return problem;
    }

    /**
     * The member's text: null when the member is absent or JSON null.
     *
     * @throws RuntimeException the body's {@linkplain #problem() problem}, if it has one
     * @throws BadInputException if the member is not a string
     */
    public String text(String member) {
        if (problem != null) {
            throw problem;
        }
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadInputException(member + ": must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    /**
     * The member's text as an audit event may record it ({@link InputText#shown}), whatever the
     * body's problems: null when there is no such string member.
     */
    public String shown(String member) {
        if (object == null) {
            return null;
        }
        JsonNode value = object.get(member);
        return value != null && value.isTextual() ? InputText.shown(value.textValue()) : null;
    }

    private static String kind(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
