package io.airlog.slf4j;

import io.airlog.AuditDraft;
import io.airlog.testkit.JsonLinesTamperContract;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON-lines tamper suite on a file that Logback's file appender wrote for the SLF4J
 * stream, with a restart of the application (stream and appender) after the second event:
 * the file verifies, and every kind of edit is found at its line.
 */
class Slf4jLogbackTamperTest extends JsonLinesTamperContract {

    @Override
    protected void write(Path file, List<AuditDraft> drafts) {
        Path state = dir.resolve("audit.state");
        for (List<AuditDraft> run : List.of(drafts.subList(0, 2), drafts.subList(2, drafts.size()))) {
            try (LogbackFile logback = LogbackFile.start("airlog.tamper", file);
                 Slf4jAuditStream stream = Slf4jAuditStream.builder(state, LOG_ID).logger("airlog.tamper").build()) {
                run.forEach(stream::record);
            }
        }
    }
}
