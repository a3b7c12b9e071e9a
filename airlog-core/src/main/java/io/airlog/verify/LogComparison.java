package io.airlog.verify;

import io.airlog.AuditEvent;
import io.airlog.verify.Difference.Side;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Compares two stores' copies of one log (a database and its JSON-lines archive, a primary
 * and a replica database) by sequence and checksum, reading each once, in step, with memory
 * bounded by the number of differing ranges (not by the size of the log).
 *
 * <p>Both sources are expected in ascending sequence order, as every airlog store keeps them.
 * For each sequence:
 * <ul>
 * <li>held by one side only: {@link DifferenceKind#MISSING} on the other side;</li>
 * <li>held by both: the same event when both stored checksums are equal and each event's
 *     fields still give that checksum; otherwise {@link DifferenceKind#DIFFERENT}, and the
 *     detail says which side's event no longer matches its own checksum;</li>
 * </ul>
 * and on each side, a record that cannot be read is {@link DifferenceKind#UNREADABLE}, an
 * event of another log {@link DifferenceKind#FOREIGN}, an event whose sequence is not above
 * the one before it {@link DifferenceKind#OUT_OF_ORDER}; these are skipped. Consecutive
 * sequences of the same kind, side and detail are reported as one range.
 *
 * <pre>{@code
 * try (LogSource database = LogSource.of("database", jdbcStream);
 *      LogSource archive = JsonLinesReader.source(Path.of("payments.jsonl"))) {
 *     ComparisonReport report = LogComparison.compare("payments", database, archive);
 * }
 * }</pre>
 *
 * <p>The comparison says where the copies differ, not which one is right: run the chain
 * verifier on each store for that.
 */
public final class LogComparison {
    private final String logId;
    private final List<Difference> differences = new ArrayList<>();
    private final Cursor left;
    private final Cursor right;
    private Difference open;
    private long matched;

    private LogComparison(String logId, LogSource left, LogSource right) {
        this.logId = Objects.requireNonNull(logId, "logId");
        this.left = new Cursor(Side.LEFT, left.iterator());
        this.right = new Cursor(Side.RIGHT, right.iterator());
    }

    /**
     * Compares the two sources to their ends. Does not close them.
     *
     * @param logId the log both sources must hold
     * @param left the first store
     * @param right the second store
     * @return every range where they differ
     * @throws RuntimeException what reading a source threw (a database error, an I/O error)
     */
    public static ComparisonReport compare(String logId, LogSource left, LogSource right) {
        LogComparison comparison = new LogComparison(logId, left, right);
        comparison.run();
        comparison.flush();
        return new ComparisonReport(logId, left.label(), right.label(), comparison.left.read, comparison.right.read,
                comparison.matched, comparison.differences);
    }

    private void run() {
        AuditEvent a = left.advance();
        AuditEvent b = right.advance();
        while (a != null || b != null) {
            if (b == null || (a != null && a.sequence() < b.sequence())) {
                add(DifferenceKind.MISSING, Side.RIGHT, a.sequence(), 0, "held only by the other store");
                a = left.advance();
            } else if (a == null || b.sequence() < a.sequence()) {
                add(DifferenceKind.MISSING, Side.LEFT, b.sequence(), 0, "held only by the other store");
                b = right.advance();
            } else {
                String difference = difference(a, b);
                if (difference == null) {
                    matched++;
                } else {
                    add(DifferenceKind.DIFFERENT, Side.BOTH, a.sequence(), 0, difference);
                }
                a = left.advance();
                b = right.advance();
            }
        }
    }

    /** Why two events at the same sequence are not the same, or null when they are. */
    private static String difference(AuditEvent a, AuditEvent b) {
        boolean aIntact = a.verify();
        boolean bIntact = b.verify();
        if (aIntact && bIntact && a.checksum().equals(b.checksum())) {
            return null;
        }
        if (!aIntact && !bIntact) {
            return "neither event matches its own checksum";
        }
        if (!aIntact) {
            return "the left event does not match its own checksum (changed there)";
        }
        if (!bIntact) {
            return "the right event does not match its own checksum (changed there)";
        }
        return "two different intact events: the stores hold different chains from here";
    }

    private void add(DifferenceKind kind, Side side, long sequence, long position, String detail) {
        if (open != null && open.kind() == kind && open.side() == side && open.lastSequence() + 1 == sequence
                && kind != DifferenceKind.UNREADABLE && open.detail().equals(detail)) {
            open = new Difference(kind, side, open.firstSequence(), sequence, open.position(), detail);
            return;
        }
        flush();
        open = new Difference(kind, side, sequence, sequence, position, detail);
    }

    private void flush() {
        if (open != null) {
            differences.add(open);
            open = null;
        }
    }

    /** Reads one side: the next event of the log with a sequence above the last one. */
    private final class Cursor {
        private final Side side;
        private final Iterator<LogSource.Entry> entries;
        private long lastSequence;
        private long read;

        Cursor(Side side, Iterator<LogSource.Entry> entries) {
            this.side = side;
            this.entries = entries;
        }

        AuditEvent advance() {
            while (entries.hasNext()) {
                LogSource.Entry entry = entries.next();
                read++;
                AuditEvent e = entry.event();
                if (e == null) {
                    add(DifferenceKind.UNREADABLE, side, 0, entry.position(), entry.problem());
                } else if (!logId.equals(e.logId())) {
                    add(DifferenceKind.FOREIGN, side, e.sequence(), entry.position(),
                            "an event of log '" + e.logId() + "'");
                } else if (e.sequence() <= lastSequence) {
                    add(DifferenceKind.OUT_OF_ORDER, side, e.sequence(), entry.position(),
                            "stored after sequence " + lastSequence);
                } else {
                    lastSequence = e.sequence();
                    return e;
                }
            }
            return null;
        }
    }
}
