package io.airlog.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.airlog.internal.EventEncoder;
import io.airlog.internal.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of RFC 8785 itself, run through {@link CanonicalJson} (and so through
 * JsonValues, JsonWriter and Numbers): the section 3.2.2 sample and its section 3.2.4 UTF-8
 * bytes, the section 3.2.3 sorting example, and the Appendix B number table. The sample
 * files are in {@code src/test/resources/io/airlog/encoding/rfc8785}.
 */
class Rfc8785ConformanceTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = Rfc8785ConformanceTest.class.getResourceAsStream("rfc8785/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Parses JSON the way ECMAScript's JSON.parse does: every number becomes the nearest double. */
    private static Object parseAsDoubles(String json) throws IOException {
        try (JsonParser parser = JsonReader.factory().createParser(json)) {
            return readAsDoubles(parser, parser.nextToken());
        }
    }

    private static Object readAsDoubles(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, readAsDoubles(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(readAsDoubles(parser, t));
                }
                return list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return Double.parseDouble(parser.getText());
            }
            default -> {
                return JsonReader.read(parser, token);
            }
        }
    }

    @Test
    void section322SampleGivesTheUtf8BytesOfSection324() throws IOException {
        // The sample's first number, 333333333.33333329, has more digits than a double keeps;
        // RFC 8785 (like JSON.parse) rounds it to the nearest double, which this path does too.
        Object sample = parseAsDoubles(resource("section-3.2.2-input.json"));
        String expectedHex = resource("section-3.2.4-utf8.txt").replaceAll("\\s+", "");

        byte[] canonical = CanonicalJson.toJson(sample).getBytes(StandardCharsets.UTF_8);

        assertThat(EventEncoder.hex(canonical)).isEqualTo(expectedHex);
    }

    @Test
    void section322SampleParsedExactlyIsRejectedBecauseItsFirstNumberWouldChange() {
        // By design, not an RFC rule: airlog parses numbers exactly and accepts one only if
        // RFC 8785 serialisation keeps its value. 333333333.33333329 would be stored as
        // 333333333.3333333, so CanonicalJson.parse rejects it and names where it is.
        assertThatThrownBy(() -> CanonicalJson.parse(resource("section-3.2.2-input.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json.numbers[0]").hasMessageContaining("333333333.33333329");
    }

    @Test
    void section322SampleWithoutItsInexactNumberIsCanonicalisedByTheExactParserToo() throws IOException {
        String sample = resource("section-3.2.2-input.json").replace("333333333.33333329", "333333333.3333333");
        String expected = new String(hexBytes(resource("section-3.2.4-utf8.txt")), StandardCharsets.UTF_8);

        assertThat(CanonicalJson.toJson(CanonicalJson.parse(sample))).isEqualTo(expected);
    }

    @Test
    void section323PropertiesAreSortedByUtf16CodeUnits() throws IOException {
        String canonical = CanonicalJson.toJson(CanonicalJson.parse(resource("section-3.2.3-sorting-input.json")));

        // The order RFC 8785 section 3.2.3 gives: U+1F600 (surrogates D83D DE00) before U+FB33.
        assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** RFC 8785 Appendix B: IEEE-754 bits in hex, the JSON text, the RFC's comment. */
    private static final String[][] APPENDIX_B = {
        {"0000000000000000", "0", "Zero"},
        {"8000000000000000", "0", "Minus zero"},
        {"0000000000000001", "5e-324", "Min pos number"},
        {"8000000000000001", "-5e-324", "Min neg number"},
        {"7fefffffffffffff", "1.7976931348623157e+308", "Max pos number"},
        {"ffefffffffffffff", "-1.7976931348623157e+308", "Max neg number"},
        {"4340000000000000", "9007199254740992", "Max pos int"},
        {"c340000000000000", "-9007199254740992", "Max neg int"},
        {"4430000000000000", "295147905179352830000", "~2**68"},
        {"44b52d02c7e14af5", "9.999999999999997e+22", ""},
        {"44b52d02c7e14af6", "1e+23", ""},
        {"44b52d02c7e14af7", "1.0000000000000001e+23", ""},
        {"444b1ae4d6e2ef4e", "999999999999999700000", ""},
        {"444b1ae4d6e2ef4f", "999999999999999900000", ""},
        {"444b1ae4d6e2ef50", "1e+21", ""},
        {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7", ""},
        {"3eb0c6f7a0b5ed8d", "0.000001", ""},
        {"41b3de4355555553", "333333333.3333332", ""},
        {"41b3de4355555554", "333333333.33333325", ""},
        {"41b3de4355555555", "333333333.3333333", ""},
        {"41b3de4355555556", "333333333.3333334", ""},
        {"41b3de4355555557", "333333333.33333343", ""},
        {"becbf647612f3696", "-0.0000033333333333333333", ""},
        {"43143ff3c1cb0959", "1424953923781206.2", "Round to even"},
    };

    private static Stream<Arguments> appendixB() {
        return Arrays.stream(APPENDIX_B).map(row -> Arguments.of(row[0], row[1], row[2]));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("appendixB")
    void appendixBNumberIsSerialisedAsTheRfcPrintsIt(String ieee754, String expected, String comment) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThat(CanonicalJson.toJson(d)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("appendixB")
    void appendixBSerialisationIsAcceptedByTheExactParserAndKept(String ieee754, String json, String comment) {
        // The RFC's own outputs are exact by construction, so airlog's exact parser keeps them.
        assertThat(CanonicalJson.toJson(CanonicalJson.parse(json))).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000"})
    void appendixBNanAndInfinityAreRejected(String ieee754) {
        // Appendix B note 3: NaN and Infinity have no JSON form; serialisation must fail.
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThatThrownBy(() -> CanonicalJson.toJson(d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a JSON number");
    }

    private static byte[] hexBytes(String hex) {
        String digits = hex.replaceAll("\\s+", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
