package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.requestId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit API: filters, paging, verification, readiness. */
@QuarkusTest
class AuditApiTest {

    @Test
    void filtersCombineAndPagesFollowEachOther() {
        String id = createDocument("bob", "Paged", requestId());
        for (int i = 0; i < 3; i++) {
            as("carol").get("/api/documents/" + id).then().statusCode(200);
        }

        JsonPath first = readsOf(id, 0);
        JsonPath second = readsOf(id, 2);

        assertThat(first.getList("events.action")).containsExactly("document.read", "document.read");
        assertThat(first.getBoolean("hasMore")).isTrue();
        assertThat(second.getList("events")).hasSize(1);
        assertThat(second.getBoolean("hasMore")).isFalse();
        List<Long> sequences = List.of(first.getLong("events[0].sequence"), first.getLong("events[1].sequence"),
                second.getLong("events[0].sequence"));
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }

    private static JsonPath readsOf(String id, int offset) {
        return as("carol").queryParam("resourceId", id).queryParam("action", "document.read")
                .queryParam("subject", "carol").queryParam("outcome", "success").queryParam("offset", offset)
                .queryParam("limit", 2).get("/api/audit/events").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void unknownOutcomeIsRejectedWith400NamingTheParameter() {
        as("alice").queryParam("outcome", "MAYBE").get("/api/audit/events").then().statusCode(400)
                .body("error", startsWith("outcome: 'MAYBE' is not one of"));
    }

    @Test
    void pageSizeOutOfRangeIsRejectedWith400NamingTheParameter() {
        as("alice").queryParam("limit", 0).get("/api/audit/events").then().statusCode(400)
                .body("error", equalTo("limit: must be between 1 and 1000, got 0"));
    }

    @Test
    void verifyReportsAnIntactChainCoveringEveryStoredEvent() {
        createDocument("alice", "Verified", requestId());

        JsonPath report = DemoApi.verify();
        long head = as("alice").get("/api/audit/events?limit=1").then().extract().jsonPath().getLong("head.size");

        assertThat(report.getBoolean("intact")).isTrue();
        assertThat(report.getString("logId")).isEqualTo("demo");
        assertThat(report.getList("damages")).isEmpty();
        assertThat(report.getLong("eventsRead")).isEqualTo(head);
        assertThat(report.getLong("verifiedThrough")).isEqualTo(head);
    }

    @Test
    void readinessIsUpAndReportsTheChainIntact() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        Map<String, Object> airlog = health.getMap("checks.find { it.name == 'airlog' }.data");
        assertThat(airlog).containsEntry("default.chain", "intact").containsEntry("default.log-id", "demo");
    }
}
