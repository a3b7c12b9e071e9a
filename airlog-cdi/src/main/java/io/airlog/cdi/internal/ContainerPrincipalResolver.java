package io.airlog.cdi.internal;

import io.airlog.AuthMethod;
import io.airlog.Principal;
import io.airlog.cdi.spi.PrincipalResolver;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;
import java.util.Set;

/**
 * The container's {@code java.security.Principal} bean (Jakarta EE containers such as Payara
 * provide one). A principal without a name, or GlassFish's default caller {@code ANONYMOUS},
 * is the anonymous principal. A MicroProfile JWT ({@code JsonWebToken}) gives
 * {@link AuthMethod#JWT}; any other principal {@link AuthMethod#OTHER}.
 */
final class ContainerPrincipalResolver implements PrincipalResolver {
    /** The name GlassFish and Payara give an unauthenticated caller. */
    static final String GLASSFISH_ANONYMOUS = "ANONYMOUS";
    private static final String JSON_WEB_TOKEN = "org.eclipse.microprofile.jwt.JsonWebToken";

    private final BeanManager beanManager;
    private final Bean<?> bean;

    private ContainerPrincipalResolver(BeanManager beanManager, Bean<?> bean) {
        this.beanManager = beanManager;
        this.bean = bean;
    }

    static Optional<PrincipalResolver> find(BeanManager beanManager) {
        Set<Bean<?>> beans = beanManager.getBeans(java.security.Principal.class);
        if (beans.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContainerPrincipalResolver(beanManager, beanManager.resolve(beans)));
    }

    @Override
    public Optional<Principal> resolve() {
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        try {
            java.security.Principal p = (java.security.Principal) beanManager.getReference(bean,
                    java.security.Principal.class, context);
            String name = p == null ? null : p.getName();
            if (name == null || name.isBlank() || name.equals(GLASSFISH_ANONYMOUS)) {
                return Optional.of(Principal.anonymous());
            }
            return Optional.of(Principal.of(name, isJsonWebToken(p.getClass()) ? AuthMethod.JWT : AuthMethod.OTHER));
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        } finally {
            context.release();
        }
    }

    static boolean isJsonWebToken(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(JSON_WEB_TOKEN) || isJsonWebToken(i)) {
                    return true;
                }
            }
        }
        return false;
    }
}
