package io.airlog.stream;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.testkit.AuditStreamContract;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileContractTest extends AuditStreamContract {
    @TempDir
    Path dir;

    @Override
    protected AuditStream openStream(String logId) {
        return JsonLinesAuditStream.toFile(dir.resolve(logId + ".jsonl"), logId);
    }

    @Override
    protected List<AuditEvent> readBack(String logId) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(dir.resolve(logId + ".jsonl"))) {
            return lines.map(JsonLinesReader.Line::event).collect(Collectors.toList());
        }
    }
}
