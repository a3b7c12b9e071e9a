package io.airlog.slf4j;

import io.airlog.spi.AuditBackend;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.airlog.spi.ConfigView;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code slf4j} backend ({@code airlog.backend=slf4j}): a {@link Slf4jAuditStream} with
 * {@code airlog.slf4j.state-file} (required), {@code logger}, {@code marker} and
 * {@code state-fsync}; it signs checkpoints when the context has checkpoint settings. Found
 * through {@link java.util.ServiceLoader}.
 */
public final class Slf4jBackendProvider implements AuditBackendProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Slf4jBackendProvider() {
    }

    @Override
    public String name() {
        return "slf4j";
    }

    @Override
    public List<String> keys() {
        return List.of("logger", "marker", "state-file", "state-fsync");
    }

    /** With checkpoint settings, it logs signed checkpoint lines and publishes them to the witness. */
    @Override
    public boolean signsCheckpoints() {
        return true;
    }

    @Override
    public AuditBackend open(BackendContext context) {
        ConfigView settings = context.settings();
        Path stateFile = Path.of(settings.required("state-file", "the slf4j backend (it keeps the head of the chain"
                + " there, so that the chain continues when the application restarts)"));
        context.claimFile("state-file", stateFile);
        Slf4jAuditStream.Builder builder = Slf4jAuditStream.builder(stateFile, context.logId())
                .name(context.streamName())
                .logger(settings.text("logger").orElse(Slf4jAuditStream.DEFAULT_LOGGER))
                .marker(settings.text("marker").orElse(Slf4jAuditStream.DEFAULT_MARKER))
                .fsync(settings.bool("state-fsync", false));
        context.checkpoints().ifPresent(builder::checkpoints);
        Slf4jAuditStream stream;
        try {
            stream = builder.build();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("audit stream '" + context.streamName() + "' (log '" + context.logId()
                    + "'): " + e.getMessage(), e);
        }
        return AuditBackend.unverifiable(stream, "log '" + context.logId() + "' goes to SLF4J logger "
                + settings.text("logger").orElse(Slf4jAuditStream.DEFAULT_LOGGER)
                + ", which airlog cannot read back; verify the appender's file with JsonLinesVerifier");
    }
}
