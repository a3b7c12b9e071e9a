package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.stream.JsonLinesAuditStream;
import io.airlog.stream.JsonLinesDurability;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;

/**
 * airlog's JSON-lines file stream with {@link JsonLinesDurability#FLUSH} (its default): each
 * sealed, chained event is a line handed to the operating system before {@code record}
 * returns.
 */
public final class AirlogFileSink implements Sink {
    private final JsonLinesAuditStream stream;

    /** Opens the stream on {@code file}. */
    public AirlogFileSink(Path file, String logId) {
        this.stream = JsonLinesAuditStream.toFile(file, logId, JsonLinesDurability.FLUSH);
    }

    @Override
    public CompletionStage<?> store(int caller, AuditDraft draft) {
        stream.record(draft);
        return null;
    }

    @Override
    public void close() {
        stream.close();
    }
}
