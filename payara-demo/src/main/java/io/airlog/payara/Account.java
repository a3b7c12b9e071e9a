package io.airlog.payara;

/**
 * An account of the demo bank.
 *
 * @param id the account id
 * @param balance its balance in cents
 */
public record Account(String id, long balance) {
}
