package io.airlog.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of a Merkle tree (RFC 9162 section 2.1) over leaves {@code [0, size)}: the
 * roots of the perfect subtrees that the binary digits of {@code size} cut the leaves into,
 * largest (leftmost) first — one node per one bit of {@code size}, so at most 63.
 *
 * <p>It is all a writer needs to keep: it gives the tree's {@linkplain #root() root} at its
 * size and {@linkplain #append appends} leaves without reading the earlier ones. It can be
 * recomputed from the leaves alone ({@link #of(Iterable)}), and {@linkplain #encode stored}
 * as text: a stored range is checked against a signed root by recomputing the root from it
 * (a different range with the same root would be a SHA-256 collision), without the leaves.
 *
 * <p>Immutable and thread-safe; {@code append} returns a new range (it copies at most 63
 * references and computes one leaf hash and one node hash per trailing one bit).
 */
public final class CompactRange {
    private static final CompactRange EMPTY = new CompactRange(0, new Digest[0]);
    private static final String PREFIX = "range";

    private final long size;
    private final Digest[] nodes;

    CompactRange(long size, Digest[] nodes) {
        this.size = size;
        this.nodes = nodes;
    }

    /** The range of the empty tree. */
    public static CompactRange empty() {
        return EMPTY;
    }

    /**
     * A range from its size and nodes.
     *
     * @param size the number of leaves covered
     * @param nodes the perfect subtree roots, largest first: as many as {@code size} has one bits
     * @throws IllegalArgumentException if {@code size} is negative or the number of nodes is wrong
     */
    public static CompactRange of(long size, List<Digest> nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + size);
        }
        Digest[] array = nodes.toArray(new Digest[0]);
        for (Digest d : array) {
            Objects.requireNonNull(d, "nodes");
        }
        if (array.length != Long.bitCount(size)) {
            throw new IllegalArgumentException("a compact range of size " + size + " has " + Long.bitCount(size)
                    + " node(s), not " + array.length);
        }
        return new CompactRange(size, array);
    }

    /** The range over {@code leaves} (event checksums), computed from the leaves alone. */
    public static CompactRange of(Iterable<Digest> leaves) {
        RangeBuilder builder = new RangeBuilder();
        for (Digest leaf : leaves) {
            builder.appendLeaf(Objects.requireNonNull(leaf, "leaf"));
        }
        return builder.toRange();
    }

    /** The number of leaves covered. */
    public long size() {
        return size;
    }

    /** The perfect subtree roots, largest (leftmost) first. */
    public List<Digest> nodes() {
        return List.of(nodes);
    }

    /** The range after one more leaf (an event checksum). */
    public CompactRange append(Digest leaf) {
        RangeBuilder builder = new RangeBuilder(size, nodes);
        builder.appendLeaf(Objects.requireNonNull(leaf, "leaf"));
        return builder.toRange();
    }

    /** The range after more leaves, in order. */
    public CompactRange appendAll(Iterable<Digest> leaves) {
        RangeBuilder builder = new RangeBuilder(size, nodes);
        for (Digest leaf : leaves) {
            builder.appendLeaf(Objects.requireNonNull(leaf, "leaf"));
        }
        return builder.toRange();
    }

    /** The root of the tree over leaves {@code [0, size)} (the empty root for size 0). */
    public Digest root() {
        return RangeBuilder.root(nodes, nodes.length);
    }

    /** A mutable copy, for this package's streaming code. */
    RangeBuilder builder() {
        return new RangeBuilder(size, nodes);
    }

    Digest[] rawNodes() {
        return nodes;
    }

    /**
     * The text form: {@code range <size>} followed by one space and the base64 of each node
     * ({@code range 0} for the empty tree), as in {@code docs/checkpoints.md}.
     */
    public String encode() {
        StringBuilder sb = new StringBuilder(PREFIX).append(' ').append(size);
        for (Digest d : nodes) {
            sb.append(' ').append(d.base64());
        }
        return sb.toString();
    }

    /**
     * Reads the {@linkplain #encode text form}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CompactRange parse(String text) {
        List<String> tokens = Tokens.split(text, "compact range");
        Tokens.expectPrefix(tokens, PREFIX, "compact range");
        long size = Tokens.size(tokens, 1, "compact range");
        List<Digest> nodes = new ArrayList<>();
        for (int i = 2; i < tokens.size(); i++) {
            nodes.add(Tokens.digest(tokens, i, "compact range"));
        }
        return of(size, nodes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactRange r && size == r.size && Arrays.equals(nodes, r.nodes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(nodes);
    }

    @Override
    public String toString() {
        return encode();
    }
}
