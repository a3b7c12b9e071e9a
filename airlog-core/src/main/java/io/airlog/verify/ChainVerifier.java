package io.airlog.verify;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a log from its events in storage order, one at a time, with memory bounded by
 * the number of damaged places (not by the size of the log).
 *
 * <p>Feed every stored record with {@link #accept} (or {@link #acceptMalformed} for one that
 * could not be parsed), then call {@link #finish()}. The rules, per record:
 * <ol>
 * <li>The checksum is recomputed; a mismatch is {@link DamageKind#CHANGED}. A changed record
 *     is assumed to stand where it is (its claimed sequence cannot be trusted), and the next
 *     record's link to it is not judged.</li>
 * <li>A self-consistent event of another log is {@link DamageKind#FOREIGN} and is skipped.</li>
 * <li>The expected sequence: the event is checked to link to the one before
 *     ({@link DamageKind#BROKEN_LINK} otherwise) and becomes the new head.</li>
 * <li>A sequence beyond the expected one opens a gap. If the missing sequences appear later,
 *     they are {@link DamageKind#REORDERED}; those that never appear are
 *     {@link DamageKind#MISSING} at the end.</li>
 * <li>A sequence below the expected one that is not in a gap was seen already:
 *     {@link DamageKind#DUPLICATED}.</li>
 * </ol>
 * <p>Given a {@link CheckpointVerifier} ({@link #of(String, CheckpointVerifier)}), every stored
 * record is also a leaf of the log's Merkle tree, and stored checkpoints are handed on with
 * {@link #checkpoint}; the report then holds its findings too.
 *
 * <p>Not thread-safe: one verifier per verification.
 */
public final class ChainVerifier {
    private final String logId;
    private final ChainPosition start;
    private final List<Damage> damages = new ArrayList<>();
    private final List<Damage> notices = new ArrayList<>();
    private final CheckpointVerifier checkpoints;
    private final List<Gap> gaps = new ArrayList<>();
    private long expected;
    private String lastChecksum;
    private ChainPosition verifiedEnd;
    private boolean lastChanged;
    private boolean intactSoFar = true;
    private long read;

    private ChainVerifier(String logId, ChainPosition start, CheckpointVerifier checkpoints) {
        this.logId = Objects.requireNonNull(logId, "logId");
        this.start = Objects.requireNonNull(start, "start");
        this.checkpoints = checkpoints;
        this.expected = start.nextSequence();
        this.lastChecksum = start.lastChecksum();
        this.verifiedEnd = start;
    }

    /** A verifier of a whole log, from its first event. */
    public static ChainVerifier of(String logId) {
        return new ChainVerifier(logId, ChainPosition.EMPTY, null);
    }

    /**
     * A verifier of the hash chain and, through {@code checkpoints}, of the Merkle tree against
     * signed checkpoints and a witness; it starts where {@code checkpoints} starts.
     */
    public static ChainVerifier of(String logId, CheckpointVerifier checkpoints) {
        Objects.requireNonNull(checkpoints, "checkpoints");
        return new ChainVerifier(logId, checkpoints.start(), checkpoints);
    }

    /**
     * A verifier that continues after a trusted position: the first record fed must be the
     * event at {@code start.size() + 1}, linked to {@code start.lastChecksum()}.
     */
    public static ChainVerifier from(String logId, ChainPosition start) {
        return new ChainVerifier(logId, start, null);
    }

    /** Verifies a whole series of events; positions are 1, 2, 3, ... in iteration order. */
    public static VerificationReport verify(String logId, Iterable<AuditEvent> events) {
        ChainVerifier v = of(logId);
        long position = 0;
        for (Iterator<AuditEvent> it = events.iterator(); it.hasNext(); ) {
            v.accept(++position, it.next());
        }
        return v.finish();
    }

    /**
     * Checks the next stored event.
     *
     * @param position where it is stored (line or row number), for the report
     * @param event the event as read
     */
    public void accept(long position, AuditEvent event) {
        read++;
        if (checkpoints != null) {
            checkpoints.leaf(position, event.checksum());
        }
        if (!event.verify()) {
            damage(new Damage(DamageKind.CHANGED, position, expected, expected,
                    "the checksum does not match the fields (stored " + abbreviate(event.checksum())
                            + ", computed " + abbreviate(event.computeChecksum()) + ")"));
            occupyExpected(event.checksum(), true);
            return;
        }
        if (!logId.equals(event.logId())) {
            damage(new Damage(DamageKind.FOREIGN, position, event.sequence(), event.sequence(),
                    "an event of log '" + event.logId() + "' (its sequence " + event.sequence() + ")"));
            return;
        }
        long seq = event.sequence();
        if (seq == expected) {
            if (!lastChanged && !event.previousChecksum().equals(lastChecksum)) {
                damage(new Damage(DamageKind.BROKEN_LINK, position, seq, seq,
                        "its previous checksum " + abbreviate(event.previousChecksum())
                                + " is not the checksum of the event before it (" + abbreviate(lastChecksum) + ")"));
            }
            occupyExpected(event.checksum(), false);
        } else if (seq > expected) {
            gaps.add(new Gap(expected, seq - 1, position));
            intactSoFar = false;
            expected = seq + 1;
            lastChecksum = event.checksum();
            lastChanged = false;
        } else if (fillGap(seq, position)) {
            intactSoFar = false;
        } else {
            damage(new Damage(DamageKind.DUPLICATED, position, seq, seq,
                    "sequence " + seq + " was already stored earlier"));
        }
    }

    /**
     * Reports a stored record that could not be read as an event. It is assumed to stand at
     * the expected sequence.
     */
    public void acceptMalformed(long position, String problem) {
        acceptMalformed(position, problem, null);
    }

    /**
     * Reports a stored record that could not be read as an event but whose stored checksum is
     * known (a table row with an unreadable column): it is still the record's Merkle leaf.
     *
     * @param storedChecksum the record's checksum as stored, or null
     */
    public void acceptMalformed(long position, String problem, String storedChecksum) {
        read++;
        if (checkpoints != null) {
            if (storedChecksum == null) {
                checkpoints.unreadableLeaf(position);
            } else {
                checkpoints.leaf(position, storedChecksum);
            }
        }
        damage(new Damage(DamageKind.MALFORMED, position, expected, expected, problem));
        occupyExpected(null, true);
    }

    /**
     * A stored checkpoint at {@code position}, handed to the checkpoint verifier.
     *
     * @throws IllegalStateException if this verifier was made without one
     */
    public void checkpoint(long position, String note) {
        if (checkpoints == null) {
            throw new IllegalStateException("this chain verifier checks no checkpoints");
        }
        checkpoints.checkpoint(position, note);
    }

    /** Adds a finding of the storage itself (e.g. a head that does not match); notices are kept apart. */
    public void report(Damage damage) {
        if (damage.kind().isDamage()) {
            damage(damage);
        } else {
            notices.add(damage);
        }
    }

    /** Ends verification: gaps never filled are reported as missing. */
    public VerificationReport finish() {
        for (Gap gap : gaps) {
            for (long[] range : gap.remaining()) {
                damages.add(new Damage(DamageKind.MISSING, gap.position, range[0], range[1],
                        (range[0] == range[1] ? "sequence " + range[0] + " is" : "sequences " + range[0] + ".."
                                + range[1] + " are") + " absent (deleted?) before position " + gap.position));
            }
        }
        gaps.clear();
        Anchors anchors = Anchors.CHAIN_ONLY;
        if (checkpoints != null) {
            CheckpointVerifier.Findings findings = checkpoints.finish();
            damages.addAll(findings.damages());
            notices.addAll(findings.notices());
            anchors = findings.anchors();
        }
        damages.sort(java.util.Comparator.comparingLong(Damage::position).thenComparingLong(Damage::firstSequence));
        return new VerificationReport(logId, start, verifiedEnd, read, damages, notices, anchors);
    }

    private void occupyExpected(String checksum, boolean changed) {
        lastChecksum = checksum;
        lastChanged = changed;
        if (intactSoFar && !changed) {
            verifiedEnd = new ChainPosition(expected, checksum);
        }
        expected++;
    }

    private void damage(Damage d) {
        damages.add(d);
        intactSoFar = false;
    }

    private boolean fillGap(long seq, long position) {
        for (Gap gap : gaps) {
            if (gap.contains(seq)) {
                gap.fill(seq);
                damages.add(new Damage(DamageKind.REORDERED, position, seq, seq,
                        "sequence " + seq + " is stored at position " + position + " but belongs before position "
                                + gap.position));
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String checksum) {
        return checksum == null || checksum.length() < 12 ? String.valueOf(checksum) : checksum.substring(0, 12) + "…";
    }

    /** Sequences first..last were expected at {@code position} and not (yet) seen. */
    private static final class Gap {
        private final long position;
        private final List<long[]> open = new ArrayList<>();

        Gap(long first, long last, long position) {
            this.position = position;
            open.add(new long[] {first, last});
        }

        boolean contains(long seq) {
            for (long[] r : open) {
                if (seq >= r[0] && seq <= r[1]) {
                    return true;
                }
            }
            return false;
        }

        void fill(long seq) {
            for (int i = 0; i < open.size(); i++) {
                long[] r = open.get(i);
                if (seq >= r[0] && seq <= r[1]) {
                    open.remove(i);
                    if (seq > r[0]) {
                        open.add(i, new long[] {r[0], seq - 1});
                        i++;
                    }
                    if (seq < r[1]) {
                        open.add(i, new long[] {seq + 1, r[1]});
                    }
                    return;
                }
            }
        }

        List<long[]> remaining() {
            return open;
        }
    }
}
