package io.airlog.demo;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
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

    /** The events (as JSON maps) recorded under a correlation id, oldest first, read through the audit API as alice. */
    static List<Map<String, Object>> eventsOf(String requestId) {
        return events(as("alice").queryParam("correlationId", requestId));
    }

    /** The events (as JSON maps) of a resource id, oldest first, read through the audit API as alice. */
    static List<Map<String, Object>> eventsOfResource(String resourceId) {
        return events(as("alice").queryParam("resourceId", resourceId));
    }

    private static List<Map<String, Object>> events(RequestSpecification search) {
        JsonPath page = search.queryParam("limit", 200).get("/api/audit/events").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> events = new ArrayList<>(page.getList("events.event"));
        Collections.reverse(events);
        return events;
    }

    /** A JSON object read by rest-assured, as a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    /** A JSON array of objects read by rest-assured, as a list of maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object json) {
        return (List<Map<String, Object>>) json;
    }

    /** The verification report of the audit API. */
    static JsonPath verify() {
        return as("alice").get("/api/audit/verify").then().statusCode(200).extract().jsonPath();
    }
}
