package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event every scenario writes: what a typical audited business call produces (a
 * principal with roles, a resource and its id, a correlation id, four context entries).
 * Each call builds a new draft (fresh event id and timestamp), in every scenario alike.
 */
public final class Drafts {
    private static final List<String> ROLES = List.of("teller", "auditor");

    private Drafts() {
    }

    /** The principal of caller {@code caller}. */
    public static Principal principal(int caller) {
        return new Principal("user-" + caller, AuthMethod.PASSWORD, Map.of("roles", ROLES));
    }

    /** A typical draft from {@code principal}, the {@code n}-th of its caller. */
    public static AuditDraft typical(Principal principal, long n) {
        return AuditDraft.builder("account.transfer").principal(principal).resource("Account", "A-" + n)
                .outcome(Outcome.SUCCESS).correlationId(UUID.randomUUID().toString())
                .put("amount", 125.5).put("currency", "EUR").put("to", "B-7").put("durationMicros", 812)
                .build();
    }
}
