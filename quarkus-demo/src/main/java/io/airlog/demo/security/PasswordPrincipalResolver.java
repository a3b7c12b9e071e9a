package io.airlog.demo.security;

import io.airlog.AuthMethod;
import io.airlog.Principal;
import io.airlog.cdi.spi.PrincipalResolver;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tells airlog that a user who logged in with a password (HTTP Basic against the
 * properties-file users) authenticated with {@link AuthMethod#PASSWORD}; the principal's
 * metadata holds the user's roles. For any other identity it has no answer, and airlog's
 * built-in resolution applies.
 */
@ApplicationScoped
public class PasswordPrincipalResolver implements PrincipalResolver {
    @Inject
    SecurityIdentity identity;

    @Override
    public Optional<Principal> resolve() {
        try {
            if (identity.isAnonymous() || identity.getCredential(PasswordCredential.class) == null) {
                return Optional.empty();
            }
            return Optional.of(new Principal(identity.getPrincipal().getName(), AuthMethod.PASSWORD,
                    Map.of("roles", List.copyOf(new TreeSet<>(identity.getRoles())))));
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
