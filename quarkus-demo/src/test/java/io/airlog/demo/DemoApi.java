package io.airlog.demo;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls of the demo's HTTP API as one of its users, for the tests. */
final class DemoApi {
    private DemoApi() {
    }

    /** A request authenticated (preemptive HTTP Basic) as {@code user}, whose password is the user name. */
    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    /** A fresh correlation id, so a test finds exactly its own events. */
    static String requestId() {
        return "test-" + UUID.randomUUID();
    }

    /** Creates a document as {@code user}; returns its id. */
    static String createDocument(String user, String title, String requestId) {
        return as(user).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Map.of("title", title, "body", "text of " + title))
                .post("/api/documents").then().statusCode(201).extract().path("id");
    }

    /** The events (as JSON maps) recorded under a correlation id, read through the audit API as alice. */
    static List<Map<String, Object>> eventsOf(String requestId) {
        return as("alice").queryParam("correlationId", requestId).get("/api/audit/events")
                .then().statusCode(200).extract().jsonPath().getList("events");
    }

    /** A JSON object read by rest-assured, as a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    /** The verification report of the audit API. */
    static JsonPath verify() {
        return as("alice").get("/api/audit/verify").then().statusCode(200).extract().jsonPath();
    }
}
