package io.airlog.testbackend;

import io.airlog.spi.AuditBackend;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.airlog.spi.LogVerification;
import io.airlog.spi.VerifyMode;
import io.airlog.stream.JsonLinesVerifier;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code journal} backend: {@code airlog.journal.file} (required) and
 * {@code airlog.journal.fsync}; the writer settings and write mode come from airlog's own keys.
 */
public final class JournalBackendProvider implements AuditBackendProvider {
    /** For {@link java.util.ServiceLoader}. */
    public JournalBackendProvider() {
    }

    @Override
    public String name() {
        return "journal";
    }

    @Override
    public List<String> keys() {
        return List.of("file", "fsync");
    }

    @Override
    public AuditBackend open(BackendContext context) {
        Path file = context.settings().path("file").orElseThrow(() -> new IllegalArgumentException(
                context.settings().keyUsed("file") + " is required by the journal backend"));
        context.claimFile("file", file);
        JournalAuditStream stream = JournalAuditStream.open(context.streamName(), context.logId(), file,
                context.settings().bool("fsync", false), context.writer());
        String logId = context.logId();
        return new AuditBackend(stream, mode -> mode == VerifyMode.FULL
                ? LogVerification.of(JsonLinesVerifier.verify(file, logId))
                : LogVerification.notVerified("journal " + file + ": its last event was verified when it was opened"));
    }
}
