package io.airlog.verify;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of comparing two stores' copies of one log.
 *
 * @param logId the log compared
 * @param left the label of the first store
 * @param right the label of the second store
 * @param leftRead records read from the first store
 * @param rightRead records read from the second store
 * @param matched sequences both stores hold with the same event
 * @param differences every range where they differ, in the order found (ascending sequence
 *                    per kind and side)
 */
public record ComparisonReport(String logId, String left, String right, long leftRead, long rightRead,
                               long matched, List<Difference> differences) {

    /** Copies the list. */
    public ComparisonReport {
        Objects.requireNonNull(logId, "logId");
        differences = List.copyOf(differences);
    }

    /** Whether the two stores hold the same events. */
    public boolean identical() {
        return differences.isEmpty();
    }

    /** The label of a side. */
    public String label(Difference.Side side) {
        return switch (side) {
            case LEFT -> left;
            case RIGHT -> right;
            case BOTH -> left + " and " + right;
        };
    }

    /** One line for logs and error messages. */
    public String summary() {
        String stores = "'" + left + "' and '" + right + "'";
        if (identical()) {
            return "log '" + logId + "' identical in " + stores + ": " + matched + " events";
        }
        return "log '" + logId + "' DIFFERS between " + stores + ": " + differences.size() + " range(s), "
                + matched + " events match; first: " + describe(differences.get(0));
    }

    /** A difference, with the side named by its label. */
    public String describe(Difference d) {
        String seq = d.kind() == DifferenceKind.UNREADABLE ? "line/row " + d.position()
                : d.firstSequence() == d.lastSequence() ? "sequence " + d.firstSequence()
                : "sequences " + d.firstSequence() + ".." + d.lastSequence();
        return d.kind() + " in '" + label(d.side()) + "' at " + seq + ": " + d.detail();
    }
}
