package io.airlog.verify;

import io.airlog.ChainPosition;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.RejectedCheckpointException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.WitnessSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Verifies a log's Merkle tree against what trusted keys signed: the store's own checkpoints
 * and the newest checkpoint its witness holds. Fed the store's leaves (event checksums) in
 * storage order and its checkpoints where they stand, it recomputes the tree and reports, with
 * kinds and positions, every checkpoint that is not validly signed or does not match the
 * events, a store behind or inconsistent with its witness, and (as notices) an unsigned tail
 * or a witness that is behind.
 *
 * <p><b>What it trusts.</b> Only notes that a {@linkplain TrustedKeys trusted key} signed.
 * Nothing the store holds is trusted by itself: a stored checkpoint counts only when its
 * signature verifies, and a stored {@link TreeEdge} to start from only when it matches a
 * signed checkpoint. So whoever can write the store can neither hide damage by adding rows nor
 * cause a false alarm that a signed checkpoint would not also show.
 *
 * <p><b>Full and incremental.</b> A full check feeds every leaf from the first. An incremental
 * check {@linkplain Builder#startAt starts} at a stored edge that a trusted checkpoint
 * authenticates, at or before the witnessed size, and feeds the leaves after it; it checks the
 * same things for the events it reads. A full check is never weaker: it also checks every
 * earlier checkpoint.
 *
 * <p><b>Feeding order.</b> Leaves in storage order (for a table, sequence order), one per
 * stored record whatever its state (a record whose checksum cannot be read is
 * {@linkplain #unreadableLeaf unreadable}); each stored checkpoint after the leaves it covers
 * and before the next one (for JSON lines, where its line stands). A checkpoint fed early is
 * checked when the tree reaches its size.
 *
 * <p>Not thread-safe: one verifier per verification.
 */
public final class CheckpointVerifier {
    private final String origin;
    private final TrustedKeys keys;
    private final List<Damage> damages = new ArrayList<>();
    private final List<Damage> notices = new ArrayList<>();
    private final List<String> notChecked = new ArrayList<>();
    private final TreeMap<Long, List<Stored>> pending = new TreeMap<>();
    private final ChainPosition start;
    private final SignedCheckpoint witnessed;
    private final String witnessLocation;
    private final boolean witnessExists;
    private final boolean witnessHasRecords;
    private final boolean rejectedAsNotices;
    private final boolean requireSigned;

    private TreeEdge tree;
    private long size;
    private long unreadableAt;
    private long signedThrough;
    private long newestSigned;
    private boolean witnessMatched;
    private boolean witnessStored;
    private long uncheckedCheckpoints;
    private Damage firstMismatch;
    private long laterMismatches;
    private long laterMismatchFirst;
    private long laterMismatchLast;

    /** A stored, validly signed checkpoint waiting for the tree to reach its size. */
    private record Stored(long position, SignedCheckpoint checkpoint) {
    }

    private CheckpointVerifier(Builder b) {
        this.origin = b.origin;
        this.keys = b.keys;
        this.rejectedAsNotices = b.rejectedAsNotices;
        this.requireSigned = b.requireSigned;
        this.tree = b.startEdge == null ? TreeEdge.empty() : b.startEdge;
        this.size = tree.size();
        this.start = new ChainPosition(tree.size(), tree.lastLeaf().map(Digest::hex).orElse(ChainPosition.GENESIS));
        if (b.startCheckpoint != null) {
            signedThrough = tree.size();
            newestSigned = tree.size();
        }
        if (keys.isEmpty()) {
            notChecked.add("signed checkpoints (no trusted keys given): neither a rewritten log nor lost last events"
                    + " can be detected without them");
        }
        WitnessSnapshot w = b.witness;
        witnessLocation = w == null ? null : w.location();
        witnessExists = w != null && w.exists();
        witnessHasRecords = w != null && !w.newestFirst().isEmpty();
        if (w == null) {
            notChecked.add("a witness (none given): a log cut at its end or restored from an older backup, with its"
                    + " checkpoints, passes without one");
            witnessed = null;
        } else if (keys.isEmpty()) {
            notChecked.add("the witness " + w.location() + " (no trusted keys to verify its records)");
            witnessed = null;
        } else {
            witnessed = newestValid(w);
        }
        if (witnessed != null && b.startEdge != null) {
            if (witnessed.size() < tree.size()) {
                throw new IllegalArgumentException("an incremental check starts at or before the witnessed size "
                        + witnessed.size() + ", not at " + tree.size());
            }
            if (witnessed.size() == tree.size()) {
                compareWitness(0);
            }
        }
    }

    /** Starts building a verifier of log {@code logId}. */
    public static Builder builder(String logId) {
        return new Builder(logId);
    }

    /** The settings of a verifier. */
    public static final class Builder {
        private final String logId;
        private String origin;
        private TrustedKeys keys = TrustedKeys.none();
        private WitnessSnapshot witness;
        private SignedCheckpoint startCheckpoint;
        private TreeEdge startEdge;
        private boolean rejectedAsNotices;
        private boolean requireSigned;

        private Builder(String logId) {
            this.logId = Objects.requireNonNull(logId, "logId");
            this.origin = Checkpoint.defaultOrigin(logId);
        }

        /** The log. */
        public String logId() {
            return logId;
        }

        /** The origin the log's checkpoints carry (default {@link Checkpoint#defaultOrigin}). */
        public Builder origin(String origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /** The keys whose signatures count (default none: checkpoints are not checked). */
        public Builder trustedKeys(TrustedKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** What the log's witness holds (default: no witness). */
        public Builder witness(WitnessSnapshot snapshot) {
            this.witness = Objects.requireNonNull(snapshot, "snapshot");
            return this;
        }

        /**
         * Whether a stored checkpoint that no trusted key validly signed is a
         * {@link DamageKind#CHECKPOINT_IGNORED} notice rather than damage (default false: damage).
         * For stores where whoever may append events may also insert checkpoints, such as a
         * database's application role: such an insert must not cause a permanent false alarm.
         * What it cannot hide stays damage: a witnessed checkpoint absent from the store is
         * {@link DamageKind#CHECKPOINT_MISSING}.
         */
        public Builder rejectedAsNotices(boolean notices) {
            this.rejectedAsNotices = notices;
            return this;
        }

        /**
         * Whether every event must be covered by a trusted signed checkpoint (default false): events
         * after the newest one are then {@link DamageKind#UNSIGNED_EVENTS} damage instead of an
         * {@link DamageKind#UNSIGNED_TAIL} notice. For a writer that signs every batch in its
         * transaction. Requires trusted keys.
         */
        public Builder requireSigned(boolean required) {
            this.requireSigned = required;
            return this;
        }

        /**
         * Starts after a stored tree edge (an incremental check) that the signed checkpoint
         * authenticates: same size and root. The leaves fed are those after it.
         *
         * @throws IllegalArgumentException if the edge does not match the checkpoint, or the
         *         checkpoint is of another log
         */
        public Builder startAt(SignedCheckpoint checkpoint, TreeEdge edge) {
            if (!checkpoint.checkpoint().matches(edge)) {
                throw new IllegalArgumentException("the stored tree edge (size " + edge.size() + ", root "
                        + edge.root().base64() + ") does not match the signed checkpoint " + checkpoint);
            }
            this.startCheckpoint = checkpoint;
            this.startEdge = edge;
            return this;
        }

        /**
         * The verifier.
         *
         * @throws IllegalArgumentException if the start is of another log or after the witnessed size,
         *         or signatures are required without trusted keys
         */
        public CheckpointVerifier build() {
            if (requireSigned && keys.isEmpty()) {
                throw new IllegalArgumentException("requiring every event to be signed needs trusted keys");
            }
            if (startCheckpoint != null && !startCheckpoint.checkpoint().origin().equals(origin)) {
                throw new IllegalArgumentException("the start checkpoint is of log '"
                        + startCheckpoint.checkpoint().origin() + "', not '" + origin + "' (" + logId + ")");
            }
            return new CheckpointVerifier(this);
        }
    }

    /** The chain position the leaves fed continue from (that of the start edge, or empty). */
    public ChainPosition start() {
        return start;
    }

    /** The tree over the start and the leaves fed so far (up to the first unreadable one). */
    public TreeEdge edge() {
        return tree;
    }

    /** The next stored leaf: the checksum of the record at {@code position}. */
    public void leaf(long position, Digest leaf) {
        size++;
        if (unreadableAt != 0) {
            return;
        }
        tree = tree.append(leaf);
        checkAt(position);
    }

    /**
     * The next stored leaf as its stored text (64 lowercase hex digits); a checksum that is not
     * is an {@linkplain #unreadableLeaf unreadable leaf}.
     */
    public void leaf(long position, String checksum) {
        Digest leaf;
        try {
            leaf = checksum == null ? null : Digest.fromHex(checksum);
        } catch (IllegalArgumentException e) {
            leaf = null;
        }
        if (leaf == null) {
            unreadableLeaf(position);
        } else {
            leaf(position, leaf);
        }
    }

    /**
     * The next stored record has no readable checksum: the tree cannot be computed past it,
     * so later checkpoints are not compared (the chain verifier reports the record).
     */
    public void unreadableLeaf(long position) {
        size++;
        if (unreadableAt == 0) {
            unreadableAt = position;
            notChecked.add("the Merkle tree after position " + position + " (a record without a readable checksum)");
        }
    }

    /**
     * A stored checkpoint (the whole signed note), at {@code position} in storage. Checked now
     * if the tree has reached its size, else when it does.
     */
    public void checkpoint(long position, String note) {
        if (keys.isEmpty()) {
            uncheckedCheckpoints++;
            return;
        }
        SignedCheckpoint signed;
        try {
            signed = keys.open(note, origin);
        } catch (RejectedCheckpointException e) {
            long claimed = claimedSize(note);
            if (rejectedAsNotices) {
                notices.add(new Damage(DamageKind.CHECKPOINT_IGNORED, position, claimed, claimed, kind(e.reason())
                        + ", ignored: " + e.getMessage()));
            } else {
                damages.add(new Damage(kind(e.reason()), position, claimed, claimed, e.getMessage()));
            }
            return;
        }
        newestSigned = Math.max(newestSigned, signed.size());
        if (signed.size() > size) {
            pending.computeIfAbsent(signed.size(), s -> new ArrayList<>()).add(new Stored(position, signed));
        } else if (signed.size() == size) {
            compare(new Stored(position, signed));
        } else if (signed.size() < start.size()) {
            // before the start of an incremental check: not part of what is verified
            return;
        } else {
            if (witnessed != null && witnessed.checkpoint().equals(signed.checkpoint())) {
                witnessStored = true;
            }
            mismatch(new Damage(DamageKind.CHECKPOINT_MISMATCH, position, signed.size(), signed.size(),
                    "the signed checkpoint of tree size " + signed.size() + " stands after " + size
                            + " events: events were inserted before it, or it was moved"));
        }
    }

    /** What the checks found. */
    public Findings finish() {
        for (Map.Entry<Long, List<Stored>> e : pending.entrySet()) {
            for (Stored s : e.getValue()) {
                mismatch(new Damage(DamageKind.CHECKPOINT_MISMATCH, s.position, size + 1, s.checkpoint.size(),
                        "the signed checkpoint covers " + s.checkpoint.size() + " events but only " + size
                                + " are stored: events were lost at the end"));
            }
        }
        pending.clear();
        if (laterMismatches > 0) {
            damages.add(new Damage(DamageKind.CHECKPOINT_MISMATCH, 0, laterMismatchFirst, laterMismatchLast,
                    laterMismatches + " later signed checkpoint(s) (tree sizes " + laterMismatchFirst + ".."
                            + laterMismatchLast + ") do not match the stored events either"));
            laterMismatches = 0;
        }
        finishWitness();
        if (uncheckedCheckpoints > 0) {
            notChecked.add(uncheckedCheckpoints + " stored checkpoint(s) were not verified (no trusted keys)");
            uncheckedCheckpoints = 0;
        }
        if (!keys.isEmpty() && firstMismatch == null && size > signedThrough && unreadableAt == 0) {
            String covered = (size - signedThrough) + " event(s) after the newest signed checkpoint (" + signedThrough
                    + ") are covered by no signature";
            if (requireSigned) {
                damages.add(new Damage(DamageKind.UNSIGNED_EVENTS, 0, signedThrough + 1, size, covered
                        + ", but every event must be signed: they were added without the key"));
            } else {
                notices.add(new Damage(DamageKind.UNSIGNED_TAIL, 0, signedThrough + 1, size, covered + " yet"));
            }
        }
        damages.sort(Comparator.comparingLong(Damage::position).thenComparingLong(Damage::firstSequence));
        return new Findings(damages, notices, new Anchors(signedThrough, witnessMatched ? witnessed.size() : 0,
                notChecked));
    }

    /**
     * What a {@link CheckpointVerifier} found.
     *
     * @param damages the damage, in storage order
     * @param notices the notices
     * @param anchors how far the log is anchored, and what was not checked
     */
    public record Findings(List<Damage> damages, List<Damage> notices, Anchors anchors) {
        /** Copies the lists. */
        public Findings {
            damages = List.copyOf(damages);
            notices = List.copyOf(notices);
        }
    }

    private void checkAt(long position) {
        List<Stored> due = pending.remove(size);
        if (due != null) {
            for (Stored s : due) {
                compare(s);
            }
        }
        if (witnessed != null && witnessed.size() == size) {
            compareWitness(position);
        }
    }

    private void compare(Stored s) {
        if (unreadableAt != 0) {
            return;
        }
        Checkpoint c = s.checkpoint.checkpoint();
        if (c.root().equals(tree.root())) {
            signedThrough = Math.max(signedThrough, c.size());
            if (witnessed != null && witnessed.checkpoint().equals(c)) {
                witnessStored = true;
            }
        } else {
            mismatch(new Damage(DamageKind.CHECKPOINT_MISMATCH, s.position, c.size(), c.size(),
                    "the stored events 1.." + c.size() + " do not hash to the root this signed checkpoint holds ("
                            + c.root().base64() + ", computed " + tree.root().base64() + "): events before it were"
                            + " changed, rewritten, inserted or removed"));
        }
    }

    private void compareWitness(long position) {
        if (unreadableAt != 0) {
            return;
        }
        if (witnessed.checkpoint().root().equals(tree.root())) {
            witnessMatched = true;
            signedThrough = Math.max(signedThrough, witnessed.size());
            if (start.size() == witnessed.size() && tree.size() == start.size()) {
                witnessStored = true;
            }
        } else {
            mismatch(new Damage(DamageKind.WITNESS_MISMATCH, position, witnessed.size(), witnessed.size(),
                    "the stored events 1.." + witnessed.size() + " do not hash to the root the witness "
                            + witnessLocation + " holds for that size: the log was rewritten or re-created"));
        }
    }

    private void mismatch(Damage d) {
        if (firstMismatch == null || d.kind() != DamageKind.CHECKPOINT_MISMATCH) {
            if (firstMismatch == null) {
                firstMismatch = d;
            }
            damages.add(d);
            return;
        }
        if (laterMismatches == 0) {
            laterMismatchFirst = d.lastSequence();
        }
        laterMismatches++;
        laterMismatchLast = d.lastSequence();
    }

    private void finishWitness() {
        if (witnessLocation == null || keys.isEmpty()) {
            return;
        }
        if (!witnessExists) {
            if (newestSigned > 0) {
                damages.add(new Damage(DamageKind.WITNESS_MISSING, 0, 0, 0, "the witness " + witnessLocation
                        + " holds nothing, but the store holds signed checkpoints: the witness was removed"));
            }
            return;
        }
        if (witnessed == null) {
            if (newestSigned > 0 && !witnessHasRecords) {
                notices.add(new Damage(DamageKind.WITNESS_BEHIND, 0, 1, newestSigned, "the witness " + witnessLocation
                        + " holds no checkpoint yet; the store's newest signed checkpoint has tree size "
                        + newestSigned));
            }
            return;
        }
        long m = witnessed.size();
        if (size < m) {
            damages.add(new Damage(DamageKind.BEHIND_WITNESS, 0, size + 1, m, "the witness " + witnessLocation
                    + " holds a signed checkpoint of " + m + " events but the store holds " + size
                    + ": events were lost at the end, or an older backup was restored"));
            return;
        }
        if (witnessMatched && !witnessStored) {
            damages.add(new Damage(DamageKind.CHECKPOINT_MISSING, 0, m, m, "the checkpoint of tree size " + m
                    + " that the witness holds is not among the stored checkpoints: it was removed"));
        }
        if (m < newestSigned) {
            notices.add(new Damage(DamageKind.WITNESS_BEHIND, 0, m + 1, newestSigned, "the witness " + witnessLocation
                    + " holds tree size " + m + "; the store's newest signed checkpoint has " + newestSigned));
        }
    }

    /**
     * The tree size of the newest record of {@code snapshot} that a trusted key signed for
     * {@code origin} (0 if none): an incremental check {@linkplain Builder#startAt starts} at or before it.
     */
    public static long witnessedSize(WitnessSnapshot snapshot, TrustedKeys keys, String origin) {
        for (WitnessSnapshot.Record r : snapshot.newestFirst()) {
            if (r.problem() == null) {
                try {
                    return keys.open(r.note(), origin).size();
                } catch (RejectedCheckpointException e) {
                    // an altered record: the next older one counts
                }
            }
        }
        return 0;
    }

    /** The newest record of the snapshot that a trusted key signed; damaged newer ones are reported. */
    private SignedCheckpoint newestValid(WitnessSnapshot w) {
        for (String n : w.notices()) {
            notices.add(new Damage(DamageKind.WITNESS_NOTICE, 0, 0, 0, n));
        }
        for (WitnessSnapshot.Record r : w.newestFirst()) {
            if (r.problem() != null) {
                damages.add(new Damage(DamageKind.WITNESS_DAMAGED, 0, 0, 0, "witness " + w.location() + ", " + r.where()
                        + ": " + r.problem()));
                continue;
            }
            try {
                return keys.open(r.note(), origin);
            } catch (RejectedCheckpointException e) {
                damages.add(new Damage(DamageKind.WITNESS_DAMAGED, 0, 0, 0, "witness " + w.location() + ", "
                        + r.where() + ": " + e.getMessage()));
            }
        }
        return null;
    }

    private static DamageKind kind(RejectedCheckpointException.Reason reason) {
        return switch (reason) {
            case MALFORMED -> DamageKind.CHECKPOINT_MALFORMED;
            case UNTRUSTED_KEY -> DamageKind.CHECKPOINT_UNTRUSTED;
            case BAD_SIGNATURE -> DamageKind.CHECKPOINT_SIGNATURE_INVALID;
            case OTHER_LOG -> DamageKind.CHECKPOINT_FOREIGN;
        };
    }

    /** The tree size a rejected note claims, for the report (0 if it cannot be read). */
    private static long claimedSize(String note) {
        try {
            return Checkpoint.parse(SignedNote.parse(note).text()).size();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
