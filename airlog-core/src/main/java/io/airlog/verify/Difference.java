package io.airlog.verify;

import java.util.Objects;

/**
 * One range of sequences where two stores' copies of a log differ.
 *
 * @param kind how they differ
 * @param side the side concerned: for {@link DifferenceKind#MISSING} the side that lacks the
 *             events, for {@link DifferenceKind#DIFFERENT} {@link Side#BOTH}, otherwise the
 *             side where the record was found
 * @param firstSequence the first sequence of the range (0 for {@link DifferenceKind#UNREADABLE})
 * @param lastSequence the last sequence of the range, inclusive
 * @param position where the first record of the range is stored on its side (line or row
 *                 number), 0 when there is none (missing events, or a range over both sides)
 * @param detail a sentence for humans
 */
public record Difference(DifferenceKind kind, Side side, long firstSequence, long lastSequence, long position,
                         String detail) {

    /** Which store of a comparison. */
    public enum Side {
        /** The first store given to {@link LogComparison#compare}. */
        LEFT,
        /** The second store. */
        RIGHT,
        /** Both stores. */
        BOTH
    }

    /** Checks the fields. */
    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(detail, "detail");
        if (lastSequence < firstSequence) {
            throw new IllegalArgumentException("lastSequence " + lastSequence + " < firstSequence " + firstSequence);
        }
    }

    /** The number of sequences in the range. */
    public long count() {
        return lastSequence - firstSequence + 1;
    }

    @Override
    public String toString() {
        String seq = firstSequence == lastSequence ? "sequence " + firstSequence
                : "sequences " + firstSequence + ".." + lastSequence;
        return kind + " " + side + " (" + seq + (position > 0 ? ", position " + position : "") + "): " + detail;
    }
}
