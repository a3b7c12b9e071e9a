package io.airlog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private static AuditEvent stored(String resource, String resourceId, String correlationId, String previous) {
        return new AuditEvent(ID, "log", 1, Instant.EPOCH, "read", Principal.anonymous(), resource, resourceId,
                Outcome.SUCCESS, correlationId, Map.of(), previous, "0".repeat(64));
    }

    @Test
    void storedResourceIdWithUnpairedSurrogateIsRejectedNamingTheField() {
        // "\uD801\uD800" used to encode like U+10000 ("\uD800\uDC00"): an edit that kept the checksum valid
        assertThatThrownBy(() -> stored("Doc", "\uD801\uD800", null, ChainPosition.GENESIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resourceId").hasMessageContaining("unpaired surrogate");
    }

    @Test
    void storedResourceWithNulIsRejectedNamingTheField() {
        assertThatThrownBy(() -> stored("Doc\u0000", null, null, ChainPosition.GENESIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resource").hasMessageContaining("U+0000");
    }

    @Test
    void storedCorrelationIdWithLoneLowSurrogateIsRejectedNamingTheField() {
        assertThatThrownBy(() -> stored("Doc", null, "c\uDC00", ChainPosition.GENESIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlationId").hasMessageContaining("unpaired surrogate");
    }

    @Test
    void storedPreviousChecksumWithUnpairedSurrogateIsRejectedNamingTheField() {
        assertThatThrownBy(() -> stored("Doc", null, null, "\uD800"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("previousChecksum").hasMessageContaining("unpaired surrogate");
    }
}
