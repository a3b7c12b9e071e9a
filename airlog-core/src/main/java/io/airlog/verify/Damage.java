package io.airlog.verify;

/**
 * One damaged place in a log.
 *
 * @param kind what is wrong
 * @param position where in storage: the line number of a file, the row number of a table
 *                 (1-based), or 0 when the damage has no single place (a missing tail)
 * @param firstSequence the first sequence concerned
 * @param lastSequence the last sequence concerned (equal to {@code firstSequence} for one event)
 * @param detail a sentence for humans
 */
public record Damage(DamageKind kind, long position, long firstSequence, long lastSequence, String detail) {

    @Override
    public String toString() {
        String seq = firstSequence == lastSequence ? "sequence " + firstSequence
                : "sequences " + firstSequence + ".." + lastSequence;
        return kind + " at position " + position + " (" + seq + "): " + detail;
    }
}
