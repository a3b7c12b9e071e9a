package io.airlog.demo.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies the application will not read, before anything else and with a JSON
 * error body (Quarkus' own checks answer with an empty one): a {@code Content-Length} over
 * {@code quarkus.http.limits.max-body-size} gets 413, a body sent in chunks (without a
 * {@code Content-Length}, so its size is known only once it is read) 411. Such a request
 * reaches neither authentication nor the application, so nothing is recorded.
 */
@ApplicationScoped
public class BodySizeLimit {
    /** Route order: before Quarkus' own body size check (order -2). */
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        String chunked = context.request().getHeader("Transfer-Encoding");
        if (length == null && chunked != null) {
            refuse(context, 411, "Content-Length: required; send the body with its length, at most "
                    + limit.asLongValue() + " bytes");
            return;
        }
        long bytes;
        try {
            bytes = length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            bytes = 0;
        }
        if (bytes > limit.asLongValue()) {
            refuse(context, 413, "request body: " + bytes + " bytes; at most " + limit.asLongValue()
                    + " are accepted");
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String message) {
        HttpServerResponse response = context.response();
        response.setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end(new JsonObject().put("error", message).encode());
    }
}
