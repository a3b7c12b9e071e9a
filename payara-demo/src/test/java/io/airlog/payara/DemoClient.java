package io.airlog.payara;

import io.airlog.AuditEvent;
import io.airlog.encoding.CanonicalJson;
import io.airlog.encoding.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The demo's HTTP interface as the tests use it: calls as one of the demo users. */
final class DemoClient {
    private final PayaraMicro server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoClient(PayaraMicro server) {
        this.server = server;
    }

    /** A call by {@code user} (password: the user name followed by {@code -pw}); null for none. */
    HttpResponse<String> call(String method, String path, String user) {
        return call(method, path, user, null);
    }

    /** A call with an {@code X-Request-Id} header (none when {@code requestId} is null). */
    HttpResponse<String> call(String method, String path, String user, String requestId) {
        return send(server.uri(path), method, user == null ? null : user + ":" + user + "-pw", requestId);
    }

    /** A call by {@code user} with {@code password} (HTTP Basic) and an {@code X-Request-Id} header. */
    HttpResponse<String> callWithPassword(String method, String path, String user, String password,
                                          String requestId) {
        return send(server.uri(path), method, user + ":" + password, requestId);
    }

    /** The stored events (up to 1000) recorded under a correlation id, read by the auditor. */
    List<AuditEvent> eventsOfRequest(String requestId) {
        return allEvents().stream().filter(e -> requestId.equals(e.correlationId())).toList();
    }

    /** A GET of a path of the server outside the application (such as {@code /health/ready}). */
    HttpResponse<String> serverGet(String path) {
        return send(server.serverUri(path), "GET", null, null);
    }

    /** The stored events of one resource id, read by the auditor, each checked against its checksum. */
    List<AuditEvent> eventsOf(String resourceId) {
        return events("/api/audit/events?resourceId=" + resourceId);
    }

    /** Every stored event (up to 1000), read by the auditor. */
    List<AuditEvent> allEvents() {
        return events("/api/audit/events?limit=1000");
    }

    /** The verification report of the whole log, read by the auditor, as a JSON object. */
    Map<String, Object> verification() {
        return object(ok(call("GET", "/api/audit/verification", "carol")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        return (Map<String, Object>) CanonicalJson.parse(json);
    }

    private List<AuditEvent> events(String path) {
        List<?> array = (List<?>) CanonicalJson.parse(ok(call("GET", path, "carol")));
        return array.stream().map(e -> EventJson.fromJson(CanonicalJson.toJson(e))).toList();
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(URI uri, String method, String credentials, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri, e);
        }
    }
}
