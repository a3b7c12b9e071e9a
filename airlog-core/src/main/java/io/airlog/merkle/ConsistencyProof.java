package io.airlog.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle consistency proof (RFC 9162 section 2.1.4, RFC 6962 section 2.1.2): the hashes that
 * show the tree of {@code oldSize} leaves is a prefix of the tree of {@code newSize} leaves.
 * {@link #verify} runs the algorithm of RFC 9162 section 2.1.4.2 as written, which covers
 * {@code 0 < oldSize < newSize}; the two cases the RFC leaves out are decided as C2SP
 * tlog-witness and Sigsum decide them: equal sizes need an empty path and equal roots, and
 * the empty tree (whose root is SHA-256 of nothing) is a prefix of every tree, with an empty
 * path.
 *
 * @param oldSize the size of the older tree
 * @param newSize the size of the newer tree
 * @param path the consistency path
 */
public record ConsistencyProof(long oldSize, long newSize, List<Digest> path) {

    /** Checks the sizes and copies the path. */
    public ConsistencyProof {
        if (oldSize < 0 || newSize < 0) {
            throw new IllegalArgumentException("tree sizes must not be negative: " + oldSize + ", " + newSize);
        }
        path = List.copyOf(path);
    }

    /**
     * Whether the tree of {@link #oldSize()} leaves with root {@code oldRoot} is a prefix of the
     * tree of {@link #newSize()} leaves with root {@code newRoot}.
     */
    public boolean verify(Digest oldRoot, Digest newRoot) {
        Objects.requireNonNull(oldRoot, "oldRoot");
        Objects.requireNonNull(newRoot, "newRoot");
        if (oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return path.isEmpty() && oldRoot.equals(newRoot);
        }
        if (oldSize == 0) {
            return path.isEmpty() && oldRoot.equals(TreeHasher.EMPTY_ROOT);
        }
        // RFC 9162 section 2.1.4.2, step by step.
        if (path.isEmpty()) {
            return false;                                       // 1.
        }
        List<Digest> consistencyPath = new ArrayList<>(path);
        if ((oldSize & (oldSize - 1)) == 0) {
            consistencyPath.add(0, oldRoot);                    // 2.
        }
        long fn = oldSize - 1;                                  // 3.
        long sn = newSize - 1;
        while ((fn & 1) == 1) {                                 // 4.
            fn >>>= 1;
            sn >>>= 1;
        }
        Digest fr = consistencyPath.get(0);                     // 5.
        Digest sr = fr;
        for (Digest c : consistencyPath.subList(1, consistencyPath.size())) { // 6.
            if (sn == 0) {
                return false;                                   // 6a.
            }
            if ((fn & 1) == 1 || fn == sn) {                    // 6b.
                fr = TreeHasher.nodeHash(c, fr);
                sr = TreeHasher.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = TreeHasher.nodeHash(sr, c);
            }
            fn >>>= 1;                                          // 6c.
            sn >>>= 1;
        }
        return fr.equals(oldRoot) && sr.equals(newRoot) && sn == 0; // 7.
    }
}
