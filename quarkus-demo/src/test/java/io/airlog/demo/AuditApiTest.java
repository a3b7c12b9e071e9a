package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.eventsOf;
import static io.airlog.demo.DemoApi.requestId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit API: newest-first keyset paging with counts, each filter, verification, readiness, its own auditing. */
@QuarkusTest
class AuditApiTest {

    /** A document with {@code reads} reads by carol after its creation: {@code reads + 1} events on its id. */
    private static String documentRead(int reads) {
        String id = createDocument("bob", "Paged", requestId());
        for (int i = 0; i < reads; i++) {
            as("carol").get("/api/documents/" + id).then().statusCode(200);
        }
        return id;
    }

    private static JsonPath page(String id, Map<String, Object> parameters) {
        RequestSpecification search = as("alice").queryParam("resourceId", id).queryParams(parameters);
        return search.get("/api/audit/events").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> sequences(JsonPath page) {
        return page.getList("events.sequence", Long.class);
    }

    @Test
    void theFirstPageHoldsTheNewestEventsNewestFirstWithTheCounts() {
        String id = documentRead(4);

        JsonPath newest = page(id, Map.of("limit", 2));

        assertThat(newest.getList("events.event.action")).containsExactly("document.read", "document.read");
        assertThat(sequences(newest)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(newest.getLong("total")).isEqualTo(5);
        assertThat(newest.getLong("newer")).isZero();
        assertThat(newest.getLong("older")).isEqualTo(3);
    }

    @Test
    void olderAndNewerPagesFollowEachOtherByTheirCursor() {
        String id = documentRead(4);
        JsonPath newest = page(id, Map.of("limit", 2));
        List<Long> first = sequences(newest);

        JsonPath older = page(id, Map.of("limit", 2, "before", first.get(1)));
        JsonPath back = page(id, Map.of("limit", 2, "after", sequences(older).get(0)));

        assertThat(sequences(older)).hasSize(2).allSatisfy(s -> assertThat(s).isLessThan(first.get(1)));
        assertThat(older.getLong("newer")).isEqualTo(2);
        assertThat(older.getLong("older")).isEqualTo(1);
        assertThat(sequences(back)).isEqualTo(first);
    }

    @Test
    void afterZeroIsTheOldestPageEndingWithTheFirstEvent() {
        String id = documentRead(4);

        JsonPath oldest = page(id, Map.of("limit", 2, "after", 0));

        assertThat(oldest.getList("events.event.action")).containsExactly("document.read", "document.create");
        assertThat(oldest.getLong("older")).isZero();
        assertThat(oldest.getLong("newer")).isEqualTo(3);
    }

    @Test
    void subjectMatchesAPrefixInAnyCase() {
        String id = documentRead(1);

        JsonPath carol = page(id, Map.of("subject", "CAR"));
        JsonPath bob = page(id, Map.of("subject", "b"));
        JsonPath nobody = page(id, Map.of("subject", "arol"));

        assertThat(carol.getList("events.event.principal.subject")).containsExactly("carol");
        assertThat(bob.getList("events.event.principal.subject")).containsExactly("bob");
        assertThat(nobody.getList("events")).isEmpty();
    }

    @Test
    void likeWildcardsInTheSubjectPrefixAreTakenLiterally() {
        String id = documentRead(1);

        assertThat(page(id, Map.of("subject", "%")).getList("events")).isEmpty();
        assertThat(page(id, Map.of("subject", "_ob")).getList("events")).isEmpty();
    }

    @Test
    void actionOutcomeAndResourceFiltersCombine() {
        String id = documentRead(2);
        as("carol").delete("/api/documents/" + id).then().statusCode(403);

        JsonPath reads = page(id, Map.of("action", "document.read", "outcome", "success", "resource", "document"));
        JsonPath denied = page(id, Map.of("outcome", "DENIED"));
        JsonPath otherResource = page(id, Map.of("resource", "user"));

        assertThat(reads.getList("events.event.action")).containsExactly("document.read", "document.read");
        assertThat(denied.getList("events.event.action")).containsExactly("document.delete");
        assertThat(otherResource.getList("events")).isEmpty();
    }

    @Test
    void correlationIdFilterFindsTheEventsOfOneRequest() {
        String rid = requestId();
        String id = createDocument("bob", "Correlated", rid);

        JsonPath page = as("alice").queryParam("correlationId", rid).get("/api/audit/events").then().statusCode(200)
                .extract().jsonPath();

        assertThat(page.getList("events.event.resourceId")).containsExactly(id);
        assertThat(page.getList("events.event.correlationId")).containsExactly(rid);
    }

    @Test
    void timeRangeIncludesItsStartAndExcludesItsEnd() {
        String id = documentRead(2);
        List<Map<String, Object>> events = DemoApi.eventsOfResource(id);
        String second = (String) events.get(1).get("timestamp");
        String third = (String) events.get(2).get("timestamp");

        JsonPath range = page(id, Map.of("from", second, "to", third));
        JsonPath offset = page(id, Map.of("from", Instant.parse(second).atOffset(java.time.ZoneOffset.ofHours(2))
                .toString()));

        assertThat(range.getList("events.event.timestamp")).containsExactly(second);
        assertThat(offset.getList("events.event.timestamp")).containsExactly(third, second);
    }

    @Test
    void aTimeWithoutZoneIsRejectedWith400NamingTheParameter() {
        as("alice").queryParam("from", "2026-12-07T06:45").get("/api/audit/events").then().statusCode(400)
                .body("error", startsWith("from: '2026-12-07T06:45' is not an ISO 8601 date-time with a zone"));
    }

    @Test
    void unknownOutcomeIsRejectedWith400NamingTheParameter() {
        as("alice").queryParam("outcome", "MAYBE").get("/api/audit/events").then().statusCode(400)
                .body("error", startsWith("outcome: 'MAYBE' is not one of"));
    }

    @Test
    void pageSizeOutOfRangeIsRejectedWith400NamingTheParameter() {
        as("alice").queryParam("limit", 0).get("/api/audit/events").then().statusCode(400)
                .body("error", equalTo("limit: must be from 1 to 200, got 0"));
    }

    @Test
    void everyEventOfAPageIsCheckedAgainstItsChecksum() {
        String id = documentRead(1);

        assertThat(page(id, Map.of()).getList("events.checksumMatches", Boolean.class)).containsOnly(true);
    }

    @Test
    void searchesAndVerificationsOfTheAuditLogAreThemselvesRecorded() {
        String search = requestId();
        String verification = requestId();

        as("carol").header("X-Request-Id", search).queryParam("subject", "bo").queryParam("limit", 7)
                .get("/api/audit/events").then().statusCode(200);
        as("carol").header("X-Request-Id", verification).get("/api/audit/verify").then().statusCode(200);

        assertThat(eventsOf(search)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "audit.search").containsEntry("resource", "audit-log")
                    .containsEntry("outcome", "SUCCESS");
            assertThat(DemoApi.object(e.get("context"))).containsEntry("filter", Map.of("subject", "bo", "limit", "7"));
        });
        assertThat(eventsOf(verification)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "audit.verify").containsEntry("outcome", "SUCCESS"));
    }

    @Test
    void verifyReportsAnIntactChainCoveringEveryStoredEvent() {
        createDocument("alice", "Verified", requestId());

        JsonPath report = DemoApi.verify();

        assertThat(report.getBoolean("intact")).isTrue();
        assertThat(report.getString("logId")).isEqualTo("demo");
        assertThat(report.getList("damages")).isEmpty();
        assertThat(report.getLong("verifiedThrough")).isEqualTo(report.getLong("eventsRead"));
        assertThat(report.getLong("eventsRead")).isPositive();
    }

    @Test
    void readinessIsUpAndReportsTheChainIntact() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        Map<String, Object> airlog = health.getMap("checks.find { it.name == 'airlog' }.data");
        assertThat(airlog).containsEntry("default.chain", "intact").containsEntry("default.log-id", "demo");
    }
}
