package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.eventsOf;
import static io.airlog.demo.DemoApi.requestId;
import static io.restassured.RestAssured.given;
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
                "metadata", Map.of("roles", List.of("admin", "editor", "viewer"))));
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
    void anonymousCallsAreRefusedWith401() {
        given().get("/api/documents").then().statusCode(401);
        given().get("/api/audit/events").then().statusCode(401);
    }
}
