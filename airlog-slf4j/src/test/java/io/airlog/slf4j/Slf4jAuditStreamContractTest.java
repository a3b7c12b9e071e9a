package io.airlog.slf4j;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.stream.JsonLinesReader;
import io.airlog.testkit.AuditStreamContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The SLF4J stream meets the stream contract; its storage is the Logback file appender's file. */
class Slf4jAuditStreamContractTest extends AuditStreamContract {
    @TempDir
    Path dir;

    private final List<LogbackFile> appenders = new ArrayList<>();

    @Override
    protected AuditStream openStream(String logId) {
        String logger = "airlog.contract." + logId;
        appenders.add(LogbackFile.start(logger, dir.resolve(logId + ".jsonl")));
        return Slf4jAuditStream.builder(dir.resolve(logId + ".state"), logId).logger(logger).build();
    }

    @Override
    protected List<AuditEvent> readBack(String logId) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(dir.resolve(logId + ".jsonl"))) {
            return lines.map(JsonLinesReader.Line::event).toList();
        }
    }

    @AfterEach
    void stopAppenders() {
        appenders.forEach(LogbackFile::close);
    }
}
