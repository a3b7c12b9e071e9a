package io.airlog.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.encoding.EventJson;
import io.airlog.stream.JsonLinesAuditStream;
import io.airlog.stream.JsonLinesVerifier;
import io.airlog.verify.Damage;
import io.airlog.verify.DamageKind;
import io.airlog.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tamper suite of JSON-lines output: every kind of edit of a file of five events is found
 * by {@link JsonLinesVerifier} at the right line with the right kind. A backend whose output
 * is JSON lines (the JSON-lines stream, the SLF4J stream through a file appender) extends it
 * and says how its output of five drafts reaches the file.
 */
public abstract class JsonLinesTamperContract {
    /** The log the five drafts are recorded in. */
    protected static final String LOG_ID = "app";
    private static final int TAMPERED_LINE = 3;

    @TempDir
    protected Path dir;
    /** The file the backend wrote. */
    protected Path file;
    /** Its lines as written; tests edit them. */
    protected List<String> lines;

    /**
     * Records {@code drafts}, in order, as log {@value #LOG_ID} through the backend under
     * test, so that the backend's output ends up in {@code file} as JSON lines (restarting
     * the writer in between is welcome).
     */
    protected abstract void write(Path file, List<AuditDraft> drafts) throws Exception;

    /** The five drafts of the log. */
    private static List<AuditDraft> drafts() {
        List<AuditDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            drafts.add(AuditDraft.builder("act" + i)
                    .principal(new Principal("alice", AuthMethod.PASSWORD, Map.of("role", "admin")))
                    .resource("Doc", "d" + i).correlationId("c" + i).put("n", i).build());
        }
        return drafts;
    }

    @BeforeEach
    void writeLog() throws Exception {
        file = dir.resolve("audit.jsonl");
        write(file, drafts());
        lines = new ArrayList<>(Files.readAllLines(file));
    }

    /** Writes the (edited) lines back and verifies the file. */
    protected VerificationReport rewriteAndVerify() throws Exception {
        Files.write(file, lines);
        return JsonLinesVerifier.verify(file);
    }

    static Stream<Arguments> singleFieldEdits() {
        return Stream.<Map.Entry<String, UnaryOperator<AuditEvent>>>of(
                Map.entry("eventId", e -> copy(e, UUID.randomUUID(), e.logId(), e.sequence(), e.timestamp(), e.action(),
                        e.principal(), e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("logId", e -> copy(e, e.eventId(), "other", e.sequence(), e.timestamp(), e.action(),
                        e.principal(), e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("sequence", e -> copy(e, e.eventId(), e.logId(), 9, e.timestamp(), e.action(), e.principal(),
                        e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(), e.previousChecksum(),
                        e.checksum())),
                Map.entry("timestamp", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp().plusNanos(1),
                        e.action(), e.principal(), e.resource(), e.resourceId(), e.outcome(), e.correlationId(),
                        e.context(), e.previousChecksum(), e.checksum())),
                Map.entry("action", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(), "other",
                        e.principal(), e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("principal.subject", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(),
                        e.action(), new Principal("mallory", AuthMethod.PASSWORD, Map.of("role", "admin")),
                        e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("principal.authMethod", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(),
                        e.action(), new Principal("alice", AuthMethod.CERTIFICATE, Map.of("role", "admin")),
                        e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("principal.metadata", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(),
                        e.action(), new Principal("alice", AuthMethod.PASSWORD, Map.of("role", "user")),
                        e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("resource", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(), e.action(),
                        e.principal(), null, e.resourceId(), e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("resourceId", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(), e.action(),
                        e.principal(), e.resource(), "d99", e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("outcome", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(), e.action(),
                        e.principal(), e.resource(), e.resourceId(), Outcome.DENIED, e.correlationId(), e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("correlationId", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(),
                        e.action(), e.principal(), e.resource(), e.resourceId(), e.outcome(), "", e.context(),
                        e.previousChecksum(), e.checksum())),
                Map.entry("context", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(), e.action(),
                        e.principal(), e.resource(), e.resourceId(), e.outcome(), e.correlationId(), Map.of("n", 100),
                        e.previousChecksum(), e.checksum())),
                Map.entry("previousChecksum", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(),
                        e.action(), e.principal(), e.resource(), e.resourceId(), e.outcome(), e.correlationId(),
                        e.context(), "a".repeat(64), e.checksum())),
                Map.entry("checksum", e -> copy(e, e.eventId(), e.logId(), e.sequence(), e.timestamp(), e.action(),
                        e.principal(), e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(),
                        e.previousChecksum(), "b".repeat(64))))
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    private static AuditEvent copy(AuditEvent original, UUID eventId, String logId, long sequence, Instant timestamp,
                                   String action, Principal principal, String resource, String resourceId,
                                   Outcome outcome, String correlationId, Map<String, Object> context,
                                   String previousChecksum, String checksum) {
        return new AuditEvent(eventId, logId, sequence, timestamp, action, principal, resource, resourceId, outcome,
                correlationId, context, previousChecksum, checksum);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFieldEdits")
    void changingAnySingleFieldOfOneLineIsReportedAsChangedAtThatLine(String field, UnaryOperator<AuditEvent> edit)
            throws Exception {
        AuditEvent original = EventJson.fromJson(lines.get(TAMPERED_LINE - 1));
        lines.set(TAMPERED_LINE - 1, EventJson.toJson(edit.apply(original)));
        VerificationReport report = rewriteAndVerify();
        assertThat(report.damages()).as(field).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.CHANGED))
                .satisfies(d -> assertThat(d.position()).isEqualTo(TAMPERED_LINE))
                .satisfies(d -> assertThat(d.firstSequence()).isEqualTo(3));
    }

    @Test
    void untouchedFileReportsNoDamage() throws Exception {
        VerificationReport report = rewriteAndVerify();
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsRead()).isEqualTo(5);
        assertThat(report.end().size()).isEqualTo(5);
    }

    @Test
    void deletedMiddleLineIsReportedAsMissing() throws Exception {
        lines.remove(TAMPERED_LINE - 1);
        assertThat(rewriteAndVerify().damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.MISSING))
                .satisfies(d -> assertThat(d.position()).isEqualTo(TAMPERED_LINE))
                .satisfies(d -> assertThat(d.firstSequence()).isEqualTo(3));
    }

    @Test
    void swappedLinesAreReportedAsReordered() throws Exception {
        Collections.swap(lines, 2, 3);
        assertThat(rewriteAndVerify().damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.REORDERED))
                .satisfies(d -> assertThat(d.position()).isEqualTo(4))
                .satisfies(d -> assertThat(d.detail()).contains("before position 3"));
    }

    @Test
    void duplicatedLineIsReportedAsDuplicated() throws Exception {
        lines.add(TAMPERED_LINE, lines.get(TAMPERED_LINE - 1));
        assertThat(rewriteAndVerify().damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.DUPLICATED))
                .satisfies(d -> assertThat(d.position()).isEqualTo(TAMPERED_LINE + 1));
    }

    @Test
    void lineThatIsNotAnEventIsReportedAsMalformed() throws Exception {
        lines.set(TAMPERED_LINE - 1, lines.get(TAMPERED_LINE - 1).replace("\"SUCCESS\"", "\"HACKED\""));
        assertThat(rewriteAndVerify().damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.MALFORMED))
                .satisfies(d -> assertThat(d.position()).isEqualTo(TAMPERED_LINE))
                .satisfies(d -> assertThat(d.detail()).contains("outcome"));
    }

    @Test
    void invalidUtf8DamagesOnlyItsOwnLineAndVerificationEnds() throws Exception {
        Files.write(file, lines);
        byte[] bytes = Files.readAllBytes(file);
        // the file is ASCII up to line 3's action value "act3": make its first letter an invalid byte
        int actionAt = new String(bytes, StandardCharsets.US_ASCII).indexOf("\"act" + TAMPERED_LINE + "\"") + 1;
        bytes[actionAt] = (byte) 0xFF;
        Files.write(file, bytes);
        assertThat(JsonLinesVerifier.verify(file, "app").damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.MALFORMED))
                .satisfies(d -> assertThat(d.position()).isEqualTo(TAMPERED_LINE))
                .satisfies(d -> assertThat(d.detail()).contains("UTF-8"));
    }

    @Test
    void spliceFromAnotherLogIsReportedAsForeign() throws Exception {
        Path other = dir.resolve("other.jsonl");
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(other, "other")) {
            s.record(AuditDraft.builder("x"));
        }
        lines.add(TAMPERED_LINE - 1, Files.readAllLines(other).get(0));
        List<Damage> damages = rewriteAndVerify().damages();
        assertThat(damages).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.FOREIGN))
                .satisfies(d -> assertThat(d.position()).isEqualTo(TAMPERED_LINE));
    }

}
