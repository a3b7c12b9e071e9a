package io.airlog.bench.jmh;

import io.airlog.cdi.OuterAuditInterceptor;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** An interceptor that only proceeds, at the priority of airlog's default audit interceptor. */
@Empty
@Interceptor
@Priority(OuterAuditInterceptor.PRIORITY)
public class EmptyInterceptor {

    /** Created by the container. */
    public EmptyInterceptor() {
    }

    /** Proceeds. */
    @AroundInvoke
    public Object proceed(InvocationContext invocation) throws Exception {
        return invocation.proceed();
    }
}
