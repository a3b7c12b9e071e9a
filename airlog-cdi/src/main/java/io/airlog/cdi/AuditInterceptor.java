package io.airlog.cdi;

import io.airlog.cdi.internal.AuditRecorder;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * The logic of the {@link AuditLog} interceptors. Every concrete subclass is an interceptor
 * with its own {@code @Priority}; of all of them, only the one whose priority equals
 * {@code airlog.interceptor.priority} records events, the others pass calls through. airlog
 * ships two: {@link OuterAuditInterceptor} (the default, outside {@code @Transactional}) and
 * {@link InnerAuditInterceptor} (inside it).
 *
 * <p>An application that needs another position declares its own subclass and selects it:
 * <pre>{@code
 * @AuditLog @Interceptor @Priority(Interceptor.Priority.APPLICATION + 500)
 * public class MyAuditInterceptor extends AuditInterceptor {
 * }
 * // airlog.interceptor.priority=2500
 * }</pre>
 * CDI containers fix the order of interceptors when they start (ArC even when the
 * application is built), which is why a configuration property can only choose among
 * interceptors that exist, not move one. The start fails if no audit interceptor has the
 * configured priority, or if two have the same one.
 */
public abstract class AuditInterceptor {
    private final int priority = priorityOf(getClass());

    @Inject
    AuditRecorder recorder;

    @Inject
    @Intercepted
    Bean<?> intercepted;

    /** For subclasses. */
    protected AuditInterceptor() {
    }

    /**
     * Records one event for the call, or passes it through when this interceptor is not the
     * selected one (or airlog is disabled).
     *
     * @param invocation the call
     * @return what the method returned
     * @throws Exception what the method threw, unchanged
     */
    @AroundInvoke
    public Object audit(InvocationContext invocation) throws Exception {
        return recorder.intercept(invocation, intercepted.getBeanClass(), priority);
    }

    /**
     * The {@code @Priority} of an audit interceptor class (or of its nearest superclass that
     * has one).
     *
     * @throws IllegalStateException if it has none
     */
    public static int priorityOf(Class<?> interceptorClass) {
        for (Class<?> c = interceptorClass; c != null; c = c.getSuperclass()) {
            Priority p = c.getAnnotation(Priority.class);
            if (p != null) {
                return p.value();
            }
        }
        throw new IllegalStateException(interceptorClass.getName() + " has no @Priority");
    }
}
