package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** A mistake: two resource ids on one audited method. */
@ApplicationScoped
public class TwoResourceIds {

    @AuditLog
    public void link(@AuditResourceId String a, @AuditResourceId String b) {
    }
}
