package io.airlog.checkpoint;

import io.airlog.internal.StrictDecimal;
import io.airlog.merkle.ConsistencyProof;
import io.airlog.merkle.Digest;
import java.util.List;
import java.util.Objects;

/**
 * A proof that a log only grew between an older tree size and a signed checkpoint: the body
 * of a C2SP {@code tlog-witness} add-checkpoint request, so a C2SP witness can take it as is.
 * Its text:
 * <pre>
 * old &lt;older tree size&gt;
 * &lt;base64 hash&gt;             (the consistency path, one per line; none from size 0)
 *
 * &lt;signed checkpoint note of the newer tree&gt;
 * </pre>
 *
 * @param oldSize the older tree size
 * @param path the consistency path from {@code oldSize} to the checkpoint's size
 * @param checkpoint the newer signed checkpoint
 */
public record ConsistencyBundle(long oldSize, List<Digest> path, SignedNote checkpoint) {

    /** Checks and copies. */
    public ConsistencyBundle {
        if (oldSize < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + oldSize);
        }
        path = List.copyOf(path);
        if (path.size() > ProofText.MAX_HASHES) {
            throw new IllegalArgumentException("a consistency path has at most " + ProofText.MAX_HASHES + " hashes");
        }
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** The bundle of a proof and the signed checkpoint of its newer tree. */
    public static ConsistencyBundle of(ConsistencyProof proof, SignedNote checkpoint) {
        long size = Checkpoint.parse(checkpoint.text()).size();
        if (size != proof.newSize()) {
            throw new IllegalArgumentException("the proof leads to a tree of " + proof.newSize()
                    + " leaves, the checkpoint is of " + size);
        }
        return new ConsistencyBundle(proof.oldSize(), proof.path(), checkpoint);
    }

    /** The consistency proof. */
    public ConsistencyProof proof() {
        return new ConsistencyProof(oldSize, Checkpoint.parse(checkpoint.text()).size(), path);
    }

    /**
     * Checks that the newer checkpoint is signed by a trusted key for {@code origin} and that
     * the older tree (size {@link #oldSize()}, root {@code oldRoot}) is a prefix of it.
     *
     * @return the newer signed checkpoint
     * @throws RejectedCheckpointException if the checkpoint is not trusted
     * @throws IllegalArgumentException if the trees are not consistent
     */
    public SignedCheckpoint verify(Digest oldRoot, TrustedKeys keys, String origin) {
        SignedCheckpoint signed = keys.open(checkpoint.format(), origin);
        if (!proof().verify(oldRoot, signed.checkpoint().root())) {
            throw new IllegalArgumentException("the tree of size " + oldSize + " with root " + oldRoot.base64()
                    + " is not a prefix of " + signed);
        }
        return signed;
    }

    /** The text form. */
    public String format() {
        StringBuilder sb = new StringBuilder("old ").append(oldSize).append('\n');
        ProofText.append(sb, path);
        return sb.append('\n').append(checkpoint.format()).toString();
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ConsistencyBundle parse(String text) {
        String what = "a consistency proof";
        String[] parts = ProofText.split(text, what);
        String[] lines = parts[0].split("\n", -1);
        if (!lines[0].startsWith("old ")) {
            throw new IllegalArgumentException(what + " starts with an 'old <size>' line");
        }
        long oldSize = StrictDecimal.parse(lines[0].substring("old ".length()), "the old size of " + what);
        return new ConsistencyBundle(oldSize, ProofText.read(lines, 1, what), SignedNote.parse(parts[1]));
    }
}
