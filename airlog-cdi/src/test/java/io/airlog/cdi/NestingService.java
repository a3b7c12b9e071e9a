package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Calls another audited bean from an audited method; and one audited method calling another of its own. */
@ApplicationScoped
public class NestingService {
    @Inject
    AccountService accounts;

    @AuditLog(action = "outer")
    public void outer() {
        accounts.open("A-9", "CHF");
    }

    @AuditLog(action = "self")
    public void callsItself() {
        notInterceptedWhenCalledFromInside();
    }

    @AuditLog(action = "inside")
    public void notInterceptedWhenCalledFromInside() {
    }
}
