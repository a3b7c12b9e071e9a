package io.airlog.demo.security;

import io.airlog.Principal;
import io.airlog.cdi.spi.PrincipalResolver;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Tells airlog who the caller of an audited method is: for a user who came in through
 * {@link DemoAuthenticationMechanism} (a session or HTTP Basic), the principal of
 * {@link DemoPrincipals}. For any other identity it has no answer, and airlog's built-in
 * resolution applies.
 */
@ApplicationScoped
public class PasswordPrincipalResolver implements PrincipalResolver {
    @Inject
    SecurityIdentity identity;

    @Override
    public Optional<Principal> resolve() {
        try {
            String via = identity.isAnonymous() ? null : identity.getAttribute(DemoPrincipals.VIA);
            return via == null ? Optional.empty() : Optional.of(DemoPrincipals.of(identity, via));
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
