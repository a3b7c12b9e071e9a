package io.airlog.payara;

import io.airlog.AuditContext;
import io.airlog.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records what the container refuses ({@link SecurityAudit}) under the request's correlation id
 * (its {@code X-Request-Id} when it is 1 to 128 visible ASCII characters, as airlog's request
 * filter takes it; else the interceptor makes one), since these requests never reach the
 * JAX-RS filter.
 */
@ApplicationScoped
public class Refusals {
    /** The request attribute that marks a request whose refused sign-in was recorded. */
    static final String SIGN_IN_RECORDED = "io.airlog.payara.sign-in-recorded";

    @Inject
    SecurityAudit audit;

    /** Records a refused sign-in as anonymous. */
    void signIn(String user, String requestId) {
        try (AuditContext.Scope scope = scope(requestId).principal(Principal.anonymous()).open()) {
            audit.signInRefused(new Raw(user), "basic");
        } catch (SecurityAudit.SignInRefused expected) {
            // recorded as FAILURE
        }
    }

    /** Records a refused request (401: nobody signed in, 403: a role missing) as its caller. */
    void request(String request, int status, String requestId) {
        try (AuditContext.Scope scope = scope(requestId).open()) {
            audit.refused(request, status == 401 ? "not signed in" : "role missing");
        } catch (SecurityAudit.Refused expected) {
            // recorded as DENIED
        }
    }

    private static AuditContext.ScopeBuilder scope(String requestId) {
        AuditContext.ScopeBuilder scope = AuditContext.scope();
        String id = requestId == null ? null : requestId.strip();
        if (id != null && !id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            scope.correlationId(id);
        }
        return scope;
    }
}
