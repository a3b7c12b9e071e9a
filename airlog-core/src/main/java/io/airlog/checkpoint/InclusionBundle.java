package io.airlog.checkpoint;

import io.airlog.internal.StrictBase64;
import io.airlog.internal.StrictDecimal;
import io.airlog.merkle.Digest;
import io.airlog.merkle.InclusionProof;
import java.util.List;
import java.util.Objects;

/**
 * An offline-verifiable proof that an event is in a log: a C2SP {@code tlog-proof}
 * ({@code c2sp.org/tlog-proof@v1}) holding the leaf index, the inclusion path and the signed
 * checkpoint it leads to, and optionally opaque extra data (airlog puts nothing there; an
 * exporter may carry the event itself). Its text:
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;           (optional)
 * index &lt;leaf index&gt;
 * &lt;base64 hash&gt;             (one per line, the leaf's sibling first)
 *
 * &lt;signed checkpoint note&gt;
 * </pre>
 *
 * @param index the leaf index (the event's sequence minus one)
 * @param path the inclusion path
 * @param extra the extra data as canonical base64, or null
 * @param checkpoint the signed checkpoint the path leads to
 */
public record InclusionBundle(long index, List<Digest> path, String extra, SignedNote checkpoint) {
    /** The first line. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** Checks and copies. */
    public InclusionBundle {
        if (index < 0) {
            throw new IllegalArgumentException("a leaf index is not negative: " + index);
        }
        path = List.copyOf(path);
        if (path.size() > ProofText.MAX_HASHES) {
            throw new IllegalArgumentException("an inclusion path has at most " + ProofText.MAX_HASHES + " hashes");
        }
        if (extra != null) {
            StrictBase64.decode(extra, "the extra data");
        }
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** The bundle of a proof and the signed checkpoint of its tree, without extra data. */
    public static InclusionBundle of(InclusionProof proof, SignedNote checkpoint) {
        long size = Checkpoint.parse(checkpoint.text()).size();
        if (size != proof.treeSize()) {
            throw new IllegalArgumentException("the proof is for a tree of " + proof.treeSize()
                    + " leaves, the checkpoint of " + size);
        }
        return new InclusionBundle(proof.index(), proof.path(), null, checkpoint);
    }

    /** The inclusion proof, for the tree size of the checkpoint. */
    public InclusionProof proof() {
        return new InclusionProof(index, Checkpoint.parse(checkpoint.text()).size(), path);
    }

    /**
     * Checks the bundle: the checkpoint is signed by a trusted key for {@code origin}, and
     * {@code leaf} (an event checksum) is leaf {@link #index()} of its tree.
     *
     * @return the signed checkpoint
     * @throws RejectedCheckpointException if the checkpoint is not trusted
     * @throws IllegalArgumentException if the leaf is not included
     */
    public SignedCheckpoint verify(Digest leaf, TrustedKeys keys, String origin) {
        SignedCheckpoint signed = keys.open(checkpoint.format(), origin);
        if (!proof().verify(leaf, signed.checkpoint().root())) {
            throw new IllegalArgumentException("the inclusion proof of leaf " + index + " does not lead to the root of "
                    + signed);
        }
        return signed;
    }

    /** The text form. */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            sb.append("extra ").append(extra).append('\n');
        }
        sb.append("index ").append(index).append('\n');
        ProofText.append(sb, path);
        return sb.append('\n').append(checkpoint.format()).toString();
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static InclusionBundle parse(String text) {
        String what = "a tlog-proof";
        String[] parts = ProofText.split(text, what);
        String[] lines = parts[0].split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException(what + " starts with the line '" + HEADER + "'");
        }
        int i = 1;
        String extra = null;
        if (i < lines.length && lines[i].startsWith("extra ")) {
            extra = lines[i++].substring("extra ".length());
        }
        if (i >= lines.length || !lines[i].startsWith("index ")) {
            throw new IllegalArgumentException(what + " has an 'index <n>' line after its header");
        }
        long index = StrictDecimal.parse(lines[i].substring("index ".length()), "the index of " + what);
        List<Digest> path = ProofText.read(lines, i + 1, what);
        return new InclusionBundle(index, path, extra, SignedNote.parse(parts[1]));
    }
}
