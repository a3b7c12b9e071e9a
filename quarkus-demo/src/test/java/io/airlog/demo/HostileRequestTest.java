package io.airlog.demo;

import static io.airlog.demo.DemoApi.eventsOf;
import static io.airlog.demo.DemoApi.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.airlog.demo.audit.AuditTrail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint under bad input: each request gets the right status and a JSON error body
 * naming the problem, and the audit event it must leave (action, outcome, principal), or none
 * when the request never reaches the application; at the end the chain still verifies.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestTest {
    private static final String JSON = "application/json";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AuditTrail trail;

    /**
     * One hostile request and what it must cause.
     *
     * @param user who sends it (password = user name), null for nobody
     * @param body the body, null for none
     * @param event the action it must record, null when it must record nothing
     * @param outcome the outcome of that event
     */
    record Case(String name, String user, String method, String path, String contentType, String body, int status,
                String error, String event, String outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, String user, String method, String path, String contentType, String body,
                          int status, String error, String event, String outcome) {
        return new Case(name, user, method, path, contentType, body, status, error, event, outcome);
    }

    static Stream<Case> cases() {
        String docs = "/api/documents";
        String doc = docs + "/somedocument";
        return Stream.of(
                c("NUL in a title", "bob", "POST", docs, JSON, "{\"title\":\"a\\u0000b\"}", 400,
                        "title: U+0000 (NUL) at index 1 is not allowed", "document.create", "FAILURE"),
                c("unpaired surrogate in a title", "bob", "POST", docs, JSON, "{\"title\":\"x\\ud800\"}", 400,
                        "title: an unpaired surrogate U+D800 at index 1 is not allowed", "document.create", "FAILURE"),
                c("title over 64 KiB", "bob", "POST", docs, JSON, "{\"title\":\"" + "t".repeat(70_000) + "\"}", 400,
                        "title: at most 200 characters, got 70000", "document.create", "FAILURE"),
                c("text over its limit", "bob", "POST", docs, JSON, "{\"title\":\"ok\",\"body\":\"" + "b".repeat(10_001)
                        + "\"}", 400, "body: at most 10000 characters, got 10001", "document.create", "FAILURE"),
                c("malformed JSON", "bob", "POST", docs, JSON, "{\"title\": \"x\"", 400, "body: not valid JSON",
                        "document.create", "FAILURE"),
                c("raw control character in JSON", "bob", "POST", docs, JSON, "{\"title\":\"a\u0001b\"}", 400,
                        "body: not valid JSON", "document.create", "FAILURE"),
                c("two JSON values", "bob", "POST", docs, JSON, "{\"title\":\"x\"} {}", 400, "body: not valid JSON",
                        "document.create", "FAILURE"),
                c("a JSON array", "bob", "POST", docs, JSON, "[{\"title\":\"x\"}]", 400,
                        "body: must be a JSON object, got an array", "document.create", "FAILURE"),
                c("a title given as an object", "bob", "POST", docs, JSON, "{\"title\":{\"x\":1}}", 400,
                        "title: must be a string, got an object", "document.create", "FAILURE"),
                c("a title given as a number", "bob", "POST", docs, JSON, "{\"title\":42}", 400,
                        "title: must be a string, got a number", "document.create", "FAILURE"),
                c("a duplicate member", "bob", "POST", docs, JSON, "{\"title\":\"a\",\"title\":\"b\"}", 400,
                        "body: not valid JSON", "document.create", "FAILURE"),
                c("an unknown member", "bob", "POST", docs, JSON, "{\"title\":\"a\",\"owner\":\"x\"}", 400,
                        "body: unknown member 'owner'; expected body, title", "document.create", "FAILURE"),
                c("an empty body", "bob", "POST", docs, JSON, "", 400, "body: empty; send a JSON object",
                        "document.create", "FAILURE"),
                c("no Content-Type", "bob", "POST", docs, null, "{\"title\":\"x\"}", 415,
                        "Content-Type: missing; send application/json", "document.create", "FAILURE"),
                c("a wrong Content-Type", "bob", "POST", docs, "text/plain", "{\"title\":\"x\"}", 415,
                        "Content-Type: 'text/plain' is not supported; send application/json", "document.create", "FAILURE"),
                c("a charset other than UTF-8", "bob", "POST", docs, "application/json; charset=ISO-8859-1",
                        "{\"title\":\"x\"}", 415, "Content-Type: charset 'ISO-8859-1' is not supported; send UTF-8",
                        "document.create", "FAILURE"),
                c("a viewer's bad body is refused for the role first", "carol", "POST", docs, null, "[", 403,
                        "your roles do not allow this", "document.create", "DENIED"),
                c("NUL in an update's title", "bob", "PUT", doc, JSON, "{\"title\":\"\\u0000\"}", 400,
                        "title: U+0000 (NUL) at index 0 is not allowed", "document.update", "FAILURE"),
                c("an update without Content-Type", "bob", "PUT", doc, null, "{\"title\":\"x\"}", 415,
                        "Content-Type: missing; send application/json", "document.update", "FAILURE"),
                c("%00 in a document id", "carol", "GET", docs + "/%00", null, null, 400,
                        "id: U+0000 (NUL) at index 0 is not allowed", "document.read", "FAILURE"),
                c("%00 in the id of an update", "bob", "PUT", docs + "/a%00b", JSON, "{\"title\":\"x\"}", 400,
                        "id: U+0000 (NUL) at index 1 is not allowed", "document.update", "FAILURE"),
                c("%00 in the id of a delete", "alice", "DELETE", docs + "/%00", null, null, 400,
                        "id: U+0000 (NUL) at index 0 is not allowed", "document.delete", "FAILURE"),
                c("an id over 64 characters", "carol", "GET", docs + "/" + "i".repeat(65), null, null, 400,
                        "id: at most 64 characters, got 65", "document.read", "FAILURE"),
                c("a listing limit that is no number", "carol", "GET", docs + "?limit=abc", null, null, 400,
                        "limit: must be an integer from 1 to 100, got 'abc'", "document.list", "FAILURE"),
                c("a negative listing offset", "carol", "GET", docs + "?offset=-1", null, null, 400,
                        "offset: must be from 0 to 1000000000, got -1", "document.list", "FAILURE"),
                c("an audit page size that is no number", "alice", "GET", "/api/audit/events?limit=abc", null, null,
                        400, "limit: must be an integer from 1 to 200, got 'abc'", "audit.search", "FAILURE"),
                c("%00 in an audit filter", "alice", "GET", "/api/audit/events?subject=%00", null, null, 400,
                        "subject: U+0000 (NUL) at index 0 is not allowed", "audit.search", "FAILURE"),
                c("both audit cursors", "alice", "GET", "/api/audit/events?before=5&after=2", null, null, 400,
                        "before, after: give one of them, not both", "audit.search", "FAILURE"),
                c("NUL in a sign-in user name", null, "POST", "/api/session", JSON,
                        "{\"user\":\"a\\u0000\",\"password\":\"x\"}", 400, "user: U+0000 (NUL) at index 1 is not allowed",
                        "user.sign-in", "FAILURE"),
                c("a sign-in user name over 128 characters", null, "POST", "/api/session", JSON,
                        "{\"user\":\"" + "u".repeat(129) + "\",\"password\":\"x\"}", 400,
                        "user: at most 128 characters, got 129", "user.sign-in", "FAILURE"),
                c("a malformed sign-in", null, "POST", "/api/session", JSON, "{user:1}", 400, "body: not valid JSON",
                        "user.sign-in", "FAILURE"),
                c("a sign-in without Content-Type", null, "POST", "/api/session", null,
                        "{\"user\":\"bob\",\"password\":\"bob\"}", 415, "Content-Type: missing; send application/json",
                        "user.sign-in", "FAILURE"),
                c("anonymous with %00 in an id: 401 first", null, "GET", docs + "/%00", null, null, 401,
                        "not signed in", "request.refused", "DENIED"),
                c("anonymous with a bad body and no Content-Type: 401 first", null, "POST", docs, null, "[", 401,
                        "not signed in", "request.refused", "DENIED"),
                c("anonymous on an unknown path: 401 first", null, "GET", "/api/nothing-here", null, null, 401,
                        "not signed in", "request.refused", "DENIED"),
                c("an unknown path", "bob", "GET", "/api/nothing-here", null, null, 404, "not found", null, null),
                c("an unsupported method", "bob", "PATCH", docs, JSON, "{}", 405, "method not allowed", null, null),
                c("Basic credentials that are not Base64", "basic:%%%", "GET", docs, null, null, 401,
                        "wrong user name or password", "user.sign-in", "FAILURE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void answersWithTheStatusAJsonErrorAndTheAuditEvent(Case c) throws Exception {
        String rid = requestId();

        HttpResponse<String> response = send(c, rid);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(new JsonPath(response.body()).getString("error")).startsWith(c.error());
        List<Map<String, Object>> events = eventsOf(rid);
        if (c.event() == null) {
            assertThat(events).isEmpty();
            return;
        }
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", c.event()).containsEntry("outcome", c.outcome());
            String subject = c.user() == null || c.user().startsWith("basic:") ? "anonymous" : c.user();
            assertThat(DemoApi.object(e.get("principal"))).containsEntry("subject", subject);
        });
    }

    @Test
    @Order(2)
    void aRejectedTitleIsRecordedShownSafelyAndCut() throws Exception {
        String rid = requestId();
        send(c("", "bob", "POST", "/api/documents", JSON, "{\"title\":\"a\\u0000" + "z".repeat(300) + "\"}", 400,
                "", null, null), rid);

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> assertThat(DemoApi.object(e.get("context")))
                .containsEntry("title", "a\uFFFD" + "z".repeat(254) + "… (46 more characters)"));
    }

    @Test
    @Order(2)
    void aBodyOverTheLimitIs413WithAJsonErrorAndRecordsNothing() throws Exception {
        long before = headSize();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/documents"))
                .header("Content-Type", JSON).header("Authorization", basic("bob"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1_100_000))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(new JsonPath(response.body()).getString("error"))
                .isEqualTo("request body: 1100000 bytes; at most 1048576 are accepted");
        assertThat(headSize()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void anAnonymousBodyOverTheLimitGetsItsJson401First() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/documents"))
                .header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString("x".repeat(1_100_000)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonPath(response.body()).getString("error")).startsWith("not signed in");
    }

    @Test
    @Order(2)
    void aChunkedBodyIs411WithAJsonError() throws Exception {
        InputStream body = new ByteArrayInputStream("{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/documents"))
                .header("Content-Type", JSON).header("Authorization", basic("bob"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(new JsonPath(response.body()).getString("error")).startsWith("Content-Length: required");
    }

    @Test
    @Order(2)
    void crlfInXRequestIdEndsTheHeaderAndTheInjectedLineIsNeverEchoed() throws Exception {
        String rid = requestId();

        String response = raw("GET /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("bob")
                + "\r\nX-Request-Id: " + rid + "\r\nX-Injected: evil\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").contains("X-Request-Id: " + rid + "\r\n")
                .doesNotContain("X-Injected").doesNotContain("evil");
        assertThat(eventsOf(rid)).singleElement().satisfies(e -> assertThat(e).containsEntry("correlationId", rid));
    }

    @Test
    @Order(2)
    void aBareCarriageReturnInXRequestIdIsRefusedByTheHttpLayerAndRecordsNothing() throws Exception {
        long before = headSize();

        String response = raw("GET /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("bob")
                + "\r\nX-Request-Id: abc\rX-Injected: evil\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").doesNotContain("X-Injected");
        assertThat(headSize()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void anEncodedCrlfInXRequestIdIsKeptAsVisibleText() throws Exception {
        String rid = requestId() + "%0D%0AX-Injected:%20evil";

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/documents"))
                .header("Authorization", basic("bob")).header("X-Request-Id", rid).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(rid);
        assertThat(response.headers().firstValue("X-Injected")).isEmpty();
        assertThat(eventsOf(rid)).singleElement().satisfies(e -> assertThat(e).containsEntry("correlationId", rid));
    }

    @Test
    @Order(3)
    void theChainVerifiesAfterEveryHostileRequest() {
        JsonPath report = DemoApi.verify();

        assertThat(report.getBoolean("intact")).as(report.getString("summary")).isTrue();
        assertThat(report.getList("damages")).isEmpty();
    }

    /** The log's size, read without a request (an audit search would itself add an event). */
    private long headSize() {
        return trail.reader().head().size();
    }

    private HttpResponse<String> send(Case c, String rid) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(c.path())).timeout(Duration.ofSeconds(30))
                .header("X-Request-Id", rid)
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.user() != null) {
            request.header("Authorization", c.user().startsWith("basic:") ? "Basic " + c.user().substring(6)
                    : basic(c.user()));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    /** Sends bytes as they are, for what an HTTP client refuses to send; the whole answer. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
