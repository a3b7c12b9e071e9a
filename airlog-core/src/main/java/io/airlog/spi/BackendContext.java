package io.airlog.spi;

import io.airlog.WriteMode;
import io.airlog.spi.batch.WriterConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an {@link AuditBackendProvider} gets to open one stream: the stream's name and log,
 * the backend's own settings, the writer settings for backends that batch, and services of
 * the host (airlog-cdi, or plain Java code that opens backends itself). Immutable.
 */
public final class BackendContext {
    private final String backend;
    private final String streamName;
    private final String logId;
    private final String selectedBy;
    private final ConfigView settings;
    private final WriterConfig writer;
    private final Function<Class<?>, Optional<?>> lookup;
    private final FileClaims claims;
    private final CheckpointSettings checkpoints;

    private BackendContext(Builder b) {
        this.backend = b.backend;
        this.streamName = b.streamName;
        this.logId = b.logId;
        this.selectedBy = b.selectedBy;
        this.settings = b.settings;
        this.writer = b.writer;
        this.lookup = b.lookup;
        this.claims = b.claims;
        this.checkpoints = b.checkpoints;
    }

    /**
     * Starts a context.
     *
     * @param backend the backend's name
     * @param streamName the stream's name
     * @param logId the log the stream writes
     * @return the builder
     */
    public static Builder builder(String backend, String streamName, String logId) {
        return new Builder(backend, streamName, logId);
    }

    /** The backend's name. */
    public String backend() {
        return backend;
    }

    /** The stream's name (what {@code AuditStream.name()} of the opened stream returns). */
    public String streamName() {
        return streamName;
    }

    /** The log the stream writes. */
    public String logId() {
        return logId;
    }

    /** The setting that selected the backend, for messages: {@code airlog.backend=json}. */
    public String selectedBy() {
        return selectedBy;
    }

    /** The backend's own settings: keys relative to {@code airlog.<backend>.} (with the stream's own first). */
    public ConfigView settings() {
        return settings;
    }

    /** The writer settings ({@code airlog.batch.*}, {@code airlog.queue.*}, {@code airlog.write-mode}). */
    public WriterConfig writer() {
        return writer;
    }

    /**
     * Whether {@code recordAsync} should return before the event is stored. A backend that
     * cannot do that opens a synchronous stream; the host then refuses {@link WriteMode#ASYNC}
     * for it, naming the key.
     */
    public WriteMode writeMode() {
        return writer.writeMode();
    }

    /**
     * How the stream signs checkpoints of its log and where it publishes them; empty when the
     * log is not configured for checkpoints. Only given to a backend that
     * {@linkplain AuditBackendProvider#signsCheckpoints() signs}.
     */
    public Optional<CheckpointSettings> checkpoints() {
        return Optional.ofNullable(checkpoints);
    }

    /**
     * An object the host provides, such as the application's {@code OpenTelemetry} bean in a
     * CDI container.
     *
     * @param type what is wanted
     * @return the host's object of that type, if it has exactly one
     */
    public <T> Optional<T> lookup(Class<T> type) {
        return lookup.apply(type).map(type::cast);
    }

    /**
     * Claims a file for this stream: a file has one writer in an application.
     *
     * @param key the relative key that names the file (e.g. {@code "file"})
     * @param file the file
     * @throws IllegalArgumentException naming both keys if another stream claimed it
     */
    public void claimFile(String key, Path file) {
        claims.claim(streamName, settings.keyUsed(key), file);
    }

    /** Builds a {@link BackendContext}. Not thread-safe. */
    public static final class Builder {
        private final String backend;
        private final String streamName;
        private final String logId;
        private String selectedBy;
        private ConfigView settings;
        private WriterConfig writer = WriterConfig.DEFAULT;
        private Function<Class<?>, Optional<?>> lookup = type -> Optional.empty();
        private FileClaims claims = new FileClaims();
        private CheckpointSettings checkpoints;

        private Builder(String backend, String streamName, String logId) {
            this.backend = Objects.requireNonNull(backend, "backend");
            this.streamName = Objects.requireNonNull(streamName, "streamName");
            this.logId = Objects.requireNonNull(logId, "logId");
            this.selectedBy = "airlog.backend=" + backend;
        }

        /** The backend's settings (required): a view whose relative keys are the backend's own. */
        public Builder settings(ConfigView view) {
            this.settings = Objects.requireNonNull(view, "settings");
            return this;
        }

        /** The writer settings (default {@link WriterConfig#DEFAULT}). */
        public Builder writer(WriterConfig config) {
            this.writer = Objects.requireNonNull(config, "writer");
            return this;
        }

        /** The setting that selected the backend, for messages (default {@code airlog.backend=<backend>}). */
        public Builder selectedBy(String setting) {
            this.selectedBy = Objects.requireNonNull(setting, "selectedBy");
            return this;
        }

        /** The host's objects by type (default: none). */
        public Builder lookup(Function<Class<?>, Optional<?>> objects) {
            this.lookup = Objects.requireNonNull(objects, "lookup");
            return this;
        }

        /** The application's file claims, shared by all its streams (default: claims of this stream only). */
        public Builder claims(FileClaims fileClaims) {
            this.claims = Objects.requireNonNull(fileClaims, "claims");
            return this;
        }

        /** Signs checkpoints of the log with these settings (default: none). */
        public Builder checkpoints(CheckpointSettings settings) {
            this.checkpoints = Objects.requireNonNull(settings, "checkpoints");
            return this;
        }

        /** The context. */
        public BackendContext build() {
            if (settings == null) {
                throw new IllegalArgumentException("backend context of stream '" + streamName
                        + "': settings are required");
            }
            return new BackendContext(this);
        }
    }
}
