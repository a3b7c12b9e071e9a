package io.airlog.payara;

import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditResourceId;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The audit events of what the servlet container refuses before the application runs (called
 * by {@link Refusals}): a sign-in with wrong credentials ({@code user.sign-in}, FAILURE) and a
 * request the security constraints refuse ({@code request.refused}, DENIED). Each method only
 * records: it throws what makes the interceptor record the outcome.
 */
@ApplicationScoped
public class SecurityAudit {

    /** Thrown by {@link #signInRefused}: recorded as FAILURE. */
    public static final class SignInRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SignInRefused() {
            super("wrong user name or password");
        }
    }

    /** Thrown by {@link #refused}: recorded as DENIED. */
    public static final class Refused extends SecurityException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * A sign-in refused for wrong credentials; context {@code user} (as shown, never the
     * password) and {@code mechanism}.
     *
     * @throws SignInRefused always
     */
    @AuditLog(action = "user.sign-in", resource = "user")
    public void signInRefused(@AuditField(value = "user", property = "shown") Raw user,
                              @AuditField("mechanism") String mechanism) {
        throw new SignInRefused();
    }

    /**
     * A request the container refused; resource id {@code METHOD /path}, context {@code reason}.
     *
     * @throws Refused always
     */
    @AuditLog(action = "request.refused", resource = "http")
    public void refused(@AuditResourceId String request, @AuditField("reason") String reason) {
        throw new Refused(reason);
    }
}
