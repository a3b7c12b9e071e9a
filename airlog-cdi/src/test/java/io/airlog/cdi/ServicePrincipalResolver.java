package io.airlog.cdi;

import io.airlog.AuthMethod;
import io.airlog.Principal;
import io.airlog.cdi.spi.PrincipalResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** An application resolver: knows only calls made while {@link #enabled} is set. */
@ApplicationScoped
public class ServicePrincipalResolver implements PrincipalResolver {
    private volatile boolean enabled;

    void enable() {
        enabled = true;
    }

    @Override
    public Optional<Principal> resolve() {
        return enabled ? Optional.of(new Principal("batch-job", AuthMethod.SYSTEM, Map.of("tenant", "acme")))
                : Optional.empty();
    }
}
