package io.airlog.verify;

import io.airlog.ChainPosition;
import java.util.List;

/**
 * The outcome of verifying one log.
 *
 * @param logId the log verified
 * @param start the position verification started from ({@link ChainPosition#EMPTY} for a full check)
 * @param end the last position that verified intact and contiguous from {@code start}
 * @param eventsRead how many stored events (rows, lines) were read
 * @param damages every damaged place found, in storage order
 */
public record VerificationReport(String logId, ChainPosition start, ChainPosition end, long eventsRead,
                                 List<Damage> damages) {

    /** Copies the list. */
    public VerificationReport {
        damages = List.copyOf(damages);
    }

    /** Whether no damage was found. */
    public boolean intact() {
        return damages.isEmpty();
    }

    /** The damage with the lowest sequence, if any. */
    public java.util.Optional<Damage> firstDamage() {
        return damages.stream().min(java.util.Comparator.comparingLong(Damage::firstSequence));
    }

    /** One line for logs and error messages. */
    public String summary() {
        if (intact()) {
            return "log '" + logId + "' intact: " + eventsRead + " events read, verified through sequence "
                    + end.size();
        }
        Damage first = firstDamage().orElseThrow();
        return "log '" + logId + "' DAMAGED: " + damages.size() + " damaged place(s); first bad sequence "
                + first.firstSequence() + " (" + first.kind() + "): " + first.detail();
    }
}
