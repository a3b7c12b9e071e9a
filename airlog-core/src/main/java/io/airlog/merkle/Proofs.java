package io.airlog.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Generates inclusion and consistency proofs by the definitions of RFC 9162 sections 2.1.3.1
 * and 2.1.4.1 (PATH and SUBPROOF), reading the leaves once, in order, through a
 * {@link LeafSource}.
 *
 * <p>Each hash of a proof is the root of a run of consecutive leaves that depends only on the
 * tree sizes and the index. Those runs are computed first (at most 2 per tree level), then
 * the source is read run by run in increasing order and each run is hashed with a compact
 * range. Memory is O(log n) whatever the size of the log: a proof over 1,000,000 leaves holds
 * about 20 hashes and one compact range at a time.
 */
public final class Proofs {
    private Proofs() {
    }

    /**
     * The inclusion proof of leaf {@code index} in the tree of {@code treeSize} leaves.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < treeSize}
     * @throws IllegalStateException if the source delivers the wrong number of leaves
     */
    public static InclusionProof inclusion(long index, long treeSize, LeafSource leaves) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of " + treeSize + " leaves");
        }
        Objects.requireNonNull(leaves, "leaves");
        List<Run> runs = new ArrayList<>();
        path(index, 0, treeSize, runs);
        return new InclusionProof(index, treeSize, hash(runs, null, leaves));
    }

    /**
     * The consistency proof from the tree of {@code oldSize} leaves to the tree of
     * {@code newSize} leaves, reading leaves {@code [0, newSize)} as needed.
     *
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize}
     * @throws IllegalStateException if the source delivers the wrong number of leaves
     */
    public static ConsistencyProof consistency(long oldSize, long newSize, LeafSource leaves) {
        checkSizes(oldSize, newSize);
        Objects.requireNonNull(leaves, "leaves");
        return new ConsistencyProof(oldSize, newSize, hash(subproof(oldSize, newSize), null, leaves));
    }

    /**
     * The consistency proof from the tree that {@code old} covers to the tree of
     * {@code newSize} leaves, reading only leaves {@code [old.size(), newSize)}: every hash of
     * the proof that covers old leaves is a node of the old compact range. This is how a
     * writer that keeps a {@link TreeEdge} proves its new checkpoint consistent with an older
     * one (a witness's, say) at the cost of the leaves since.
     *
     * @throws IllegalArgumentException unless {@code old.size() <= newSize}
     * @throws IllegalStateException if the source delivers the wrong number of leaves
     */
    public static ConsistencyProof consistency(CompactRange old, long newSize, LeafSource leaves) {
        checkSizes(old.size(), newSize);
        Objects.requireNonNull(leaves, "leaves");
        return new ConsistencyProof(old.size(), newSize, hash(subproof(old.size(), newSize), old, leaves));
    }

    private static void checkSizes(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to size " + newSize);
        }
    }

    private static List<Run> subproof(long oldSize, long newSize) {
        List<Run> runs = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, runs);
        }
        return runs;
    }

    /** The leaves {@code [from, to)} whose tree root is one hash of a proof. */
    private record Run(long from, long to) {
    }

    /** PATH(m, D[lo:hi]) of RFC 9162 section 2.1.3.1, as runs, in proof order. */
    private static void path(long m, long lo, long hi, List<Run> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, lo, lo + k, out);
            out.add(new Run(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, out);
            out.add(new Run(lo, lo + k));
        }
    }

    /** SUBPROOF(m, D[lo:hi], b) of RFC 9162 section 2.1.4.1, as runs, in proof order. */
    private static void subproof(long m, long lo, long hi, boolean b, List<Run> out) {
        long n = hi - lo;
        if (m == n) {
            if (!b) {
                out.add(new Run(lo, hi));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, lo, lo + k, b, out);
            out.add(new Run(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(new Run(lo, lo + k));
        }
    }

    /** The largest power of two smaller than {@code n} (n &gt; 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The root of each run, read in increasing order of leaves; runs inside {@code old} are
     * taken from its nodes.
     */
    private static List<Digest> hash(List<Run> runs, CompactRange old, LeafSource leaves) {
        Digest[] hashes = new Digest[runs.size()];
        Integer[] order = new Integer[runs.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong(i -> runs.get(i).from()));
        long next = 0;
        for (int i : order) {
            Run run = runs.get(i);
            if (old != null && run.to() <= old.size()) {
                hashes[i] = node(old, run);
                continue;
            }
            if (run.from() < next) {
                throw new IllegalStateException("proof runs overlap at leaf " + run.from());
            }
            hashes[i] = root(run, leaves);
            next = run.to();
        }
        return List.of(hashes);
    }

    private static Digest root(Run run, LeafSource leaves) {
        RangeBuilder builder = new RangeBuilder();
        long expected = run.to() - run.from();
        leaves.read(run.from(), run.to(), leaf -> {
            if (builder.size() == expected) {
                throw new IllegalStateException("the leaf source delivered more than the " + expected
                        + " leaves " + run.from() + ".." + (run.to() - 1));
            }
            builder.appendLeaf(Objects.requireNonNull(leaf, "leaf"));
        });
        if (builder.size() != expected) {
            throw new IllegalStateException("the leaf source delivered " + builder.size() + " of the " + expected
                    + " leaves " + run.from() + ".." + (run.to() - 1));
        }
        return builder.root();
    }

    /** The node of {@code range} that is the root of exactly the leaves of {@code run}. */
    private static Digest node(CompactRange range, Run run) {
        Digest[] nodes = range.rawNodes();
        long start = 0;
        int i = 0;
        for (long bit = Long.highestOneBit(range.size()); bit > 0; bit >>>= 1) {
            if ((range.size() & bit) != 0) {
                if (start == run.from() && start + bit == run.to()) {
                    return nodes[i];
                }
                start += bit;
                i++;
            }
        }
        throw new IllegalStateException("leaves " + run.from() + ".." + (run.to() - 1)
                + " are not a node of the compact range of size " + range.size());
    }
}
