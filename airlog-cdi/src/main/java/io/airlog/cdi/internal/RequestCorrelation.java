package io.airlog.cdi.internal;

import jakarta.enterprise.context.RequestScoped;

/**
 * The correlation id of the current request, set by the JAX-RS request filter
 * ({@code io.airlog.cdi.jaxrs.RequestIdFilter}) and read by the interceptor through
 * {@link CorrelationLookup}. Request-scoped rather than thread-bound, because a request may
 * run its filters and its resource method on different threads.
 */
@RequestScoped
public class RequestCorrelation {
    private String id;

    /** For the container. */
    public RequestCorrelation() {
    }

    /** The correlation id of this request, or null if none was set. */
    public String id() {
        return id;
    }

    /** Sets the correlation id of this request. */
    public void id(String correlationId) {
        this.id = correlationId;
    }
}
