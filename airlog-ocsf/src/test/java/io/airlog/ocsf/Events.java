package io.airlog.ocsf;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixed, fully determined audit events for the OCSF tests. */
final class Events {
    static final Instant TIME = Instant.parse("2026-11-28T03:22:54.852106096Z");
    static final UUID ID = UUID.fromString("c1af8b96-bb7f-4f88-b7ea-c7b4618d2a34");
    static final String PREVIOUS = "d3062331" + "0".repeat(56);
    static final Principal ALICE = new Principal("alice", AuthMethod.JWT,
            Map.of("roles", List.of("teller", "auditor"), "tenant", "acme"));

    private Events() {
    }

    /** An event of {@code action} with the outcome's typical context, with or without a resource. */
    static AuditEvent event(String action, Outcome outcome, boolean withResource) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("amount", 125.5);
        context.put("durationNanos", 1_250_000);
        context.put("clientIp", "203.0.113.7");
        if (outcome == Outcome.FAILURE) {
            context.put("exception", "java.lang.IllegalStateException");
        } else if (outcome == Outcome.DENIED) {
            context.put("exception", "jakarta.ws.rs.ForbiddenException");
        }
        return new AuditDraft(ID, TIME, action, ALICE, withResource ? "Account" : null, withResource ? "A-1" : null,
                outcome, "req-42", context).seal("bank", 7, PREVIOUS);
    }
}
