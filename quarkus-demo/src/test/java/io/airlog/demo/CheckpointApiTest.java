package io.airlog.demo;

import static io.airlog.demo.DemoApi.as;
import static io.airlog.demo.DemoApi.createDocument;
import static io.airlog.demo.DemoApi.eventsOf;
import static io.airlog.demo.DemoApi.requestId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The signed log: {@code GET /api/audit/checkpoint} (the newest signed checkpoint and the
 * witness file), the verifier key written next to the demo's key, and a verification that uses
 * both.
 */
@QuarkusTest
class CheckpointApiTest {
    private static final Path VERIFIER_KEY = Path.of("target/test-data/verifier.key");

    /** The checkpoint state once {@code until} holds (the checkpoint interval and the witness window are 1 s each). */
    private static JsonPath checkpointWhen(Predicate<JsonPath> until) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonPath state = as("alice").get("/api/audit/checkpoint").then().statusCode(200).extract().jsonPath();
        while (!until.test(state) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            state = as("alice").get("/api/audit/checkpoint").then().statusCode(200).extract().jsonPath();
        }
        return state;
    }

    @Test
    void anEventIsCoveredByASignedCheckpointWithinTheInterval() throws Exception {
        String rid = requestId();
        createDocument("bob", "Signed", rid);
        long sequence = as("alice").queryParam("correlationId", rid).get("/api/audit/events").then().statusCode(200)
                .extract().jsonPath().getLong("events[0].sequence");

        JsonPath state = checkpointWhen(s -> s.get("checkpoint") != null && s.getLong("checkpoint.size") >= sequence);

        assertThat(state.getBoolean("signing")).isTrue();
        assertThat(state.getString("origin")).isEqualTo("airlog/demo");
        assertThat(state.getLong("checkpoint.size")).isGreaterThanOrEqualTo(sequence);
        assertThat(state.getString("checkpoint.root")).matches("[0-9a-f]{64}");
        assertThat(state.getString("checkpoint.storedAt")).isNotNull();
        assertThat(state.getList("checkpoint.keys", String.class)).singleElement().asString()
                .matches("airlog-demo\\+[0-9a-f]{8}");
        assertThat(state.getString("checkpoint.note"))
                .startsWith("airlog/demo\n" + state.getLong("checkpoint.size") + "\n").contains("\n— airlog-demo ");
    }

    @Test
    void theWitnessFileCatchesUpWithTheSignedCheckpoints() throws Exception {
        createDocument("bob", "Witnessed", requestId());

        JsonPath state = checkpointWhen(s -> s.get("checkpoint") != null && s.getBoolean("witness.exists")
                && s.getLong("witness.witnessedSize") >= s.getLong("checkpoint.size"));

        assertThat(state.getString("witness.location")).startsWith("target/test-data/witness-").endsWith("/demo.witness");
        assertThat(state.getBoolean("witness.exists")).isTrue();
        assertThat(state.getLong("witness.witnessedSize")).isPositive()
                .isGreaterThanOrEqualTo(state.getLong("checkpoint.size"));
    }

    @Test
    void theVerifierKeyIsWrittenNextToTheSigningKey() throws Exception {
        JsonPath state = checkpointWhen(s -> s.get("checkpoint") != null);

        String verifierKey = Files.readString(VERIFIER_KEY).strip();

        assertThat(verifierKey).startsWith(state.getList("checkpoint.keys", String.class).get(0) + "+");
        assertThat(Files.exists(VERIFIER_KEY.resolveSibling("signing-key.pem"))).isTrue();
    }

    @Test
    void theVerificationChecksTheSignedCheckpointsAndTheWitness() throws Exception {
        createDocument("bob", "Checked", requestId());
        checkpointWhen(s -> s.get("checkpoint") != null && s.getLong("witness.witnessedSize") > 0);

        JsonPath report = DemoApi.verify();

        assertThat(report.getBoolean("intact")).as(report.getString("summary")).isTrue();
        assertThat(report.getString("summary")).contains("signed through", "witnessed through");
    }

    @Test
    void aLookAtTheCheckpointIsRecorded() {
        String rid = requestId();

        as("carol").header("X-Request-Id", rid).get("/api/audit/checkpoint").then().statusCode(200);

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "audit.checkpoint").containsEntry("resource", "audit-log")
                .containsEntry("outcome", "SUCCESS"));
    }

    @Test
    void anAnonymousCallerGets401() {
        given().get("/api/audit/checkpoint").then().statusCode(401);
    }
}
