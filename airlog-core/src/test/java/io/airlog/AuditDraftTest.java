package io.airlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditDraftTest {

    @Test
    void blankActionIsRejected() {
        assertThatThrownBy(() -> AuditDraft.builder("  ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
    }

    @Test
    void oversizedResourceIdIsRejectedNamingTheLimit() {
        String id = "x".repeat(AuditLimits.RESOURCE_ID + 1);
        assertThatThrownBy(() -> AuditDraft.builder("read").resource("Doc", id).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resourceId").hasMessageContaining(String.valueOf(AuditLimits.RESOURCE_ID));
    }

    @Test
    void maximumLengthFieldsAreAccepted() {
        AuditDraft d = AuditDraft.builder("a".repeat(AuditLimits.ACTION))
                .resource("r".repeat(AuditLimits.RESOURCE), "é".repeat(AuditLimits.RESOURCE_ID / 2)).build();
        assertThat(d.seal("log", 1, ChainPosition.GENESIS).verify()).isTrue();
    }

    @Test
    void contextValueThatIsNotJsonIsRejectedNamingTheField() {
        assertThatThrownBy(() -> AuditDraft.builder("run").put("worker", Thread.currentThread()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context.worker").hasMessageContaining("java.lang.Thread");
    }

    @Test
    void cyclicContextIsRejected() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        assertThatThrownBy(() -> AuditDraft.builder("run").put("loop", loop).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context.loop").hasMessageContaining("cyclic");
    }

    @Test
    void unpairedSurrogateIsRejectedNamingTheField() {
        assertThatThrownBy(() -> AuditDraft.builder("run").put("note", "a\uD800b").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context.note").hasMessageContaining("surrogate");
    }

    @Test
    void nulCharacterIsRejectedNamingTheField() {
        assertThatThrownBy(() -> AuditDraft.builder("run").resource("Doc", "a\u0000").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resourceId").hasMessageContaining("U+0000");
    }

    @Test
    void contextIsDeepCopiedAndImmutable() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("k", "v");
        List<Object> list = new java.util.ArrayList<>(List.of(1, 2));
        AuditDraft d = AuditDraft.builder("run").put("nested", nested).put("list", list).build();
        nested.put("k", "changed");
        list.add(3);
        assertThat(d.context()).isEqualTo(Map.of("nested", Map.of("k", "v"), "list", List.of(1L, 2L)));
        assertThatThrownBy(() -> d.context().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) d.context().get("nested");
        assertThatThrownBy(() -> inner.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void timestampKeepsNanoseconds() {
        Instant t = Instant.parse("2026-11-28T10:15:30.123456789Z");
        AuditEvent e = AuditDraft.builder("run").timestamp(t).build().seal("log", 1, ChainPosition.GENESIS);
        assertThat(e.timestamp()).isEqualTo(t);
    }

    @Test
    void earliestEncodableTimestampIsSealedAsMinusTwoToTheSixtyThirdNanoseconds() {
        AuditEvent e = AuditDraft.builder("run").timestamp(AuditDraft.MIN_TIMESTAMP).build()
                .seal("log", 1, ChainPosition.GENESIS);
        assertThat(e.verify()).isTrue();
        // version, label (17 bytes), logId "log" (8), sequence (8), eventId (16): the timestamp follows
        assertThat(java.nio.ByteBuffer.wrap(e.canonicalBytes(), 1 + 17 + 8 + 8 + 16, 8).getLong())
                .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void latestEncodableTimestampIsSealedAsTwoToTheSixtyThirdMinusOneNanoseconds() {
        AuditEvent e = AuditDraft.builder("run").timestamp(AuditDraft.MAX_TIMESTAMP).build()
                .seal("log", 1, ChainPosition.GENESIS);
        assertThat(java.nio.ByteBuffer.wrap(e.canonicalBytes(), 1 + 17 + 8 + 8 + 16, 8).getLong())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void everyFieldChangesTheChecksum() {
        AuditDraft base = AuditDraft.builder("run").principal(new Principal("alice", AuthMethod.PASSWORD,
                Map.of("role", "admin"))).resource("Doc", "1").correlationId("c").put("k", "v").build();
        String reference = base.seal("log", 1, ChainPosition.GENESIS).checksum();
        List<AuditDraft> variants = List.of(
                base.withAction("run2"),
                base.withPrincipal(new Principal("bob", AuthMethod.PASSWORD, Map.of("role", "admin"))),
                base.withPrincipal(new Principal("alice", AuthMethod.JWT, Map.of("role", "admin"))),
                base.withPrincipal(new Principal("alice", AuthMethod.PASSWORD, Map.of("role", "user"))),
                base.withResource("Doc2", "1"),
                base.withResource("Doc", "2"),
                base.withResource("Doc", null),
                base.withOutcome(Outcome.FAILURE),
                base.withCorrelationId("d"),
                base.withCorrelationId(null),
                base.withContextValue("k", "w"));
        for (AuditDraft v : variants) {
            assertThat(v.seal("log", 1, ChainPosition.GENESIS).checksum()).as(v.toString()).isNotEqualTo(reference);
        }
        assertThat(base.seal("log2", 1, ChainPosition.GENESIS).checksum()).isNotEqualTo(reference);
        assertThat(base.seal("log", 2, ChainPosition.GENESIS).checksum()).isNotEqualTo(reference);
        assertThat(base.seal("log", 1, "1".repeat(64)).checksum()).isNotEqualTo(reference);
    }

    @Test
    void withContextValuesAddsAndReplacesEntriesAndKeepsTheOthers() {
        AuditDraft base = AuditDraft.builder("run").put("a", 1).put("b", "x").build();
        AuditDraft changed = base.withContextValues(Map.of("b", "y", "c", List.of(1, 2)));
        assertThat(changed.context()).containsExactly(Map.entry("a", 1L), Map.entry("b", "y"),
                Map.entry("c", List.of(1L, 2L)));
        assertThat(base.context()).containsExactly(Map.entry("a", 1L), Map.entry("b", "x"));
    }

    @Test
    void withContextValuesSealsLikeADraftBuiltWithTheSameContext() {
        Instant at = Instant.parse("2026-01-02T03:04:05.123456789Z");
        java.util.UUID id = java.util.UUID.randomUUID();
        AuditDraft extended = AuditDraft.builder("run").eventId(id).timestamp(at).put("z", 1).build()
                .withContextValues(Map.of("a", Map.of("n", 2.5)));
        AuditDraft built = AuditDraft.builder("run").eventId(id).timestamp(at).put("a", Map.of("n", 2.5)).put("z", 1)
                .build();
        assertThat(extended.seal("log", 1, ChainPosition.GENESIS))
                .isEqualTo(built.seal("log", 1, ChainPosition.GENESIS));
    }

    @Test
    void withContextValuesRejectsAValueThatIsNotJsonNamingItsPath() {
        AuditDraft base = AuditDraft.builder("run").put("a", 1).build();
        assertThatThrownBy(() -> base.withContextValues(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("context.when: a value of type");
    }

    @Test
    void withContextValuesEnforcesTheContextLimit() {
        AuditDraft base = AuditDraft.builder("run").put("a", "x".repeat(AuditLimits.CONTEXT - 100)).build();
        assertThatThrownBy(() -> base.withContextValues(Map.of("b", "y".repeat(200))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context is")
                .hasMessageContaining("the limit is " + AuditLimits.CONTEXT);
    }
}
