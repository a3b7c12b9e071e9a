package io.airlog.cdi;

import io.airlog.AuditDraft;
import io.airlog.pipeline.AuditMiddleware;
import jakarta.enterprise.context.ApplicationScoped;

/** Application middleware: adds the tenant to every event. */
@ApplicationScoped
public class TenantEnricher implements AuditMiddleware {

    @Override
    public AuditDraft apply(AuditDraft draft) {
        return draft.withContextValue("tenant", "acme");
    }
}
