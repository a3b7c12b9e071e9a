package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** Records to the named stream "security". */
@ApplicationScoped
public class LoginService {

    @AuditLog(action = "login", stream = "security")
    public void login(@AuditResourceId String user, @AuditField("password") String password) {
    }

    @AuditLog(action = "logout")
    public void logout(@AuditResourceId String user) {
    }
}
