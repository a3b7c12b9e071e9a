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
}
