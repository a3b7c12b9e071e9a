package io.airlog.demo.audit;

import io.airlog.verify.Damage;
import java.time.Instant;
import java.util.List;

/**
 * The result of a verification of the whole stored log.
 *
 * @param logId the log
 * @param intact whether no damage was found
 * @param eventsRead how many stored events were read
 * @param verifiedThrough the last sequence verified intact and contiguous from the start
 * @param signedThrough how many events the newest signed checkpoint that matched covers (0: none, or the log is not signed)
 * @param witnessedThrough how many events the witness's newest checkpoint covers (0: none, or no witness)
 * @param summary one line for humans
 * @param damages every damaged place, in storage order
 * @param verifiedAt when the verification ran
 */
public record Verification(String logId, boolean intact, long eventsRead, long verifiedThrough, long signedThrough,
                           long witnessedThrough, String summary,
                           List<Damage> damages, Instant verifiedAt) {
}
