package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.eventsOf;
import static io.airlog.demo.DemoApi.requestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document endpoints record the right audit events. */
@QuarkusTest
class DocumentAuditTest {

    @Test
    void createRecordsSuccessWithThePasswordPrincipalTheDocumentIdAndTheTitle() {
        String rid = requestId();
        String id = createDocument("alice", "Budget 2027", rid);

        List<Map<String, Object>> events = eventsOf(rid);
        assertThat(events).hasSize(1);
        Map<String, Object> e = events.get(0);
        assertThat(e).containsEntry("action", "document.create").containsEntry("resource", "document")
                .containsEntry("resourceId", id).containsEntry("outcome", "SUCCESS").containsEntry("correlationId", rid);
        assertThat(e.get("principal")).isEqualTo(Map.of("subject", "alice", "authMethod", "PASSWORD",
                "metadata", Map.of("roles", List.of("admin", "editor", "viewer"), "via", "basic")));
        assertThat(DemoApi.object(e.get("context"))).containsEntry("title", "Budget 2027");
    }

    @Test
    void requestIdHeaderIsEchoedInTheResponse() {
        String rid = requestId();
        as("bob").header("X-Request-Id", rid).get("/api/documents").then().statusCode(200)
                .header("X-Request-Id", rid);
    }

    @Test
    void viewersDeleteIsDeniedAndRecordedAsDenied() {
        String id = createDocument("bob", "Minutes", requestId());
        String rid = requestId();

        as("carol").header("X-Request-Id", rid).delete("/api/documents/" + id).then().statusCode(403);

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "document.delete").containsEntry("resourceId", id)
                    .containsEntry("outcome", "DENIED");
            assertThat(DemoApi.object(e.get("principal"))).containsEntry("subject", "carol");
        });
        as("carol").get("/api/documents/" + id).then().statusCode(200).body("title", equalTo("Minutes"));
    }

    @Test
    void readingAMissingDocumentIsRecordedAsFailure() {
        String rid = requestId();

        as("carol").header("X-Request-Id", rid).get("/api/documents/missing42").then().statusCode(404)
                .body("error", equalTo("no document with id 'missing42'"));

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "document.read").containsEntry("resourceId", "missing42")
                .containsEntry("outcome", "FAILURE"));
    }

    @Test
    void updateRecordsTheNewTitleAndIncrementsTheVersion() {
        String id = createDocument("bob", "Draft", requestId());
        String rid = requestId();

        as("bob").header("X-Request-Id", rid).contentType(ContentType.JSON)
                .body(Map.of("title", "Final", "body", "done")).put("/api/documents/" + id)
                .then().statusCode(200).body("version", equalTo(2)).body("updatedBy", equalTo("bob"));

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "document.update").containsEntry("outcome", "SUCCESS");
            assertThat(DemoApi.object(e.get("context"))).containsEntry("title", "Final");
        });
    }

    @Test
    void blankTitleIsRejectedWith400NamingTheFieldAndRecordedAsFailure() {
        String rid = requestId();

        as("bob").header("X-Request-Id", rid).contentType(ContentType.JSON).body(Map.of("title", " "))
                .post("/api/documents").then().statusCode(400).body("error", equalTo("title: required, must not be blank"));

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "FAILURE"));
    }

    @Test
    void listingReturnsTitlesWithoutBodiesAndIsRecorded() {
        String id = createDocument("bob", "Listed", requestId());
        String rid = requestId();

        Map<String, Object> page = as("carol").header("X-Request-Id", rid).queryParam("limit", 5)
                .get("/api/documents").then().statusCode(200).extract().jsonPath().getMap("");

        assertThat(page).containsEntry("offset", 0).containsEntry("limit", 5);
        List<Map<String, Object>> documents = DemoApi.list(page.get("documents"));
        assertThat(documents).anySatisfy(d -> assertThat(d).containsEntry("id", id).containsEntry("title", "Listed"));
        assertThat(documents).allSatisfy(d -> assertThat(d).doesNotContainKey("body"));
        assertThat(eventsOf(rid)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "document.list").containsEntry("outcome", "SUCCESS");
            assertThat(DemoApi.object(e.get("context"))).containsEntry("page", Map.of("offset", 0, "limit", 5));
        });
    }

    @Test
    void listingPagesNewestFirstWithTheTotal() {
        String older = createDocument("bob", "Older", requestId());
        String newer = createDocument("bob", "Newer", requestId());

        Map<String, Object> first = as("carol").queryParam("limit", 1).get("/api/documents")
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> second = as("carol").queryParam("limit", 1).queryParam("offset", 1).get("/api/documents")
                .then().statusCode(200).extract().jsonPath().getMap("");

        assertThat(DemoApi.list(first.get("documents"))).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("id", newer));
        assertThat(DemoApi.list(second.get("documents"))).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("id", older));
        assertThat(((Number) first.get("total")).longValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void createAnswersWithALocationPathThatIgnoresTheHostHeader() {
        String location = as("bob").header("Host", "evil.example").contentType(ContentType.JSON)
                .body(Map.of("title", "Located")).post("/api/documents").then().statusCode(201)
                .extract().header("Location");

        assertThat(location).startsWith("/api/documents/").doesNotContain("evil");
    }

    @Test
    void aTitleWithACardNumberAndAnEmailAddressIsRecordedRedacted() {
        String rid = requestId();
        String id = createDocument("bob", "Pay 4111 1111 1111 1111 for ann@example.com", rid);

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> assertThat(DemoApi.object(e.get("context")))
                .containsEntry("title", "Pay [REDACTED] for [REDACTED]"));
        as("carol").get("/api/documents/" + id).then().statusCode(200)
                .body("title", equalTo("Pay 4111 1111 1111 1111 for ann@example.com"));
    }
}
