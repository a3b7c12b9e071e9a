package io.airlog.merkle;

import java.util.Arrays;

/**
 * The mutable form of a {@link CompactRange}: a stack of the roots of the perfect subtrees
 * that cover leaves {@code [0, size)}, largest (leftmost) first. Appending a leaf pushes its
 * hash and merges equal-height neighbours, one merge per trailing one bit of the old size.
 * Not thread-safe.
 */
final class RangeBuilder {
    private Digest[] nodes;
    private int count;
    private long size;

    RangeBuilder() {
        nodes = new Digest[8];
    }

    RangeBuilder(long size, Digest[] nodes) {
        this.nodes = Arrays.copyOf(nodes, Math.max(8, nodes.length + 1));
        this.count = nodes.length;
        this.size = size;
    }

    long size() {
        return size;
    }

    /** Appends a leaf (not yet hashed). */
    void appendLeaf(Digest leaf) {
        appendLeafHash(TreeHasher.leafHash(leaf));
    }

    /** Appends the hash of a leaf. */
    void appendLeafHash(Digest leafHash) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("a tree holds at most 2^63-1 leaves");
        }
        if (count == nodes.length) {
            nodes = Arrays.copyOf(nodes, count * 2);
        }
        nodes[count++] = leafHash;
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            Digest right = nodes[--count];
            Digest left = nodes[--count];
            nodes[count++] = TreeHasher.nodeHash(left, right);
        }
        size++;
    }

    /** The root of the tree over the leaves appended so far. */
    Digest root() {
        return root(nodes, count);
    }

    static Digest root(Digest[] nodes, int count) {
        if (count == 0) {
            return TreeHasher.EMPTY_ROOT;
        }
        Digest root = nodes[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            root = TreeHasher.nodeHash(nodes[i], root);
        }
        return root;
    }

    CompactRange toRange() {
        return new CompactRange(size, Arrays.copyOf(nodes, count));
    }
}
