package io.airlog.cdi.internal;

import io.airlog.spi.CorrelationSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the correlation id of the current work: the current request's, if the JAX-RS filter
 * set one, else the first answer of the {@link CorrelationSource}s (found through
 * {@link ServiceLoader} and among the CDI beans, such as airlog-otel's trace id). Until the
 * filter has run once in this application, it does not look at the request scope at all (no
 * request-scope check on calls outside JAX-RS applications).
 */
@ApplicationScoped
public class CorrelationLookup {
    private static volatile boolean filterInUse;

    @Inject
    BeanManager beanManager;

    @Inject
    RequestCorrelation request;

    @Inject
    @Any
    Instance<CorrelationSource> sourceBeans;

    private List<CorrelationSource> sources;

    /** For the container. */
    protected CorrelationLookup() {
    }

    @PostConstruct
    void init() {
        List<CorrelationSource> found = new ArrayList<>(Prioritised.instances(sourceBeans));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(CorrelationSource.class, loader != null ? loader : CorrelationLookup.class.getClassLoader())
                .forEach(found::add);
        sources = List.copyOf(found);
    }

    /** Called by the request filter: from now on, requests may carry a correlation id. */
    public static void filterInUse() {
        filterInUse = true;
    }

    /** The current request's correlation id, else a source's, else null. */
    public String current() {
        String id = requestId();
        return id != null ? id : fromSources();
    }

    /** The first correlation id a {@link CorrelationSource} gives for the calling thread, or null. */
    public String fromSources() {
        for (CorrelationSource source : sources) {
            String id = source.currentCorrelationId();
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private String requestId() {
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
