package io.airlog.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** An application's own audit interceptor position, selected by {@code airlog.interceptor.priority=2500}. */
@AuditLog
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 500)
public class InnerAuditInterceptorUser extends AuditInterceptor {
}
