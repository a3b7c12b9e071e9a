package io.airlog.spi;

/**
 * Where the correlation id of the current work can come from when the code and the request
 * set none: for example the trace id of the current OpenTelemetry span (airlog-otel provides
 * that one). airlog-cdi asks every source found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.airlog.spi.CorrelationSource}) and among the application's CDI
 * beans, after {@code io.airlog.AuditContext} and the request's {@code X-Request-Id}, before
 * it falls back to an id of its own. Implementations must be quick and safe for concurrent
 * use.
 */
@FunctionalInterface
public interface CorrelationSource {

    /**
     * The correlation id of the work the calling thread does now.
     *
     * @return 1 to 128 visible ASCII characters, or null when this source knows none
     */
    String currentCorrelationId();
}
