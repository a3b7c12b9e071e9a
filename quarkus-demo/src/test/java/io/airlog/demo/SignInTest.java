package io.airlog.demo;

import static io.airlog.demo.DemoApi.eventsOf;
import static io.airlog.demo.DemoApi.requestId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and sign-out: the session cookie, the JSON 401 without a Basic challenge, and the
 * audit event of every attempt (success as the user, failure as anonymous with the attempted
 * user name, never the password).
 */
@QuarkusTest
class SignInTest {
    private static final String COOKIE = "airlog-demo-session";

    private static Response signIn(String rid, Object body) {
        return given().header("X-Request-Id", rid).contentType(ContentType.JSON).body(body).post("/api/session");
    }

    @Test
    void aRightPasswordOpensAnHttpOnlySessionThatAuthenticatesLaterCalls() {
        Response signedIn = signIn(requestId(), Map.of("user", "bob", "password", "bob"));

        signedIn.then().statusCode(200).body("user", equalTo("bob"));
        String cookie = signedIn.getCookie(COOKIE);
        assertThat(signedIn.getDetailedCookie(COOKIE).isHttpOnly()).isTrue();
        assertThat(signedIn.getHeader("Set-Cookie")).contains("SameSite=Strict");
        given().cookie(COOKIE, cookie).get("/api/session").then().statusCode(200).body("user", equalTo("bob"));
        given().cookie(COOKIE, cookie).get("/api/documents").then().statusCode(200);
    }

    @Test
    void aSuccessfulSignInIsRecordedAsTheUserWhoSignedIn() {
        String rid = requestId();

        signIn(rid, Map.of("user", "carol", "password", "carol")).then().statusCode(200);

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "user.sign-in").containsEntry("resource", "user")
                    .containsEntry("outcome", "SUCCESS");
            assertThat(e.get("principal")).isEqualTo(Map.of("subject", "carol", "authMethod", "PASSWORD",
                    "metadata", Map.of("roles", List.of("viewer"), "via", "session")));
            assertThat(DemoApi.object(e.get("context"))).containsEntry("user", "carol")
                    .containsEntry("mechanism", "form").doesNotContainKey("password");
        });
    }

    @Test
    void aWrongPasswordIsA401WithAJsonErrorAndNoBasicChallenge() {
        Response refused = signIn(requestId(), Map.of("user", "carol", "password", "wrong"));

        refused.then().statusCode(401).contentType(ContentType.JSON).body("error", equalTo("wrong user name or password"));
        assertThat(refused.getHeader("WWW-Authenticate")).isNull();
        assertThat(refused.getCookie(COOKIE)).isNull();
    }

    @Test
    void aFailedSignInIsRecordedAsAnonymousWithTheAttemptedUserNameAndNeverThePassword() {
        String rid = requestId();

        signIn(rid, Map.of("user", "mallory", "password", "s3cret-guess")).then().statusCode(401);

        assertThat(eventsOf(rid)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "user.sign-in").containsEntry("outcome", "FAILURE");
            assertThat(DemoApi.object(e.get("principal"))).containsEntry("subject", "anonymous");
            assertThat(DemoApi.object(e.get("context"))).containsEntry("user", "mallory")
                    .containsEntry("exception", "io.airlog.demo.security.SignInRefusedException");
            assertThat(e.toString()).doesNotContain("s3cret-guess");
        });
    }

    @Test
    void refusedBasicCredentialsAreA401RecordedAsAFailedSignIn() {
        String rid = requestId();

        Response refused = given().auth().preemptive().basic("alice", "guess").header("X-Request-Id", rid)
                .get("/api/documents");

        refused.then().statusCode(401).body("error", equalTo("wrong user name or password"));
        assertThat(refused.getHeader("WWW-Authenticate")).isNull();
        assertThat(eventsOf(rid)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "user.sign-in").containsEntry("outcome", "FAILURE");
            assertThat(DemoApi.object(e.get("context"))).containsEntry("user", "alice")
                    .containsEntry("mechanism", "basic");
        });
    }

    @Test
    void anAnonymousRequestIsA401WithAJsonErrorRecordedAsRefused() {
        String rid = requestId();

        Response refused = given().header("X-Request-Id", rid).get("/api/documents");

        refused.then().statusCode(401).body("error", equalTo(
                "not signed in: sign in (POST /api/session) or send HTTP Basic credentials"));
        assertThat(refused.getHeader("WWW-Authenticate")).isNull();
        assertThat(refused.getHeader("X-Request-Id")).isEqualTo(rid);
        assertThat(eventsOf(rid)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "request.refused").containsEntry("resource", "http")
                    .containsEntry("resourceId", "GET /api/documents").containsEntry("outcome", "DENIED");
            assertThat(DemoApi.object(e.get("principal"))).containsEntry("subject", "anonymous");
        });
    }

    @Test
    void nobodyIsSignedInWithoutASession() {
        given().get("/api/session").then().statusCode(200).body("user", nullValue());
    }

    @Test
    void signOutEndsTheSessionAndIsRecorded() {
        String cookie = signIn(requestId(), Map.of("user", "bob", "password", "bob")).getCookie(COOKIE);
        String rid = requestId();

        Response out = given().cookie(COOKIE, cookie).header("X-Request-Id", rid).delete("/api/session");

        out.then().statusCode(204);
        assertThat(out.getDetailedCookie(COOKIE).getMaxAge()).isZero();
        given().cookie(COOKIE, cookie).get("/api/documents").then().statusCode(401);
        assertThat(eventsOf(rid)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "user.sign-out").containsEntry("outcome", "SUCCESS");
            assertThat(DemoApi.object(e.get("principal"))).containsEntry("subject", "bob");
            assertThat(DemoApi.object(e.get("context"))).containsEntry("session", true);
        });
    }

    @Test
    void anUnknownSessionTokenIsAnonymous() {
        given().cookie(COOKIE, "not-a-session").get("/api/session").then().statusCode(200).body("user", nullValue());
        given().cookie(COOKIE, "not-a-session").get("/api/documents").then().statusCode(401);
    }
}
