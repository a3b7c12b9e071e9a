package io.airlog.payara;

import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditResourceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotFoundException;
import java.util.Map;
import java.util.HashMap;

/**
 * The demo's business service: each method is audited by airlog's interceptor
 * ({@code @AuditLog}), with the account id as the event's resource id.
 * A return is recorded as SUCCESS, {@link InsufficientFundsException} and an unknown
 * account as FAILURE, and the {@link SecurityException} of {@link #close} as DENIED.
 * Balances live in memory (guarded by the service's lock); the audit log lives in H2.
 */
@ApplicationScoped
public class AccountService {
    private final Map<String, Account> accounts = new HashMap<>();

    @Inject
    SecurityContext security;

    /** Opens (or reopens) an account with a starting balance. */
    @AuditLog(action = "account.open", resource = "account")
    public synchronized Account open(@AuditResourceId String id, @AuditField("balance") long balance) {
        if (balance < 0) {
            throw new IllegalArgumentException("balance: must not be negative, was " + balance);
        }
        Account account = new Account(id, balance);
        accounts.put(id, account);
        return account;
    }

    /**
     * Withdraws {@code amount} cents.
     *
     * @throws InsufficientFundsException if the balance is smaller
     */
    @AuditLog(action = "account.withdraw", resource = "account")
    public synchronized Account withdraw(@AuditResourceId String id, @AuditField("amount") long amount)
            throws InsufficientFundsException {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount: must be positive, was " + amount);
        }
        Account before = find(id);
        if (before.balance() < amount) {
            throw new InsufficientFundsException(before, amount);
        }
        Account after = new Account(id, before.balance() - amount);
        accounts.put(id, after);
        return after;
    }

    /**
     * Closes an account.
     *
     * @throws SecurityException unless the caller has the role {@value DemoIdentityStore#MANAGER}
     */
    @AuditLog(action = "account.close", resource = "account")
    public synchronized void close(@AuditResourceId String id) {
        if (!security.isCallerInRole(DemoIdentityStore.MANAGER)) {
            throw new SecurityException("closing an account needs the role " + DemoIdentityStore.MANAGER);
        }
        find(id);
        accounts.remove(id);
    }

    private Account find(String id) {
        Account account = accounts.get(id);
        if (account == null) {
            throw new NotFoundException("no account " + id);
        }
        return account;
    }
}
