package io.airlog.testbackend;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.WriteMode;
import io.airlog.spi.batch.WriterConfig;
import io.airlog.stream.JsonLinesReader;
import io.airlog.testkit.AuditStreamContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The journal backend meets the stream contract, in both write modes. */
class JournalAuditStreamContractTest {
    @TempDir
    static Path dir;

    private abstract static class Mode extends AuditStreamContract {
        abstract WriteMode mode();

        @Override
        protected AuditStream openStream(String logId) {
            return JournalAuditStream.open("journal", logId, dir.resolve(logId + ".jsonl"), false,
                    new WriterConfig(64, Duration.ofMillis(1), 8192, io.airlog.QueueFullPolicy.BLOCK,
                            Duration.ofSeconds(10), Duration.ofSeconds(10), mode()));
        }

        @Override
        protected List<AuditEvent> readBack(String logId) {
            try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(dir.resolve(logId + ".jsonl"))) {
                return lines.map(JsonLinesReader.Line::event).toList();
            }
        }
    }

    @Nested
    class Sync extends Mode {
        @Override
        WriteMode mode() {
            return WriteMode.SYNC;
        }
    }

    @Nested
    class Async extends Mode {
        @Override
        WriteMode mode() {
            return WriteMode.ASYNC;
        }
    }
}
