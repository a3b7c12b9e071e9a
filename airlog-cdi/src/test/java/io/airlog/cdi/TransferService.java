package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** An audited, "transactional" method whose transaction fails to commit. */
@ApplicationScoped
public class TransferService {
    private int calls;

    @AuditLog(action = "transfer")
    @CommitFails
    public String transfer(@AuditResourceId String account) {
        calls++;
        return "done";
    }

    int calls() {
        return calls;
    }
}
