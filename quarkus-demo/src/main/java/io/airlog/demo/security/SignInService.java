package io.airlog.demo.security;

import io.airlog.AuditContext;
import io.airlog.AuditException;
import io.airlog.Principal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks sign-in attempts against the application's users and records every attempt
 * ({@link SecurityAudit#signIn}): a successful one as the user who signed in, a refused or
 * unusable one as anonymous with the attempted user name. Blocking: call it from a worker
 * thread.
 */
@ApplicationScoped
public class SignInService {
    private static final Logger LOG = Logger.getLogger(SignInService.class.getName());

    @Inject
    IdentityProviderManager identities;

    @Inject
    SecurityAudit audit;

    /**
     * Checks and records a sign-in through the sign-in form.
     *
     * @return the identity of the user who signed in
     * @throws SignInRefusedException if the user name or password is wrong
     * @throws RuntimeException the request's {@linkplain SignInRequest#problem() problem}
     */
    public SecurityIdentity signIn(SignInRequest request) {
        RuntimeException refusal = request.problem();
        SecurityIdentity identity = null;
        if (refusal == null) {
            try {
                identity = identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(request.user(),
                        new PasswordCredential(request.password().toCharArray())));
            } catch (AuthenticationFailedException e) {
                refusal = new SignInRefusedException();
            } catch (RuntimeException e) {
                refusal = e;
            }
        }
        Principal who = identity == null ? Principal.anonymous() : DemoPrincipals.of(identity, DemoPrincipals.SESSION);
        try (AuditContext.Scope scope = AuditContext.scope().principal(who).open()) {
            audit.signIn(request, request.mechanism(), refusal);
        }
        return identity;
    }

    /**
     * Records HTTP Basic credentials that were refused (or could not be read), as anonymous.
     *
     * @param correlationId the request's correlation id
     */
    public void recordRefusedBasic(SignInRequest request, String correlationId) {
        RuntimeException refusal = request.problem() != null ? request.problem() : new SignInRefusedException();
        try (AuditContext.Scope scope = scope(correlationId)) {
            audit.signIn(request, request.mechanism(), refusal);
        } catch (RuntimeException expected) {
            // the audited call rethrows the refusal it recorded
            if (expected != refusal) {
                throw expected;
            }
            warnIfNotRecorded(expected);
        }
    }

    /**
     * Records a request that needed a signed-in user and had none, as anonymous (DENIED).
     *
     * @param request the method and path as sent
     * @param correlationId the request's correlation id
     */
    public void recordRefusedRequest(String request, String correlationId) {
        try (AuditContext.Scope scope = scope(correlationId)) {
            audit.refused(request, "not signed in");
        } catch (AccessDeniedException expected) {
            warnIfNotRecorded(expected);
        }
    }

    /**
     * The audit interceptor attaches a failure to record (airlog.on-write-failure=fail) to the
     * exception the call threw; the refused request still gets its 401, so say it here.
     */
    private static void warnIfNotRecorded(RuntimeException thrown) {
        for (Throwable suppressed : thrown.getSuppressed()) {
            if (suppressed instanceof AuditException) {
                LOG.log(Level.SEVERE, "a refused request could not be recorded: " + suppressed.getMessage(), suppressed);
            }
        }
    }

    private static AuditContext.Scope scope(String correlationId) {
        return AuditContext.scope().principal(Principal.anonymous()).correlationId(correlationId).open();
    }
}
