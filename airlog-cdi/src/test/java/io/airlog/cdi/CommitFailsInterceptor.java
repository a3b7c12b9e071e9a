package io.airlog.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Behaves like a JTA {@code @Transactional} interceptor (same priority,
 * {@code PLATFORM_BEFORE + 200}) whose commit fails: the method runs and returns, then the
 * "commit" throws.
 */
@CommitFails
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class CommitFailsInterceptor {

    /** The exception of the failed commit. */
    public static final class CommitFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitFailedException() {
            super("commit failed: serialization failure");
        }
    }

    @AroundInvoke
    Object commitAfterwards(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        throw new CommitFailedException();
    }
}
