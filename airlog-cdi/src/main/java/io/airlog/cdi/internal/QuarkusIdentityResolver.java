package io.airlog.cdi.internal;

import io.airlog.AuthMethod;
import io.airlog.Principal;
import io.airlog.cdi.spi.PrincipalResolver;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Quarkus' {@code io.quarkus.security.identity.SecurityIdentity}, found by type name through
 * CDI and read reflectively, so airlog-cdi has no dependency on Quarkus. An anonymous
 * identity is the anonymous principal; otherwise the subject is the identity's principal
 * name, its roles (sorted) go into the principal's metadata as {@code roles}, and the
 * authentication method is {@link AuthMethod#JWT} for a MicroProfile JWT, else
 * {@link AuthMethod#OTHER}.
 */
final class QuarkusIdentityResolver implements PrincipalResolver {
    static final String TYPE = "io.quarkus.security.identity.SecurityIdentity";

    private final Object identity;
    private final Method isAnonymous;
    private final Method getPrincipal;
    private final Method getRoles;

    private QuarkusIdentityResolver(Object identity, Method isAnonymous, Method getPrincipal, Method getRoles) {
        this.identity = identity;
        this.isAnonymous = isAnonymous;
        this.getPrincipal = getPrincipal;
        this.getRoles = getRoles;
    }

    static Optional<PrincipalResolver> find(BeanManager beanManager, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(TYPE, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        Set<Bean<?>> beans = beanManager.getBeans(type);
        if (beans.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean = beanManager.resolve(beans);
        Object reference = beanManager.getReference(bean, type, beanManager.createCreationalContext(bean));
        try {
            return Optional.of(new QuarkusIdentityResolver(reference, type.getMethod("isAnonymous"),
                    type.getMethod("getPrincipal"), type.getMethod("getRoles")));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(TYPE + " does not have the expected methods: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Principal> resolve() {
        try {
            if ((Boolean) isAnonymous.invoke(identity)) {
                return Optional.of(Principal.anonymous());
            }
            java.security.Principal p = (java.security.Principal) getPrincipal.invoke(identity);
            if (p == null || p.getName() == null || p.getName().isBlank()) {
                return Optional.of(Principal.anonymous());
            }
            Collection<?> roles = (Collection<?>) getRoles.invoke(identity);
            Map<String, Object> metadata = roles == null || roles.isEmpty() ? Map.of()
                    : Map.of("roles", List.copyOf(new TreeSet<>(roles.stream().map(String::valueOf).toList())));
            AuthMethod method = ContainerPrincipalResolver.isJsonWebToken(p.getClass()) ? AuthMethod.JWT
                    : AuthMethod.OTHER;
            return Optional.of(new Principal(p.getName(), method, metadata));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ContextNotActiveException) {
                return Optional.empty();
            }
            throw new IllegalStateException("reading the Quarkus SecurityIdentity failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the Quarkus SecurityIdentity: " + e.getMessage(), e);
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
