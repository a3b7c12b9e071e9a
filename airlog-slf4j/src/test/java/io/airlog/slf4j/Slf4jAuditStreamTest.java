package io.airlog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.airlog.AuditDraft;
import io.airlog.AuditException;
import io.airlog.encoding.EventJson;
import io.airlog.spi.BackendContext;
import io.airlog.spi.ConfigView;
import io.airlog.stream.JsonLinesVerifier;
import io.airlog.verify.VerificationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class Slf4jAuditStreamTest {
    @TempDir
    Path dir;

    @Test
    void theAppendersFileVerifiesAfterRestartsOfTheWriter() {
        Path file = dir.resolve("audit.log");
        for (int run = 0; run < 3; run++) {
            try (LogbackFile logback = LogbackFile.start("airlog.restarts", file);
                 Slf4jAuditStream stream = Slf4jAuditStream.builder(dir.resolve("audit.state"), "bank")
                         .logger("airlog.restarts").build()) {
                for (int i = 0; i < 4; i++) {
                    stream.record(AuditDraft.builder("transfer").put("run", run));
                }
            }
        }

        VerificationReport report = JsonLinesVerifier.verify(file);
        assertThat(report.damages()).isEmpty();
        assertThat(report.eventsRead()).isEqualTo(12);
        assertThat(report.end().size()).isEqualTo(12);
    }

    @Test
    void eachEventIsOneInfoLineWithTheMarkerOnTheConfiguredLogger() {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("app.audit");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        logger.setLevel(Level.INFO);
        try (Slf4jAuditStream stream = Slf4jAuditStream.builder(dir.resolve("marker.state"), "bank").logger("app.audit")
                .marker("SECURITY_AUDIT").build()) {
            var event = stream.record(AuditDraft.builder("login").put("note", "a {} placeholder"));

            assertThat(seen.list).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.INFO);
                assertThat(line.getMarkerList()).extracting(m -> m.getName()).containsExactly("SECURITY_AUDIT");
                assertThat(EventJson.fromJson(line.getFormattedMessage())).isEqualTo(event);
            });
        } finally {
            logger.detachAppender(seen);
        }
    }

    @Test
    void aDisabledLoggerFailsTheStart() {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("airlog.off");
        logger.setLevel(Level.OFF);

        assertThatThrownBy(() -> Slf4jAuditStream.builder(dir.resolve("off.state"), "bank").logger("airlog.off").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("logger 'airlog.off' does not log INFO with marker AUDIT");
    }

    @Test
    void aLoggerDisabledLaterFailsTheRecordAndUsesNoSequence() {
        Path file = dir.resolve("disabled.log");
        try (LogbackFile logback = LogbackFile.start("airlog.later", file);
             Slf4jAuditStream stream = Slf4jAuditStream.builder(dir.resolve("later.state"), "bank")
                     .logger("airlog.later").build()) {
            stream.record(AuditDraft.builder("first"));
            logback.level(Level.WARN);
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("lost"))).isInstanceOf(AuditException.class)
                    .hasMessageContaining("audit events would be lost");
            logback.level(Level.INFO);

            assertThat(stream.record(AuditDraft.builder("second")).sequence()).isEqualTo(2);
        }
        assertThat(JsonLinesVerifier.verify(file).intact()).isTrue();
    }

    @Test
    void theBackendNeedsAStateFileAndSaysWhy() {
        BackendContext context = BackendContext.builder("slf4j", "default", "bank")
                .settings(ConfigView.of(key -> Optional.empty(), List.of("airlog.")).under("slf4j.")).build();

        assertThatThrownBy(() -> new Slf4jBackendProvider().open(context)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("airlog.slf4j.state-file is required by the slf4j backend");
    }

    @Test
    void theBackendOpensAStreamFromItsKeys() {
        Path file = dir.resolve("backend.log");
        Map<String, String> config = Map.of("airlog.slf4j.state-file", dir.resolve("backend.state").toString(),
                "airlog.slf4j.logger", "airlog.backend-test");
        BackendContext context = BackendContext.builder("slf4j", "security", "sec")
                .settings(ConfigView.of(key -> Optional.ofNullable(config.get(key)), List.of("airlog.")).under("slf4j."))
                .build();
        try (LogbackFile logback = LogbackFile.start("airlog.backend-test", file)) {
            var backend = new Slf4jBackendProvider().open(context);
            try (var stream = backend.stream()) {
                assertThat(stream.name()).isEqualTo("security");
                stream.record(AuditDraft.builder("x"));
            }
        }
        assertThat(JsonLinesVerifier.verify(file, "sec").eventsRead()).isEqualTo(1);
    }
}
