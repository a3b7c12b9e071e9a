package io.airlog.payara;

import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditResourceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.Map;
import java.util.HashMap;

/**
 * The demo's business service: each method is audited by airlog's interceptor
 * ({@code @AuditLog}), with the account id as the event's resource id.
 * A return is recorded as SUCCESS, {@link InsufficientFundsException}, an unknown account and
 * bad input as FAILURE, and the {@link SecurityException} of {@link #close} as DENIED.
 * Parameters arrive as the client sent them and are checked here, inside the audited call;
 * the event records them as {@linkplain Input#shown shown}.
 * Balances live in memory (guarded by the service's lock); the audit log lives in H2.
 */
@ApplicationScoped
public class AccountService {
    private final Map<String, Account> accounts = new HashMap<>();

    @Inject
    SecurityContext security;

    /** Opens (or reopens) an account with a starting balance. */
    @AuditLog(action = "account.open", resource = "account")
    public synchronized Account open(@AuditResourceId(property = "shown") Raw id,
                                     @AuditField(value = "balance", property = "number") Raw balance) {
        String checked = Input.id(id.text());
        long cents = Input.number("balance", balance.text());
        if (cents < 0) {
            throw new BadRequestException("balance: must not be negative, was " + cents);
        }
        Account account = new Account(checked, cents);
        accounts.put(account.id(), account);
        return account;
    }

    /**
     * Withdraws {@code amount} cents.
     *
     * @throws InsufficientFundsException if the balance is smaller
     */
    @AuditLog(action = "account.withdraw", resource = "account")
    public synchronized Account withdraw(@AuditResourceId(property = "shown") Raw id,
                                         @AuditField(value = "amount", property = "number") Raw amount)
            throws InsufficientFundsException {
        String checked = Input.id(id.text());
        long cents = Input.number("amount", amount.text());
        if (cents <= 0) {
            throw new BadRequestException("amount: must be positive, was " + cents);
        }
        Account before = find(checked);
        if (before.balance() < cents) {
            throw new InsufficientFundsException(before, cents);
        }
        Account after = new Account(before.id(), before.balance() - cents);
        accounts.put(after.id(), after);
        return after;
    }

    /**
     * Closes an account.
     *
     * @throws SecurityException unless the caller has the role {@value DemoIdentityStore#MANAGER}
     */
    @AuditLog(action = "account.close", resource = "account")
    public synchronized void close(@AuditResourceId(property = "shown") Raw id) {
        if (!security.isCallerInRole(DemoIdentityStore.MANAGER)) {
            throw new SecurityException("closing an account needs the role " + DemoIdentityStore.MANAGER);
        }
        accounts.remove(find(Input.id(id.text())).id());
    }

    private Account find(String id) {
        Account account = accounts.get(id);
        if (account == null) {
            throw new NotFoundException("no account " + id);
        }
        return account;
    }
}
