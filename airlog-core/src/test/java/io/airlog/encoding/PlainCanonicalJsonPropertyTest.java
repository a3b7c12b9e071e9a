package io.airlog.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.internal.CanonicalMap;
import io.airlog.internal.PlainCanonicalJson;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass check that lets stored JSON skip parsing never accepts a text that the full
 * check (parse, then compare with the canonical form) rejects, and accepts the plain texts
 * that audit events mostly hold.
 */
class PlainCanonicalJsonPropertyTest {
    private static final long SEED = 20261128L;
    private static final int CASES = 2000;

    /** What the full check says: the text is the canonical JSON of an object. */
    private static boolean canonicalByFullCheck(String text) {
        try {
            return CanonicalJson.parse(text) instanceof CanonicalMap map && map.json().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void assertSound(String text) {
        if (PlainCanonicalJson.isCanonicalObject(text)) {
            assertThat(canonicalByFullCheck(text)).as("accepted by the one-pass check: %s", text).isTrue();
        }
    }

    @Test
    void neverAcceptsWhatTheFullCheckRejects() {
        Random random = new Random(SEED);
        RandomJson json = new RandomJson(random);
        for (int i = 0; i < CASES; i++) {
            Map<String, Object> value = json.object(3);
            String canonical = CanonicalJson.toJson(value);
            assertSound(canonical);
            assertSound(json.text(value));
            StringBuilder mutated = new StringBuilder(canonical);
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, " ,:\"{}[]0-.e\\".charAt(random.nextInt(13)));
                case 2 -> mutated.setCharAt(at, (char) (' ' + random.nextInt(95)));
                default -> {
                    int other = random.nextInt(mutated.length());
                    char c = mutated.charAt(at);
                    mutated.setCharAt(at, mutated.charAt(other));
                    mutated.setCharAt(other, c);
                }
            }
            assertSound(mutated.toString());
        }
    }

    @Test
    void acceptsTheCanonicalTextOfEveryPlainObject() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Map<String, Object> value = plainObject(random, 3);
            String canonical = CanonicalJson.toJson(value);
            assertThat(PlainCanonicalJson.isCanonicalObject(canonical)).as(canonical).isTrue();
        }
    }

    private static Map<String, Object> plainObject(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            map.put(plainString(random), plainValue(random, depth - 1));
        }
        return map;
    }

    private static Object plainValue(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong() % (1L << 53);
            case 3 -> random.nextBoolean() ? (Object) (long) random.nextInt(1000)
                    : (Object) (Math.scalb(random.nextDouble() - 0.5, random.nextInt(160) - 80));
            case 4, 5 -> plainString(random);
            case 6 -> plainObject(random, depth);
            default -> Arrays.asList(plainValue(random, depth - 1), plainValue(random, depth - 1));
        };
    }

    private static String plainString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            char c = (char) (0x20 + random.nextInt(0x2000));
            if (c != '"' && c != '\\') {
                s.append(c);
            }
        }
        return s.toString();
    }
}
