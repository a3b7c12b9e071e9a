package io.airlog.demo.security;

import io.airlog.demo.http.ErrorResponses;
import io.airlog.demo.http.InputText;
import io.airlog.demo.http.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * How requests are authenticated: by the session cookie {@value #COOKIE} that the sign-in form
 * gets ({@link SessionResource}), or by HTTP Basic credentials on the request (for
 * {@code curl} and other API clients). Every other request is anonymous.
 *
 * <p>The challenge of a request that needs a signed-in user is a 401 with a JSON body
 * {@code {"error": ...}} and no {@code WWW-Authenticate} header, so a browser never shows its
 * own sign-in dialog. Refused Basic credentials are recorded as a failed sign-in (with the
 * attempted user name), and a request that came without any as a refused request
 * ({@link SecurityAudit}); both are recorded on a worker thread, never on the I/O thread.
 */
@ApplicationScoped
public class DemoAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** The session cookie. */
    public static final String COOKIE = "airlog-demo-session";

    private static final String BASIC = "basic ";
    private static final String RECORDED = "airlog-demo.refusal-recorded";
    private static final String CORRELATION = "airlog-demo.correlation-id";

    @Inject
    SessionStore sessions;

    @Inject
    SignInService signIns;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return basic(context, identities, authorization.substring(BASIC.length()).strip());
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        String user = cookie == null ? null : sessions.user(cookie.getValue()).orElse(null);
        if (user == null) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new TrustedAuthenticationRequest(user), context);
        return identities.authenticate(request).map(i -> DemoPrincipals.tagged(i, DemoPrincipals.SESSION));
    }

    private Uni<SecurityIdentity> basic(RoutingContext context, IdentityProviderManager identities, String encoded) {
        String[] credentials = decode(encoded);
        SignInRequest attempt = credentials == null ? SignInRequest.basic(null, null)
                : SignInRequest.basic(credentials[0], credentials[1]);
        if (attempt.problem() != null) {
            return refused(context, attempt).chain(() -> Uni.createFrom().failure(
                    new AuthenticationFailedException(attempt.problem().getMessage())));
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new UsernamePasswordAuthenticationRequest(credentials[0],
                        new PasswordCredential(credentials[1].toCharArray())), context);
        return identities.authenticate(request)
                .map(i -> DemoPrincipals.tagged(i, DemoPrincipals.BASIC))
                .onFailure(AuthenticationFailedException.class).call(() -> refused(context, attempt));
    }

    /** {@code [user, password]} of Basic credentials, or null if they are not {@code base64(user:password)}. */
    private static String[] decode(String encoded) {
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Uni<Void> refused(RoutingContext context, SignInRequest attempt) {
        context.put(RECORDED, Boolean.TRUE);
        String correlation = correlation(context);
        return Uni.createFrom().item(() -> {
            signIns.recordRefusedBasic(attempt, correlation);
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The correlation id of a request refused here, before airlog's request filter runs: its
     * usable {@code X-Request-Id}, else a new UUID (as the filter does); the same for the event
     * and the response.
     */
    private static String correlation(RoutingContext context) {
        String id = context.get(CORRELATION);
        if (id == null) {
            String usable = RequestIds.usable(context.request().getHeader(RequestIds.HEADER));
            id = usable != null ? usable : UUID.randomUUID().toString();
            context.put(CORRELATION, id);
        }
        return id;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    /**
     * Answers 401 with a JSON body (and the request's usable {@code X-Request-Id}), after
     * recording the refused request unless its refused credentials were recorded already.
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        boolean credentialsRefused = Boolean.TRUE.equals(context.get(RECORDED));
        String correlation = correlation(context);
        Uni<Void> record = credentialsRefused ? Uni.createFrom().voidItem() : Uni.createFrom().item(() -> {
            signIns.recordRefusedRequest(context.request().method().name() + " "
                    + InputText.shown(context.request().path()), correlation);
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return record.map(ignored -> {
            HttpServerResponse response = context.response();
            if (!response.ended()) {
                response.setStatusCode(401).putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store").putHeader(RequestIds.HEADER, correlation)
                        .end(new JsonObject().put("error", credentialsRefused ? ErrorResponses.WRONG_CREDENTIALS
                        : ErrorResponses.NOT_SIGNED_IN).encode());
            }
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, TrustedAuthenticationRequest.class);
    }
}
