package io.airlog.merkle;

import java.util.List;
import java.util.Objects;

/**
 * A Merkle inclusion proof (RFC 9162 section 2.1.3, RFC 6962 section 2.1.1): the hashes that
 * lead from leaf {@code index} to the root of the tree of {@code treeSize} leaves, the leaf's
 * sibling first. Any RFC 6962 client checks it; {@link #verify} runs the algorithm of RFC 9162
 * section 2.1.3.2 as written.
 *
 * @param index the leaf's index, from 0 (the event with sequence {@code index + 1})
 * @param treeSize the size of the tree whose root the proof leads to
 * @param path the inclusion path, from the leaf's sibling up to a child of the root
 */
public record InclusionProof(long index, long treeSize, List<Digest> path) {

    /** Checks the sizes and copies the path. */
    public InclusionProof {
        if (index < 0 || treeSize < 0) {
            throw new IllegalArgumentException("index and tree size must not be negative: " + index + ", " + treeSize);
        }
        path = List.copyOf(path);
    }

    /**
     * Whether {@code leaf} (an event checksum; hashed here as a leaf, SHA-256(0x00 ‖ leaf)) is
     * leaf {@link #index()} of the tree of {@link #treeSize()} leaves whose root is {@code root}.
     */
    public boolean verify(Digest leaf, Digest root) {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(root, "root");
        // RFC 9162 section 2.1.3.2, step by step.
        if (index >= treeSize) {
            return false;                                       // 1.
        }
        long fn = index;                                        // 2.
        long sn = treeSize - 1;
        Digest r = TreeHasher.leafHash(leaf);                   // 3.
        for (Digest p : path) {                                 // 4.
            if (sn == 0) {
                return false;                                   // 4a.
            }
            if ((fn & 1) == 1 || fn == sn) {                    // 4b.
                r = TreeHasher.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = TreeHasher.nodeHash(r, p);
            }
            fn >>>= 1;                                          // 4c.
            sn >>>= 1;
        }
        return sn == 0 && r.equals(root);                       // 5.
    }
}
