package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.requestId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** airlog's meters at /q/metrics (Prometheus format), moving with the audited calls this test makes. */
@QuarkusTest
class MetricsTest {

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the sample {@code name} whose labels include all of {@code labels}, 0 when it is not there yet. */
    private static double sample(String metrics, String name, String... labels) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void auditedCallsMoveTheEventCountersByOutcome() {
        String before = metrics();
        createDocument("alice", "Metrics", requestId());
        createDocument("bob", "Metrics 2", requestId());
        as("carol").delete("/api/documents/" + createDocument("alice", "Kept", requestId())).then().statusCode(403);
        String after = metrics();

        String stream = "stream=\"default\"";
        String success = "outcome=\"SUCCESS\"";
        String denied = "outcome=\"DENIED\"";
        assertThat(sample(after, "airlog_events_total", stream, success)
                - sample(before, "airlog_events_total", stream, success)).isGreaterThanOrEqualTo(3);
        assertThat(sample(after, "airlog_events_total", stream, denied)
                - sample(before, "airlog_events_total", stream, denied)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void writeLatencyIsTimedWithPercentiles() {
        createDocument("alice", "Timed", requestId());
        String metrics = metrics();

        assertThat(sample(metrics, "airlog_write_seconds_count", "stream=\"default\"")).isPositive();
        assertThat(sample(metrics, "airlog_write_seconds", "stream=\"default\"", "quantile=\"0.99\"")).isPositive();
    }

    @Test
    void theJdbcStreamsQueueBatchesAndStartupCheckAreExposed() {
        createDocument("alice", "Batched", requestId());
        String metrics = metrics();

        assertThat(metrics).contains("airlog_queue_depth{stream=\"default\"}");
        assertThat(sample(metrics, "airlog_batches_total", "stream=\"default\"")).isPositive();
        assertThat(sample(metrics, "airlog_batch_size_max", "stream=\"default\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "airlog_verification_result", "stream=\"default\"")).isEqualTo(1);
        assertThat(metrics).contains("airlog_verification_age_seconds{stream=\"default\"}");
    }
}
