package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditLimits;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.spi.batch.WriterStatistics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The columns hold every value {@link AuditLimits} lets through, on every database; what it
 * does not let through never reaches a transaction.
 */
class LimitsTest {
    /** Four UTF-8 bytes, two UTF-16 units. */
    private static final String LOCK = "\uD83D\uDD12";

    /** A JSON object {"k":"…"} whose canonical text is exactly {@code bytes} UTF-8 bytes long, made of {@code unit}. */
    private static Map<String, Object> objectOfBytes(int bytes, String unit) {
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        int payload = bytes - "{\"k\":\"\"}".length();
        String value = unit.repeat(payload / unitBytes) + "x".repeat(payload % unitBytes);
        return Map.of("k", value);
    }

    private static String ofBytes(int bytes, String unit) {
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        return unit.repeat(bytes / unitBytes) + "x".repeat(bytes % unitBytes);
    }

    /** A draft with every text column at its limit, made of {@code unit} (1-byte characters: the most characters). */
    private static AuditDraft largest(String unit) {
        AuditDraft draft = AuditDraft.builder(ofBytes(AuditLimits.ACTION, unit))
                .principal(new Principal(ofBytes(AuditLimits.SUBJECT, unit), AuthMethod.OAUTH2,
                        objectOfBytes(AuditLimits.METADATA, unit)))
                .resource(ofBytes(AuditLimits.RESOURCE, unit), ofBytes(AuditLimits.RESOURCE_ID, unit))
                .correlationId(ofBytes(AuditLimits.CORRELATION_ID, unit))
                .outcome(Outcome.DENIED)
                .putAll(objectOfBytes(AuditLimits.CONTEXT, unit))
                .build();
        AuditEvent probe = draft.seal("probe", 1, ChainPosition.GENESIS);
        assertThat(probe.contextJson().getBytes(StandardCharsets.UTF_8)).hasSize(AuditLimits.CONTEXT);
        return draft;
    }

    private static JdbcAuditStream stream(Fixture fixture, String logId) {
        return JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix()).logId(logId).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void valuesAtEveryLimitAreStoredAndReadBackExactly(TestDatabase db) throws Exception {
        String longestLogId = ofBytes(AuditLimits.LOG_ID, "l");
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = stream(fixture, longestLogId)) {
            List<AuditEvent> recorded = List.of(
                    stream.record(largest("a")),
                    stream.record(largest("\u00e9")),
                    stream.record(largest("\u20ac")),
                    stream.record(largest(LOCK)));
            assertThat(StoredLog.assertIntact(fixture, longestLogId, 4)).containsExactlyElementsOf(recorded);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneByteOverALimitIsRejectedBeforeAnyTransaction(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = stream(fixture, "over")) {
            List<Supplier<AuditDraft.Builder>> overLimit = List.of(
                    () -> AuditDraft.builder(ofBytes(AuditLimits.ACTION + 1, "a")),
                    () -> AuditDraft.builder("a").principal(Principal.of(ofBytes(AuditLimits.SUBJECT + 1, "s"),
                            AuthMethod.JWT)),
                    () -> AuditDraft.builder("a").principal(new Principal("s", AuthMethod.JWT,
                            objectOfBytes(AuditLimits.METADATA + 1, "m"))),
                    () -> AuditDraft.builder("a").resource(ofBytes(AuditLimits.RESOURCE + 1, "r")),
                    () -> AuditDraft.builder("a").resourceId(ofBytes(AuditLimits.RESOURCE_ID + 1, "\u00e9")),
                    () -> AuditDraft.builder("a").correlationId(ofBytes(AuditLimits.CORRELATION_ID + 1, "c")),
                    () -> AuditDraft.builder("a").putAll(objectOfBytes(AuditLimits.CONTEXT + 1, LOCK)));
            for (Supplier<AuditDraft.Builder> draft : overLimit) {
                assertThatThrownBy(() -> stream.record(draft.get())).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("limit");
            }
            assertNothingReachedTheDatabase(stream);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nulAndUnpairedSurrogatesAreRejectedBeforeAnyTransaction(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = stream(fixture, "bad-text")) {
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("a\u0000b")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action")
                    .hasMessageContaining("U+0000");
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("a").resource("Doc", "\uD800")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resourceId")
                    .hasMessageContaining("surrogate");
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("a").correlationId("\uDC00x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationId");
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("a").put("note", "nul\u0000inside")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("a").put("key\uD83D", "v")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("a").principal(
                    new Principal("who", AuthMethod.SAML, Map.of("tenant", "\u0000")))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("principal.metadata");
            assertNothingReachedTheDatabase(stream);
        }
    }

    private static void assertNothingReachedTheDatabase(JdbcAuditStream stream) {
        WriterStatistics stats = stream.statistics();
        assertThat(stats.committedBatches()).isZero();
        assertThat(stats.failedBatches()).isZero();
        assertThat(stream.head()).isEqualTo(ChainPosition.EMPTY);
    }
}
