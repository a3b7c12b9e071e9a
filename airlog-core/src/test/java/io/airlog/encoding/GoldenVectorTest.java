package io.airlog.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.internal.EventEncoder;
import io.airlog.internal.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays {@code golden-v1.json}, the frozen vectors of canonical encoding v1
 * (docs/encoding.md), through the Java implementation. docs/encoding-vectors.py replays the
 * same file from the specification in Python.
 */
class GoldenVectorTest {
    private static final Map<String, Object> VECTORS = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = GoldenVectorTest.class.getResourceAsStream("golden-v1.json");
             JsonParser parser = JsonReader.factory().createParser(in)) {
            return (Map<String, Object>) JsonReader.read(parser, parser.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) VECTORS.get(key);
    }

    private static Stream<Named<Map<String, Object>>> cases() {
        return list("cases").stream().map(c -> Named.of((String) c.get("name"), c));
    }

    private static Stream<Named<Map<String, Object>>> rejected() {
        return list("rejected").stream().map(c -> Named.of((String) c.get("name"), c));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    private static String text(Map<String, Object> m, String key) {
        return (String) m.get(key);
    }

    private static Principal principal(Map<String, Object> event) {
        Map<String, Object> p = map(event, "principal");
        return new Principal(text(p, "subject"), AuthMethod.valueOf(text(p, "authMethod")), map(p, "metadata"));
    }

    private static AuditEvent seal(Map<String, Object> event) {
        AuditDraft draft = new AuditDraft(UUID.fromString(text(event, "eventId")),
                Instant.ofEpochSecond(0, Long.parseLong(text(event, "timestamp"))), text(event, "action"),
                principal(event), text(event, "resource"), text(event, "resourceId"),
                Outcome.valueOf(text(event, "outcome")), text(event, "correlationId"), map(event, "context"));
        return draft.seal(text(event, "logId"), Long.parseLong(text(event, "sequence")),
                text(event, "previousChecksum"));
    }

    @Test
    void fileHoldsAtLeastThirtyCasesAndSomeRejectedOnes() {
        assertThat(VECTORS.get("version")).hasToString("1");
        assertThat(list("cases")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(list("rejected")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sealingGivesTheExpectedCanonicalBytesAndChecksum(Map<String, Object> vector) {
        Map<String, Object> expected = map(vector, "expected");
        AuditEvent event = seal(map(vector, "event"));
        assertThat(EventEncoder.hex(event.canonicalBytes())).isEqualTo(text(expected, "canonicalBytes"));
        assertThat(event.checksum()).isEqualTo(text(expected, "checksum"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void metadataAndContextCanonicaliseToTheExpectedJson(Map<String, Object> vector) {
        Map<String, Object> event = map(vector, "event");
        Map<String, Object> expected = map(vector, "expected");
        assertThat(CanonicalJson.toJson(map(map(event, "principal"), "metadata")))
                .isEqualTo(text(expected, "metadataJson"));
        assertThat(CanonicalJson.toJson(map(event, "context"))).isEqualTo(text(expected, "contextJson"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eventReadBackFromStorageVerifiesAgainstTheExpectedChecksum(Map<String, Object> vector) {
        Map<String, Object> event = map(vector, "event");
        AuditEvent stored = new AuditEvent(UUID.fromString(text(event, "eventId")), text(event, "logId"),
                Long.parseLong(text(event, "sequence")),
                Instant.ofEpochSecond(0, Long.parseLong(text(event, "timestamp"))), text(event, "action"),
                principal(event), text(event, "resource"), text(event, "resourceId"),
                Outcome.valueOf(text(event, "outcome")), text(event, "correlationId"), map(event, "context"),
                text(event, "previousChecksum"), text(map(vector, "expected"), "checksum"));
        assertThat(stored.verify()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("firstEvents")
    void firstEventOfALogFollowsTheGenesisValue(Map<String, Object> vector) {
        assertThat(text(map(vector, "event"), "previousChecksum")).isEqualTo(ChainPosition.GENESIS);
    }

    private static Stream<Named<Map<String, Object>>> firstEvents() {
        return cases().filter(c -> "1".equals(map(c.getPayload(), "event").get("sequence")));
    }

    @ParameterizedTest
    @MethodSource("chained")
    void declaredPredecessorIsFollowed(Map<String, Object> vector) {
        String follows = text(vector, "follows");
        Map<String, Object> previous = list("cases").stream().filter(c -> follows.equals(c.get("name")))
                .findFirst().orElseThrow();
        assertThat(seal(map(vector, "event")).follows(seal(map(previous, "event")))).isTrue();
    }

    private static Stream<Named<Map<String, Object>>> chained() {
        return cases().filter(c -> c.getPayload().containsKey("follows"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectedCaseFailsNamingTheField(Map<String, Object> vector) {
        assertThatThrownBy(() -> seal(map(vector, "event")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text(vector, "field"));
    }
}
