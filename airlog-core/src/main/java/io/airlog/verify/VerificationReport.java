package io.airlog.verify;

import io.airlog.ChainPosition;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying one log.
 *
 * @param logId the log verified
 * @param start the position verification started from ({@link ChainPosition#EMPTY} for a full check)
 * @param end the last position that verified intact and contiguous from {@code start}
 * @param eventsRead how many stored events (rows, lines) were read
 * @param damages every damaged place found, in storage order
 * @param notices findings that are not damage ({@link DamageKind#isDamage()} false), such as
 *                an unsigned tail or a witness that is behind
 * @param anchors how far the log is anchored by signed and witnessed checkpoints, and what
 *                was not checked
 */
public record VerificationReport(String logId, ChainPosition start, ChainPosition end, long eventsRead,
                                 List<Damage> damages, List<Damage> notices, Anchors anchors) {

    /** Copies the lists; every damage is of a damage kind and every notice of a notice kind. */
    public VerificationReport {
        damages = List.copyOf(damages);
        notices = List.copyOf(notices);
        for (Damage d : damages) {
            if (!d.kind().isDamage()) {
                throw new IllegalArgumentException(d.kind() + " is a notice, not damage");
            }
        }
        for (Damage n : notices) {
            if (n.kind().isDamage()) {
                throw new IllegalArgumentException(n.kind() + " is damage, not a notice");
            }
        }
    }

    /** A report of the hash chain alone: no notices, {@link Anchors#CHAIN_ONLY}. */
    public VerificationReport(String logId, ChainPosition start, ChainPosition end, long eventsRead,
                              List<Damage> damages) {
        this(logId, start, end, eventsRead, damages, List.of(), Anchors.CHAIN_ONLY);
    }

    /** Whether no damage was found (notices do not count). */
    public boolean intact() {
        return damages.isEmpty();
    }

    /** The damage with the lowest sequence, if any. */
    public Optional<Damage> firstDamage() {
        return damages.stream().min(Comparator.comparingLong(Damage::firstSequence));
    }

    /** One line for logs and error messages. */
    public String summary() {
        StringBuilder sb = new StringBuilder("log '").append(logId).append('\'');
        if (intact()) {
            sb.append(" intact: ").append(eventsRead).append(" events read, verified through sequence ").append(end.size());
        } else {
            Damage first = firstDamage().orElseThrow();
            sb.append(" DAMAGED: ").append(damages.size()).append(" damaged place(s); first bad sequence ")
                    .append(first.firstSequence()).append(" (").append(first.kind()).append("): ").append(first.detail());
        }
        if (anchors.signedSize() > 0) {
            sb.append("; signed through ").append(anchors.signedSize());
        }
        if (anchors.witnessedSize() > 0) {
            sb.append("; witnessed through ").append(anchors.witnessedSize());
        }
        for (Damage n : notices) {
            sb.append("; ").append(n.kind()).append(": ").append(n.detail());
        }
        if (!anchors.notChecked().isEmpty()) {
            sb.append("; not checked: ").append(String.join("; ", anchors.notChecked()));
        }
        return sb.toString();
    }
}
