package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** An audited test bean: class-level binding, resource "Account", one method per outcome. */
@ApplicationScoped
@AuditLog(resource = "Account")
public class AccountService {

    public String open(@AuditResourceId String accountId, @AuditField("currency") String currency) {
        return "opened " + accountId;
    }

    public void close(@AuditResourceId String accountId) {
        throw new IllegalStateException("balance of " + accountId + " is not zero");
    }

    public void freeze(@AuditResourceId String accountId) {
        throw new SecurityException("not allowed to freeze " + accountId);
    }

    @AuditLog(action = "account.rename", resource = "AccountName")
    public void rename(@AuditResourceId(property = "id") AccountRef account, @AuditField String newName) {
    }

    public void withdraw(@AuditResourceId String accountId, @AuditField("amount") java.math.BigDecimal amount) {
    }

    public void rate(@AuditResourceId String accountId, @AuditField("rate") float rate,
                     @AuditField("reference") long reference) {
    }

    public String note(@AuditResourceId String accountId, @AuditField("note") String note,
                       @AuditField("currency") String currency) {
        return "noted " + accountId;
    }

    @AuditIgnore
    public int balance(String accountId) {
        return 0;
    }

    /** A reference to an account, for property paths. */
    public record AccountRef(String id, Owner owner) {
    }

    /** An account owner. */
    public static final class Owner {
        private final String name;

        public Owner(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }
}
