package io.airlog.cdi;

import io.airlog.otel.OtelSdk;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The application's OpenTelemetry, as Quarkus provides it: a bean; its log records go to memory. */
@ApplicationScoped
public class OpenTelemetryBean {
    final OtelSdk sdk = new OtelSdk();

    @Produces
    @ApplicationScoped
    OpenTelemetry openTelemetry() {
        return sdk.openTelemetry();
    }

    OtelSdk sdk() {
        return sdk;
    }

    @PreDestroy
    void close() {
        sdk.close();
    }
}
