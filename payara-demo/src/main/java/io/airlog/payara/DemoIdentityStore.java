package io.airlog.payara;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;

/**
 * The demo's users, checked by HTTP basic authentication (Jakarta Security, built into
 * Payara): the caller becomes the container's principal, which airlog records.
 *
 * <p>Demo users only; a real application uses a database, LDAP or OpenID Connect identity
 * store, or a Payara realm. Passwords are the user names followed by {@code -pw}.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "airlog-demo")
@DeclareRoles({DemoIdentityStore.CLERK, DemoIdentityStore.MANAGER, DemoIdentityStore.AUDITOR})
public class DemoIdentityStore implements IdentityStore {
    /** Opens accounts and withdraws. */
    public static final String CLERK = "clerk";
    /** May also close accounts. */
    public static final String MANAGER = "manager";
    /** Reads the audit log and its verification. */
    public static final String AUDITOR = "auditor";

    private static final Map<String, Set<String>> USERS = Map.of(
            "alice", Set.of(CLERK),
            "bob", Set.of(CLERK, MANAGER),
            "carol", Set.of(AUDITOR));

    @Inject
    Refusals refusals;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login) {
            Set<String> roles = USERS.get(login.getCaller());
            if (roles != null && login.compareTo(login.getCaller(), login.getCaller() + "-pw")) {
                return new CredentialValidationResult(login.getCaller(), roles);
            }
            refusals.signIn(login.getCaller(), request.getHeader("X-Request-Id"));
            request.setAttribute(Refusals.SIGN_IN_RECORDED, Boolean.TRUE);
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
