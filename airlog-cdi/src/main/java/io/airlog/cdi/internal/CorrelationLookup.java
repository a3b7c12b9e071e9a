package io.airlog.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Finds the correlation id of the current request, if the JAX-RS filter set one. Until the
 * filter has run once in this application, it does not look at all (no request-scope check
 * on calls outside JAX-RS applications).
 */
@ApplicationScoped
public class CorrelationLookup {
    private static volatile boolean filterInUse;

    @Inject
    BeanManager beanManager;

    @Inject
    RequestCorrelation request;

    /** For the container. */
    protected CorrelationLookup() {
    }

    /** Called by the request filter: from now on, requests may carry a correlation id. */
    public static void filterInUse() {
        filterInUse = true;
    }

    /** The current request's correlation id, or null (no request, or no id set). */
    public String current() {
        if (!filterInUse) {
            return null;
        }
        try {
            if (!beanManager.getContext(RequestScoped.class).isActive()) {
                return null;
            }
        } catch (ContextNotActiveException e) {
            return null;
        }
        return request.id();
    }
}
