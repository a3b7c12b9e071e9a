package io.airlog.demo.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlog.demo.http.JsonBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code /api/session}: the browser's sign-in. {@code POST} with {@code {"user", "password"}}
 * checks the password, records the attempt (success or failure, never the password) and, when
 * it succeeds, sets the session cookie ({@value DemoAuthenticationMechanism#COOKIE}: HttpOnly,
 * SameSite=Strict, {@link SessionStore#LIFETIME}); a wrong user name or password is a 401 with
 * a JSON error. {@code GET} tells who is signed in (nobody: {@code "user": null}), {@code DELETE}
 * signs out (recorded). The only path under {@code /api} open to anonymous callers.
 */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    @Inject
    SignInService signIns;

    @Inject
    SessionStore sessions;

    @Inject
    SecurityAudit audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    /**
     * Who is signed in.
     *
     * @param user the user name, null when nobody is signed in
     * @param roles the user's roles, sorted
     */
    public record SessionInfo(String user, List<String> roles) {
        static SessionInfo of(SecurityIdentity identity) {
            return identity.isAnonymous() ? new SessionInfo(null, List.of())
                    : new SessionInfo(identity.getPrincipal().getName(), List.copyOf(new TreeSet<>(identity.getRoles())));
        }
    }

    /** Who is signed in (by session or Basic credentials), if anybody. Not audited: it reads no data. */
    @GET
    public SessionInfo current() {
        return SessionInfo.of(identity);
    }

    /** Signs in; 200 with the user and the session cookie, 401 for a wrong user name or password. */
    @POST
    public Response signIn(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        SecurityIdentity who = signIns.signIn(SignInRequest.fromJson(
                JsonBody.read(json, contentType, body, SignInRequest.MEMBERS)));
        String token = sessions.open(who.getPrincipal().getName());
        return Response.ok(SessionInfo.of(who)).cookie(cookie(token, (int) SessionStore.LIFETIME.toSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Signs out: ends the session, clears the cookie; 204. */
    @DELETE
    public Response signOut(@CookieParam(DemoAuthenticationMechanism.COOKIE) String token) {
        audit.signOut(sessions.close(token));
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(DemoAuthenticationMechanism.COOKIE).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
