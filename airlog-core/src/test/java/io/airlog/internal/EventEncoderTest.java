package io.airlog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEncoderTest {
    private static byte[] encodeResourceId(String resourceId) {
        return EventEncoder.local().encode("log", 1, new UUID(0, 1), Instant.EPOCH, "read", "alice", "NONE",
                CanonicalMap.EMPTY, "Doc", resourceId, "SUCCESS", null, CanonicalMap.EMPTY, "0".repeat(64));
    }

    @Test
    void highSurrogateFollowedByAnotherHighSurrogateIsNotMergedIntoOneCodePoint() {
        byte[] pair = encodeResourceId("\uD800\uDC00");
        byte[] twoHighs = encodeResourceId("\uD801\uD800");
        assertThat(twoHighs).isNotEqualTo(pair);
        assertThat(EventEncoder.hex(twoHighs)).contains("00000006" + "eda081" + "eda080");
        assertThat(EventEncoder.hex(pair)).contains("00000004" + "f0908080");
    }

    @Test
    void highSurrogateAtTheEndIsWrittenOnItsOwn() {
        assertThat(EventEncoder.hex(encodeResourceId("a\uD83D"))).contains("00000004" + "61eda0bd");
    }

    @Test
    void aQuestionMarkAndAnUnpairedSurrogateEncodeDifferently() {
        assertThat(EventEncoder.hex(encodeResourceId("a?"))).contains("00000002" + "613f");
        assertThat(EventEncoder.hex(encodeResourceId("a\uDC00"))).contains("00000004" + "61edb080");
    }

    @Test
    void anUnpairedSurrogateNextToAQuestionMarkIsStillWrittenOnItsOwn() {
        assertThat(EventEncoder.hex(encodeResourceId("?\uD800?"))).contains("00000005" + "3feda0803f");
    }

    @Test
    void everyStringIsWrittenAsItsUtf8BytesWhenItHasNoUnpairedSurrogate() {
        java.util.Random random = new java.util.Random(20261128);
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                switch (random.nextInt(5)) {
                    case 0 -> s.append((char) random.nextInt(0x80));
                    case 1 -> s.append('?');
                    case 2 -> s.append((char) (0x80 + random.nextInt(0x780)));
                    case 3 -> s.append((char) (0x800 + random.nextInt(0xD000 - 0x800)));
                    default -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                }
            }
            byte[] utf8 = s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String expected = String.format("%08x", utf8.length) + EventEncoder.hex(utf8);
            assertThat(EventEncoder.hex(encodeResourceId(s.toString()))).as(s.toString()).contains("01" + expected);
        }
    }
}
