package io.airlog.cdi.spi;

import io.airlog.Principal;
import java.util.Optional;

/**
 * Tells the audit interceptor who is calling. Applications provide one as a CDI bean (any
 * scope) when the container's defaults do not fit, for example to add tenant or role
 * metadata, or to map an authentication mechanism to an {@link io.airlog.AuthMethod}.
 *
 * <p>The interceptor asks, for each audited call whose {@link io.airlog.AuditContext} has no
 * principal: every application resolver, in order of {@code @jakarta.annotation.Priority}
 * on its class (lowest first; none counts as {@code 0}; ties by class name); then the
 * built-in ones: Quarkus' {@code SecurityIdentity} where present, then the container's
 * {@code java.security.Principal} bean; and uses the first answer, or the anonymous
 * principal.
 *
 * <p>Called on the thread of the audited call, on every call: keep it cheap. Must be safe for
 * concurrent use.
 */
public interface PrincipalResolver {

    /**
     * The principal of the current call.
     *
     * @return the principal, or empty when this resolver cannot tell (the next one is asked)
     */
    Optional<Principal> resolve();
}
