package io.airlog.payara;

/** A withdrawal larger than the balance: an application error, recorded as FAILURE. */
public class InsufficientFundsException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The withdrawal of {@code amount} from {@code account} was refused. */
    public InsufficientFundsException(Account account, long amount) {
        super("account " + account.id() + " holds " + account.balance() + ", less than " + amount);
    }
}
