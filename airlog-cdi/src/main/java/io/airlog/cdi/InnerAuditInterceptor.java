package io.airlog.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/**
 * An audit interceptor at {@value #PRIORITY} ({@code LIBRARY_AFTER + 100}): inside
 * {@code @Transactional} and every application interceptor, next to the method. The recorded
 * outcome is the method's own: a commit that fails after the method returned is not seen.
 * Selected by {@code airlog.interceptor.priority=3100}; otherwise it passes calls through.
 */
@AuditLog
@Interceptor
@Priority(InnerAuditInterceptor.PRIORITY)
public class InnerAuditInterceptor extends AuditInterceptor {
    /** {@code Interceptor.Priority.LIBRARY_AFTER + 100}. */
    public static final int PRIORITY = Interceptor.Priority.LIBRARY_AFTER + 100;

    /** Created by the container. */
    public InnerAuditInterceptor() {
    }
}
