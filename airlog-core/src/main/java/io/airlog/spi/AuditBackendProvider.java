package io.airlog.spi;

import java.util.List;

/**
 * A kind of audit backend, selected by name in configuration ({@code airlog.backend=<name>},
 * {@code airlog.streams.<stream>.backend=<name>}) and configured by its own keys,
 * {@code airlog.<name>.<key>} (per stream: {@code airlog.streams.<stream>.<name>.<key>}).
 *
 * <p>airlog-cdi finds providers through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.airlog.spi.AuditBackendProvider} file in the provider's jar)
 * and among the application's CDI beans of this type; a name may be provided once. airlog's
 * own: {@code json}, {@code memory}, {@code none} (airlog-core), {@code jdbc} (airlog-cdi),
 * {@code slf4j} (airlog-slf4j), {@code otel} (airlog-otel).
 *
 * <p>The streams a provider opens must pass the contract test kit
 * ({@code io.airlog.testkit.AuditStreamContract} in airlog-core's test-jar); see
 * {@code docs/backends.md}. Implementations must be safe for concurrent use and, for
 * {@code ServiceLoader}, public with a public no-argument constructor.
 */
public interface AuditBackendProvider {

    /**
     * The backend's name: 1 to 32 lower-case letters, digits and dashes, starting with a
     * letter, and none of the words airlog uses for its own keys (see {@code docs/backends.md}).
     */
    String name();

    /**
     * The backend's own keys, relative to {@code airlog.<name>.} (e.g. {@code "file"}), each
     * documented in {@code docs/configuration.md}; empty when it has none. Keys not listed
     * here are reported as unknown.
     */
    List<String> keys();

    /**
     * Whether the streams it opens sign checkpoints of their log when the context has
     * {@linkplain BackendContext#checkpoints() checkpoint settings}. The host refuses to open a
     * log configured for checkpoints with a backend that does not (default: false).
     */
    default boolean signsCheckpoints() {
        return false;
    }

    /**
     * Opens a stream of this backend for one configured stream.
     *
     * @param context the stream's name, log, settings and host services
     * @return the stream and how its stored log is verified at start
     * @throws IllegalArgumentException naming the key when a setting is missing or invalid
     *         ({@link ConfigView} does that)
     * @throws RuntimeException when the storage cannot be opened; nothing may be left open
     */
    AuditBackend open(BackendContext context);
}
