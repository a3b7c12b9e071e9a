package io.airlog.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text into the normal form of {@link JsonValues}: numbers are read exactly
 * (as {@link BigDecimal}) and then normalised, so reading the JSON that airlog wrote gives
 * back equal values. Duplicate object keys are an error.
 */
public final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
            .build();

    private JsonReader() {
    }

    /**
     * Parses one JSON value.
     *
     * @param path the name of the value, for error messages
     * @param json the JSON text
     * @return the normalised value
     * @throws IllegalArgumentException if the text is not one JSON value or holds a value
     *         that {@link JsonValues} rejects
     */
    public static Object parse(String path, String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IllegalArgumentException(path + ": empty JSON text");
            }
            Object raw = read(parser, token);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(path + ": trailing data after the JSON value");
            }
            return JsonValues.value(path, raw);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + ": invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": invalid JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a JSON object into a canonical map. */
    public static CanonicalMap parseObject(String path, String json) {
        Object value = parse(path, json);
        if (value instanceof CanonicalMap map) {
            return map;
        }
        throw new IllegalArgumentException(path + ": expected a JSON object");
    }

    /**
     * Reads the value at the parser's current token into plain maps, lists, strings,
     * booleans, nulls and {@link BigDecimal} numbers (exact).
     */
    public static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = parser.getText();
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new JsonParseException(parser, "number " + text + " is out of range");
                }
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected token " + token);
        }
    }

    /** The shared parser factory (strict duplicate detection). */
    public static JsonFactory factory() {
        return FACTORY;
    }
}
