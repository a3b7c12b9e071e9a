package io.airlog.demo.security;

import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditResourceId;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The audit events of authentication. Each method records one event through
 * {@code @AuditLog} and does nothing else: it returns for SUCCESS and throws what it is handed
 * for FAILURE or DENIED, the way the audit interceptor tells outcomes apart. The principal of
 * an event is the one its caller puts into the {@link io.airlog.AuditContext} (the user who
 * signed in, or anonymous), because the request itself is not signed in yet.
 */
@ApplicationScoped
public class SecurityAudit {
    /** The resource type of sign-in and sign-out events. */
    public static final String USER = "user";

    /**
     * A sign-in attempt: SUCCESS when {@code refusal} is null, else FAILURE with the refusal's
     * class. Context: the attempted user name ({@code user}) and the mechanism ({@code form}
     * or {@code basic}); never the password.
     *
     * @throws RuntimeException {@code refusal}, when it is not null
     */
    @AuditLog(action = "user.sign-in", resource = USER)
    public void signIn(@AuditField(value = "user", property = "userShown") SignInRequest request,
                       @AuditField("mechanism") String mechanism, RuntimeException refusal) {
        if (refusal != null) {
            throw refusal;
        }
    }

    /** A sign-out (SUCCESS); context {@code session}: whether a session was open. */
    @AuditLog(action = "user.sign-out", resource = USER)
    public void signOut(@AuditField("session") boolean hadSession) {
        // the event is the whole point
    }

    /**
     * A request that needed a signed-in user and came without one: DENIED.
     *
     * @param request the method and the path as sent ({@code GET /api/documents})
     * @throws AccessDeniedException always
     */
    @AuditLog(action = "request.refused", resource = "http")
    public void refused(@AuditResourceId String request, @AuditField("reason") String reason) {
        throw new AccessDeniedException(reason);
    }
}
