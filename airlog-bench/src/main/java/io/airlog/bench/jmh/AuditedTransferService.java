package io.airlog.bench.jmh;

import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditResourceId;
import jakarta.enterprise.context.ApplicationScoped;

/** The same method audited: one event per call with the account as resource id and the amount in context. */
@ApplicationScoped
@AuditLog(action = "account.transfer", resource = "Account")
public class AuditedTransferService implements TransferService {

    /** Created by the container. */
    public AuditedTransferService() {
    }

    @Override
    public String transfer(@AuditResourceId String accountId, @AuditField("amountCents") long amountCents) {
        return accountId;
    }
}
