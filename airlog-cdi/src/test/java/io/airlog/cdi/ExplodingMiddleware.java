package io.airlog.cdi;

import io.airlog.AuditDraft;
import io.airlog.pipeline.AuditMiddleware;
import jakarta.enterprise.context.ApplicationScoped;

/** Middleware that fails for events about resource id "boom": a backend failure as the caller sees it. */
@ApplicationScoped
public class ExplodingMiddleware implements AuditMiddleware {

    @Override
    public AuditDraft apply(AuditDraft draft) {
        if ("boom".equals(draft.resourceId())) {
            throw new IllegalStateException("storage unavailable");
        }
        return draft;
    }
}
