package io.airlog.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/**
 * The default audit interceptor, at {@value #PRIORITY} ({@code PLATFORM_BEFORE + 100}): it
 * runs before (around) {@code @Transactional} ({@code PLATFORM_BEFORE + 200}) and security
 * interceptors of libraries, so the recorded outcome includes the commit of the transaction
 * and access decisions. Selected unless {@code airlog.interceptor.priority} says otherwise.
 */
@AuditLog
@Interceptor
@Priority(OuterAuditInterceptor.PRIORITY)
public class OuterAuditInterceptor extends AuditInterceptor {
    /** {@code Interceptor.Priority.PLATFORM_BEFORE + 100}. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    /** Created by the container. */
    public OuterAuditInterceptor() {
    }
}
