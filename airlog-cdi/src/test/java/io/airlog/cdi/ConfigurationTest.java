package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.stream.JsonLinesReader;
import io.airlog.stream.JsonLinesVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
    @TempDir
    Path dir;

    private static TestContainer.Builder memory() {
        return TestContainer.builder().property("airlog.backend", "memory");
    }

    private static List<AuditEvent> read(Path file) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            return lines.map(JsonLinesReader.Line::event).toList();
        }
    }

    @Test
    void unknownBackendFailsTheStartNamingTheKeyAndTheAllowedValues() {
        TestContainer.Builder builder = TestContainer.builder().property("airlog.backend", "kafka");

        assertThat(builder.startFailure()).hasStackTraceContaining("airlog.backend: invalid value 'kafka'; allowed values: jdbc, ")
                .hasStackTraceContaining(", json, memory, none, ").hasStackTraceContaining("journal");
    }

    @Test
    void unknownBackendOfANamedStreamNamesItsOwnKey() {
        TestContainer.Builder builder = memory().property("airlog.streams.security.backend", "mongo");

        assertThat(builder.startFailure()).hasStackTraceContaining(
                "airlog.streams.security.backend: invalid value 'mongo'; allowed values: jdbc, ");
    }

    @Test
    void nonNumericBatchSizeFailsTheStart() {
        TestContainer.Builder builder = memory().property("airlog.batch.max-size", "many");

        assertThat(builder.startFailure()).hasStackTraceContaining(
                "airlog.batch.max-size: invalid value 'many'; expected an integer from 1 to");
    }

    @Test
    void malformedDurationFailsTheStart() {
        TestContainer.Builder builder = memory().property("airlog.batch.max-delay", "soon");

        assertThat(builder.startFailure()).hasStackTraceContaining(
                "airlog.batch.max-delay: invalid value 'soon'; expected a duration such as 250ms, 2s, 1m, 1h or PT2S");
    }

    @Test
    void booleanOtherThanTrueOrFalseFailsTheStart() {
        TestContainer.Builder builder = memory().property("airlog.enabled", "yes");

        assertThat(builder.startFailure()).hasStackTraceContaining(
                "airlog.enabled: invalid value 'yes'; allowed values: true, false");
    }

    @Test
    void asyncWriteModeOnABackendThatCannotDoItFailsTheStart() {
        TestContainer.Builder builder = memory().property("airlog.write-mode", "async");

        assertThat(builder.startFailure()).hasStackTraceContaining("airlog.write-mode: invalid value 'async'");
    }

    @Test
    void deniedExceptionThatDoesNotExistFailsTheStart() {
        TestContainer.Builder builder = memory().property("airlog.interceptor.denied-exceptions",
                "com.example.NoSuchException");

        assertThat(builder.startFailure()).hasStackTraceContaining(
                "airlog.interceptor.denied-exceptions: invalid value 'com.example.NoSuchException'; class not found");
    }

    @Test
    void methodRecordingToAnUndeclaredStreamFailsTheStartNamingTheMethodAndTheKey() {
        TestContainer.Builder builder = memory().beans(LoginService.class);

        assertThat(builder.startFailure()).hasStackTraceContaining("io.airlog.cdi.LoginService.login: audit stream "
                + "'security' is not configured: set airlog.streams.security.backend");
    }

    @Test
    void injectingAnUndeclaredStreamFailsTheStartNamingTheInjectionPointAndTheKey() {
        assertThat(memory().beans(StreamConsumer.class).startFailure())
                .hasStackTraceContaining("StreamConsumer.security")
                .hasStackTraceContaining("audit stream 'security' is not configured: set airlog.streams.security.backend");
    }

    @Test
    void contradictoryParameterAnnotationsFailTheStartNamingTheMethod() {
        TestContainer.Builder builder = memory().beans(TwoResourceIds.class);

        assertThat(builder.startFailure()).hasStackTraceContaining(
                "io.airlog.cdi.TwoResourceIds.link parameter 1 (b): @AuditResourceId is already on parameter 0");
    }

    @Test
    void theDefaultStreamCannotBeConfiguredAsANamedStream() {
        TestContainer.Builder builder = memory().property("airlog.streams.default.backend", "memory");

        assertThat(builder.startFailure()).hasStackTraceContaining(
                "airlog.streams.default.backend: 'default' is the default stream");
    }

    @Test
    void methodWithAStreamRecordsThereAndOthersInTheDefaultStream() {
        try (TestContainer c = memory().property("airlog.streams.security.backend", "memory")
                .beans(LoginService.class, StreamConsumer.class).start()) {
            LoginService logins = c.select(LoginService.class);
            logins.login("alice", "pw");
            logins.logout("alice");

            StreamConsumer streams = c.select(StreamConsumer.class);
            assertThat(TestContainer.stored(streams.security())).extracting(AuditEvent::action)
                    .containsExactly("login");
            assertThat(TestContainer.stored(streams.main())).extracting(AuditEvent::action)
                    .containsExactly("logout");
        }
    }

    @Test
    void namedStreamWritesTheLogNamedAfterItUnlessConfigured() {
        try (TestContainer c = memory().property("airlog.streams.security.backend", "memory")
                .property("airlog.log-id", "app").beans(StreamConsumer.class).start()) {
            StreamConsumer streams = c.select(StreamConsumer.class);

            assertThat(streams.security().record(AuditDraft.builder("x")).logId()).isEqualTo("security");
            assertThat(streams.main().record(AuditDraft.builder("x")).logId()).isEqualTo("app");
        }
    }

    @Test
    void namedStreamInheritsGlobalSettingsItDoesNotSet() {
        Path file = dir.resolve("security.jsonl");
        try (TestContainer c = memory().property("airlog.streams.security.backend", "json")
                .property("airlog.streams.security.json.file", file).property("airlog.redact.keys", "password")
                .beans(LoginService.class).start()) {
            c.select(LoginService.class).login("alice", "pw");
        }

        assertThat(read(file)).singleElement().satisfies(e -> assertThat(e.context()).containsEntry("password", "[REDACTED]"));
    }

    @Test
    void jsonBackendAppendsAVerifiableChainToTheFile() {
        Path file = dir.resolve("audit.jsonl");
        for (int run = 0; run < 2; run++) {
            try (TestContainer c = TestContainer.builder().property("airlog.backend", "json")
                    .property("airlog.json.file", file).property("airlog.log-id", "files")
                    .beans(AccountService.class).start()) {
                c.select(AccountService.class).open("A-" + run, "EUR");
            }
        }

        assertThat(read(file)).extracting(AuditEvent::sequence).containsExactly(1L, 2L);
        assertThat(JsonLinesVerifier.verify(file, "files").intact()).isTrue();
    }

    @Test
    void twoStreamsCannotShareAJsonFile() {
        Path file = dir.resolve("shared.jsonl");
        TestContainer.Builder builder = TestContainer.builder().property("airlog.backend", "json")
                .property("airlog.json.file", file).property("airlog.streams.security.backend", "json");

        assertThat(builder.startFailure()).hasStackTraceContaining("is already written by audit stream");
    }

    @Test
    void applicationMiddlewareRunsOnEveryEvent() {
        Path file = dir.resolve("enriched.jsonl");
        try (TestContainer c = TestContainer.builder().property("airlog.backend", "json")
                .property("airlog.json.file", file).beans(AccountService.class, TenantEnricher.class).start()) {
            c.select(AccountService.class).open("A-1", "EUR");
        }

        assertThat(read(file)).singleElement().satisfies(e -> assertThat(e.context()).containsEntry("tenant", "acme"));
    }

    @Test
    void backendNoneDiscardsEvents() {
        try (TestContainer c = TestContainer.builder().property("airlog.backend", "none")
                .beans(AccountService.class).start()) {
            c.select(AccountService.class).open("A-1", "EUR");

            AuditStream stream = c.select(AuditStream.class);
            assertThat(stream.submit(AuditDraft.builder("x").build()).stored()).isFalse();
            assertThat(stream.health().detail()).contains("airlog.backend=none").contains("2 draft(s) discarded");
        }
    }

    @Test
    void disabledAirlogPassesCallsThroughWithoutRecording() {
        try (TestContainer c = TestContainer.builder().property("airlog.enabled", "false")
                .beans(AccountService.class).start()) {
            assertThat(c.select(AccountService.class).open("A-1", "EUR")).isEqualTo("opened A-1");

            assertThat(c.select(AuditStream.class).health().detail()).contains("airlog.enabled=false")
                    .contains("0 draft(s) discarded");
        }
    }

    @Test
    void shutdownClosesTheStreams() {
        AuditStream stream;
        try (TestContainer c = memory().start()) {
            stream = c.select(AuditStream.class);
            stream.record(AuditDraft.builder("before"));
        }

        assertThatThrownBy(() -> stream.record(AuditDraft.builder("after"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
