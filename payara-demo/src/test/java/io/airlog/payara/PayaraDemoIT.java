package io.airlog.payara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo WAR on a real Payara Micro: the airlog interceptor fires on Weld, records the
 * outcome, the container's principal and the request id of each audited call, and the stored
 * chain verifies when read back over HTTP.
 */
class PayaraDemoIT {
    private static PayaraMicro server;
    private static DemoClient client;
    private static Duration startup;

    @BeforeAll
    static void startPayaraMicro() throws IOException {
        Path db = Files.createTempDirectory(Files.createDirectories(
                Path.of(System.getProperty("payara.work.dir"))), "demo-db-");
        server = PayaraMicro.launch("demo", db);
        client = new DemoClient(server);
        startup = server.awaitApplication();
    }

    @AfterAll
    static void stopPayaraMicro() {
        if (server == null) {
            return;
        }
        try {
            if (startup != null) {
                long[] resident = server.residentKiB();
                System.out.printf("Payara Micro (pid %d): application answered %.1f s after launch;"
                                + " resident memory %d MiB (peak %d MiB)%n", server.pid(), startup.toMillis() / 1000.0,
                        resident[0] / 1024, resident[1] / 1024);
            }
        } finally {
            server.close();
        }
    }

    @Test
    void successfulCallIsRecordedWithTheCallersPrincipalAndRequestId() {
        HttpResponse<String> opened = client.call("PUT", "/api/accounts/s-1?balance=100", "alice", "request-s-1");

        assertThat(opened.statusCode()).isEqualTo(200);
        List<AuditEvent> events = client.eventsOf("s-1");
        assertThat(events).hasSize(1);
        AuditEvent open = events.get(0);
        assertThat(open.action()).isEqualTo("account.open");
        assertThat(open.resource()).isEqualTo("account");
        assertThat(open.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(open.principal().subject()).isEqualTo("alice");
        assertThat(open.principal().authMethod()).isNotEqualTo(AuthMethod.NONE);
        assertThat(open.correlationId()).isEqualTo("request-s-1");
        assertThat(open.context()).containsEntry("balance", 100L).containsKey("durationNanos");
        assertThat(open.verify()).isTrue();
    }

    @Test
    void applicationExceptionIsRecordedAsFailure() {
        client.call("PUT", "/api/accounts/f-1?balance=100", "alice");

        HttpResponse<String> refused = client.call("POST", "/api/accounts/f-1/withdrawals?amount=500", "alice");

        assertThat(refused.statusCode()).isEqualTo(409);
        List<AuditEvent> events = client.eventsOf("f-1");
        assertThat(events).extracting(AuditEvent::action).containsExactly("account.open", "account.withdraw");
        AuditEvent withdraw = events.get(1);
        assertThat(withdraw.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(withdraw.context()).containsEntry("amount", 500L)
                .containsEntry("exception", InsufficientFundsException.class.getName());
    }

    @Test
    void securityExceptionIsRecordedAsDenied() {
        client.call("PUT", "/api/accounts/d-1?balance=100", "alice");

        HttpResponse<String> denied = client.call("DELETE", "/api/accounts/d-1", "alice");
        HttpResponse<String> closed = client.call("DELETE", "/api/accounts/d-1", "bob");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(closed.statusCode()).isEqualTo(204);
        List<AuditEvent> events = client.eventsOf("d-1");
        assertThat(events).extracting(AuditEvent::action, AuditEvent::outcome, e -> e.principal().subject())
                .containsExactly(
                        tuple("account.open", Outcome.SUCCESS, "alice"),
                        tuple("account.close", Outcome.DENIED, "alice"),
                        tuple("account.close", Outcome.SUCCESS, "bob"));
        assertThat(events.get(1).context()).containsEntry("exception", SecurityException.class.getName());
    }

    @Test
    void storedChainVerifiesWhenReadBackOverHttp() {
        client.call("PUT", "/api/accounts/v-1?balance=10", "alice");
        client.call("POST", "/api/accounts/v-1/withdrawals?amount=20", "alice");
        client.call("DELETE", "/api/accounts/v-1", "alice");

        List<AuditEvent> events = client.allEvents();
        Map<String, Object> report = client.verification();

        assertThat(events).allSatisfy(e -> assertThat(e.verify()).isTrue());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).follows(events.get(i - 1))).as("event %d follows %d", i + 1, i).isTrue();
        }
        // the search that read the events is recorded after it: one more event than it returned
        assertThat(report).containsEntry("intact", true).containsEntry("damages", List.of())
                .containsEntry("eventsRead", (long) events.size() + 1);
        assertThat(report.get("summary")).asString().contains("intact");
    }

    /** The one event recorded under {@code requestId}. */
    private static AuditEvent eventOf(String requestId) {
        List<AuditEvent> events = client.eventsOfRequest(requestId);
        assertThat(events).as("events of request %s", requestId).hasSize(1);
        return events.get(0);
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(DemoClient.object(response.body())).containsEntry("error", error);
    }

    @Test
    void aBadNumberIsA400WithAJsonErrorRecordedAsFailureWithTheValueAsSent() {
        HttpResponse<String> refused = client.call("PUT", "/api/accounts/n-1?balance=ten", "alice", "request-n-1");

        assertJsonError(refused, 400, "balance: a whole number, got 'ten'");
        AuditEvent e = eventOf("request-n-1");
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.principal().subject()).isEqualTo("alice");
        assertThat(e.context()).containsEntry("balance", "ten")
                .containsEntry("exception", "jakarta.ws.rs.BadRequestException");
    }

    @Test
    void aRightToLeftOverrideInAnAccountIdIsA400RecordedWithTheIdShownSafely() {
        HttpResponse<String> refused = client.call("PUT", "/api/accounts/x%E2%80%AEy?balance=1", "alice",
                "request-rlo");

        assertJsonError(refused, 400, "id: 1 to 64 letters, digits, '.', '_' or '-', got 'x?y'");
        AuditEvent e = eventOf("request-rlo");
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.resourceId()).isEqualTo("x?y");
    }

    @Test
    void aNulInAPathIsRefusedByPayaraBeforeTheApplicationAndRecordsNothing() {
        HttpResponse<String> refused = client.call("PUT", "/api/accounts/x%00y?balance=1", "alice", "request-nul");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(client.eventsOfRequest("request-nul")).isEmpty();
    }

    @Test
    void aWrongPasswordIsA401WithAJsonErrorRecordedAsAFailedSignInWithoutThePassword() {
        HttpResponse<String> refused = client.callWithPassword("PUT", "/api/accounts/w-1?balance=1", "alice",
                "guess-pw", "request-wrong");

        assertJsonError(refused, 401, "not signed in or wrong user name or password (HTTP Basic)");
        AuditEvent e = eventOf("request-wrong");
        assertThat(e.action()).isEqualTo("user.sign-in");
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.principal().isAnonymous()).isTrue();
        assertThat(e.context()).containsEntry("user", "alice").containsEntry("mechanism", "basic");
        assertThat(e.toString()).doesNotContain("guess-pw");
    }

    @Test
    void anEmailAddressTypedAsUserNameIsRecordedRedacted() {
        client.callWithPassword("PUT", "/api/accounts/r-1?balance=1", "ann@example.com", "x", "request-redact");

        assertThat(eventOf("request-redact").context()).containsEntry("user", "[REDACTED]");
    }

    @Test
    void anAnonymousRequestIsA401RecordedAsRefused() {
        HttpResponse<String> refused = client.call("GET", "/api/audit/events", null, "request-anonymous");

        assertJsonError(refused, 401, "not signed in or wrong user name or password (HTTP Basic)");
        AuditEvent e = eventOf("request-anonymous");
        assertThat(e.action()).isEqualTo("request.refused");
        assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(e.resourceId()).isEqualTo("GET /payara-demo/api/audit/events");
        assertThat(e.principal().isAnonymous()).isTrue();
    }

    @Test
    void aMissingRoleIsA403RecordedAsRefusedForTheCaller() {
        HttpResponse<String> refused = client.call("PUT", "/api/accounts/c-1?balance=1", "carol", "request-role");

        assertJsonError(refused, 403, "your roles do not allow this");
        AuditEvent e = eventOf("request-role");
        assertThat(e.action()).isEqualTo("request.refused");
        assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(e.principal().subject()).isEqualTo("carol");
    }

    @Test
    void anUnknownPathIsA404WithAJsonError() {
        assertJsonError(client.call("GET", "/api/nothing-here", "alice"), 404, "not found");
    }

    @Test
    void readingTheAuditLogIsItselfRecorded() {
        client.call("GET", "/api/audit/events?resourceId=nothing-1", "carol", "request-search");

        AuditEvent e = eventOf("request-search");
        assertThat(e.action()).isEqualTo("audit.search");
        assertThat(e.principal().subject()).isEqualTo("carol");
        assertThat(e.context()).containsEntry("resourceId", "nothing-1");
    }

    @Test
    void readinessCheckReportsTheJdbcStreamUpAndItsChainIntact() {
        HttpResponse<String> ready = client.serverGet("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\":\"airlog\"", "\"default.backend\":\"jdbc\"",
                "\"default.log-id\":\"payara-demo\"", "\"default.chain\":\"intact\"");
        assertThat(DemoClient.object(ready.body())).containsEntry("status", "UP");
    }
}
