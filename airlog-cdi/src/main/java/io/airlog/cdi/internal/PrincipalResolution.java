package io.airlog.cdi.internal;

import io.airlog.Principal;
import io.airlog.cdi.spi.PrincipalResolver;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling: the application's {@link PrincipalResolver} beans in priority order, then
 * Quarkus' {@code SecurityIdentity} (when the application has it), then the container's
 * {@code java.security.Principal} bean, else the anonymous principal.
 */
@ApplicationScoped
public class PrincipalResolution {
    @Inject
    @Any
    Instance<PrincipalResolver> applicationResolvers;

    @Inject
    BeanManager beanManager;

    private List<PrincipalResolver> chain;

    /** For the container. */
    protected PrincipalResolution() {
    }

    @PostConstruct
    void init() {
        List<PrincipalResolver> resolvers = new ArrayList<>(Prioritised.instances(applicationResolvers));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        QuarkusIdentityResolver.find(beanManager, loader != null ? loader : getClass().getClassLoader())
                .ifPresent(resolvers::add);
        ContainerPrincipalResolver.find(beanManager).ifPresent(resolvers::add);
        chain = List.copyOf(resolvers);
    }

    /** The principal of the current call; the anonymous principal when no resolver knows it. */
    public Principal current() {
        for (PrincipalResolver resolver : chain) {
            Optional<Principal> who = resolver.resolve();
            if (who.isPresent()) {
                return who.get();
            }
        }
        return Principal.anonymous();
    }
}
