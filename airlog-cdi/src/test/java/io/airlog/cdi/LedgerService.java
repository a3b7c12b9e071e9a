package io.airlog.cdi;

/** Audited through the {@link Ledger} stereotype. */
@Ledger
public class LedgerService {

    public void post(@AuditResourceId String entry) {
    }
}
