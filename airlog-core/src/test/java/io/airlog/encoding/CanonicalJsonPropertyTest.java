package io.airlog.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link CanonicalJson} over random values. Each invocation draws from a
 * {@link Random} seeded with the invocation's number, so a failure names the seed that
 * reproduces it. (Plain JUnit rather than jqwik: see docs/encoding.md, "Tests".)
 */
class CanonicalJsonPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void canonicalTextEqualsJsonCanonicalizerOnTheSameValue(long seed) throws Exception {
        RandomJson gen = new RandomJson(new Random(seed));
        Map<String, Object> value = gen.object(4);
        String otherText = gen.text(value);

        assertThat(CanonicalJson.toJson(value)).as(otherText)
                .isEqualTo(new JsonCanonicalizer(otherText).getEncodedString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nonCanonicalTextParsesToTheSameCanonicalTextAsJsonCanonicalizerGives(long seed) throws Exception {
        RandomJson gen = new RandomJson(new Random(seed));
        String otherText = gen.text(gen.object(4));

        assertThat(CanonicalJson.toJson(CanonicalJson.parse(otherText))).as(otherText)
                .isEqualTo(new JsonCanonicalizer(otherText).getEncodedString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void numberTextIsTheShortestNearestDecimalInEcmaScriptLayout(long seed) {
        RandomJson gen = new RandomJson(new Random(seed));
        for (int i = 0; i < 50; i++) {
            double d = gen.aDouble();
            assertThat(CanonicalJson.toJson(d)).as("%s (bits %x)", d, Double.doubleToRawLongBits(d))
                    .isEqualTo(ShortestDecimal.format(d));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parsingTheCanonicalTextGivesTheNormalForm(long seed) {
        Object value = withOtherJavaTypes(new RandomJson(new Random(seed)), 4);

        assertThat(CanonicalJson.parse(CanonicalJson.toJson(value))).isEqualTo(CanonicalJson.normalize(value));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void canonicalisingTwiceChangesNothing(long seed) {
        Object value = withOtherJavaTypes(new RandomJson(new Random(seed)), 4);
        String canonical = CanonicalJson.toJson(value);

        assertThat(CanonicalJson.toJson(CanonicalJson.parse(canonical))).isEqualTo(canonical);
        assertThat(CanonicalJson.toJson(CanonicalJson.normalize(value))).isEqualTo(canonical);
        assertThat(CanonicalJson.normalize(CanonicalJson.normalize(value))).isEqualTo(CanonicalJson.normalize(value));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void awkwardStringsRoundTripUnchanged(long seed) {
        RandomJson gen = new RandomJson(new Random(seed));
        String key = gen.string(8);
        String text = gen.string(20);
        Map<String, Object> value = Map.of(key, List.of(text));

        assertThat(CanonicalJson.parse(CanonicalJson.toJson(value))).isEqualTo(value);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stringWithUnpairedSurrogateOrNulIsRejectedNamingItsPath(long seed) {
        RandomJson gen = new RandomJson(new Random(seed));
        Random random = gen.random();
        Map<String, Object> root = gen.object(2);
        String path = "value";
        Map<String, Object> holder = root;
        int levels = random.nextInt(3);
        for (int i = 0; i < levels; i++) {
            String key = "k" + i;
            if (random.nextBoolean()) {
                Map<String, Object> inner = gen.object(1);
                holder.put(key, inner);
                holder = inner;
                path += "." + key;
            } else {
                List<Object> list = new ArrayList<>(List.of(1L, "x"));
                Map<String, Object> inner = gen.object(1);
                list.add(inner);
                holder.put(key, list);
                holder = inner;
                path += "." + key + "[2]";
            }
        }
        String bad = gen.badString();
        String expectedPath;
        if (random.nextBoolean()) {
            holder.put("bad", bad);
            expectedPath = path + ".bad";
        } else {
            holder.put(bad, "value under a bad key");
            expectedPath = path + ": key";
        }

        assertThatThrownBy(() -> CanonicalJson.normalize(root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expectedPath)
                .hasMessageMatching("(?s).*(U\\+0000|unpaired surrogate).*");
    }

    /** A random value that also uses other Java types the normal form accepts. */
    private static Object withOtherJavaTypes(RandomJson gen, int depth) {
        Random random = gen.random();
        Object plain = gen.value(depth);
        if (plain instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, withOtherJavaTypes(gen, depth - 1)));
            return out;
        }
        if (plain instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(withOtherJavaTypes(gen, depth - 1));
            }
            return random.nextBoolean() ? out : random.nextBoolean() ? out.toArray() : new LinkedHashSet<>(out);
        }
        if (plain instanceof Long l) {
            return switch (random.nextInt(4)) {
                case 0 -> BigInteger.valueOf(l);
                case 1 -> new BigDecimal(l).setScale(3);
                case 2 -> l == (int) (long) l ? Integer.valueOf((int) (long) l) : l;
                default -> l;
            };
        }
        if (plain instanceof Double d) {
            return switch (random.nextInt(3)) {
                case 0 -> new BigDecimal(CanonicalJson.toJson(d));
                case 1 -> Float.isFinite((float) (double) d) ? (Object) (float) (double) d : d;
                default -> d;
            };
        }
        if (plain instanceof String s && random.nextInt(4) == 0) {
            return random.nextBoolean() ? new StringBuilder(s) : UUID.nameUUIDFromBytes(s.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return plain;
    }
}
