package io.airlog.jdbc.internal;

import io.airlog.AuditEvent;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a row whose checksum does not match really belongs, so that the verifier can
 * name the damage precisely: content moved to another sequence (two rows swapped, a sequence
 * number edited) becomes {@code REORDERED}/{@code MISSING}, an event of another log spliced
 * in becomes {@code FOREIGN}. A row that verifies under none of the candidates stays
 * {@code CHANGED}.
 *
 * <p>The search is bounded: sequences within {@link #WINDOW} of the row's sequence, the log
 * itself and up to {@value #MAX_OTHER_LOGS} other logs of the head table, and at most
 * {@value #BUDGET} checksum computations per verification, so that a heavily damaged table
 * cannot make verification slow. Detection never depends on it; only the kind named does.
 */
public final class EventIdentity {
    /** How far from its stored sequence a row's true sequence is looked for. */
    public static final int WINDOW = 16;
    /** How many other logs are tried. */
    public static final int MAX_OTHER_LOGS = 64;
    /** The most checksum computations spent on identification in one verification. */
    public static final int BUDGET = 1_000_000;

    private final List<String> otherLogs;
    private int spent;

    /**
     * @param otherLogs the ids of other logs of the same table (at most {@link #MAX_OTHER_LOGS} are used)
     */
    public EventIdentity(List<String> otherLogs) {
        this.otherLogs = otherLogs.subList(0, Math.min(otherLogs.size(), MAX_OTHER_LOGS));
    }

    /**
     * The event as it was sealed, if the row's fields verify under another sequence nearby
     * or another log; empty if none found (or the budget is spent).
     *
     * @param row an event read from a row, whose checksum does not match
     */
    public Optional<AuditEvent> locate(AuditEvent row) {
        Optional<AuditEvent> found = locate(row, row.logId(), true);
        for (int i = 0; found.isEmpty() && i < otherLogs.size(); i++) {
            found = locate(row, otherLogs.get(i), false);
        }
        return found;
    }

    private Optional<AuditEvent> locate(AuditEvent row, String logId, boolean sameLog) {
        for (int distance = sameLog ? 1 : 0; distance <= WINDOW; distance++) {
            for (int sign : distance == 0 ? new int[] {1} : new int[] {-1, 1}) {
                long sequence = row.sequence() + sign * (long) distance;
                if (sequence < 1) {
                    continue;
                }
                if (spent++ >= BUDGET) {
                    return Optional.empty();
                }
                AuditEvent candidate = new AuditEvent(row.eventId(), logId, sequence, row.timestamp(), row.action(),
                        row.principal(), row.resource(), row.resourceId(), row.outcome(), row.correlationId(),
                        row.context(), row.previousChecksum(), row.checksum());
                if (candidate.verify()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
