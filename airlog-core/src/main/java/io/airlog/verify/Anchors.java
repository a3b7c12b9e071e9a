package io.airlog.verify;

import java.util.List;

/**
 * How far a verified log is anchored outside its storage.
 *
 * @param signedSize the size of the newest checkpoint signed by a trusted key that matched the
 *                   stored events (0 if none): events up to it cannot be changed, removed or
 *                   rewritten without the key
 * @param witnessedSize the size of the newest witnessed checkpoint that matched (0 if none):
 *                      the store cannot have been cut or rolled back below it
 * @param notChecked what the verification could not check and why, e.g. signatures without
 *                   trusted keys; empty when everything was checked
 */
public record Anchors(long signedSize, long witnessedSize, List<String> notChecked) {
    /** What a chain-only verification leaves out. */
    public static final Anchors CHAIN_ONLY = new Anchors(0, 0, List.of(
            "signed checkpoints (only the hash chain was checked: a rewritten log or lost last events would pass)",
            "a witness"));

    /** Copies the list. */
    public Anchors {
        notChecked = List.copyOf(notChecked);
    }
}
