package io.airlog.cdi.jaxrs;

import io.airlog.AuditLimits;
import io.airlog.cdi.internal.CorrelationLookup;
import io.airlog.cdi.internal.RequestCorrelation;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every JAX-RS request a correlation id, which the audit events recorded while the
 * request runs carry, and returns it to the client as {@code X-Request-Id}.
 *
 * <p>The id is, in this order: the request's {@value #REQUEST_ID} header (1 to 128 visible
 * ASCII characters, else ignored); the trace id of a valid W3C {@value #TRACEPARENT} header;
 * the id of an {@link io.airlog.spi.CorrelationSource} (airlog-otel's: the trace id of the
 * current span); a new random UUID. It is kept in the request scope (so it reaches resource methods that run
 * on another thread than the filter) and echoed in the response's {@value #REQUEST_ID}
 * header unless the application set that header itself. An id set explicitly through
 * {@link io.airlog.AuditContext} wins over it.
 *
 * <p>Registered by the JAX-RS runtime's provider scanning ({@link Provider}); register it
 * by hand where scanning is off.
 */
@Provider
@PreMatching
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** The request and response header of the correlation id. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** The W3C Trace Context header. */
    public static final String TRACEPARENT = "traceparent";
    /** The request property holding the id. */
    public static final String PROPERTY = "io.airlog.correlation-id";

    private static final Pattern TRACE = Pattern.compile(
            "([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);

    private volatile RequestCorrelation correlation;
    private volatile CorrelationLookup lookup;

    /** Created by the JAX-RS runtime. */
    public RequestIdFilter() {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String id = requestId(request.getHeaderString(REQUEST_ID));
        if (id == null) {
            id = traceId(request.getHeaderString(TRACEPARENT));
        }
        if (id == null) {
            id = lookup().fromSources();
        }
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(PROPERTY, id);
        CorrelationLookup.filterInUse();
        try {
            correlation().id(id);
        } catch (ContextNotActiveException e) {
            // no request scope here: only the response header carries the id
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null && !response.getHeaders().containsKey(REQUEST_ID)) {
            response.getHeaders().putSingle(REQUEST_ID, id);
        }
    }

    private RequestCorrelation correlation() {
        RequestCorrelation c = correlation;
        if (c == null) {
            c = CDI.current().select(RequestCorrelation.class).get();
            correlation = c;
        }
        return c;
    }

    private CorrelationLookup lookup() {
        CorrelationLookup l = lookup;
        if (l == null) {
            l = CDI.current().select(CorrelationLookup.class).get();
            lookup = l;
        }
        return l;
    }

    /** The header's value if it is usable as a correlation id, else null. */
    static String requestId(String header) {
        if (header == null) {
            return null;
        }
        String v = header.trim();
        if (v.isEmpty() || v.getBytes(StandardCharsets.UTF_8).length > AuditLimits.CORRELATION_ID) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return null;
            }
        }
        return v;
    }

    /** The trace id of a valid {@code traceparent} header, else null. */
    static String traceId(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = TRACE.matcher(header.trim());
        if (!m.matches() || m.group(1).equals("ff") || (m.group(1).equals("00") && m.group(5) != null)
                || m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_PARENT)) {
            return null;
        }
        return m.group(2);
    }
}
