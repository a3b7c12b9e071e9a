package io.airlog.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a writer keeps of its log's Merkle tree at one size: the {@linkplain CompactRange
 * compact range} before the last leaf, and the last leaf itself (the checksum of the last
 * event).
 *
 * <p>From these it gives the root at its size and the range to continue from, and it names
 * the last leaf: a check that recomputes the root from a stored edge and finds a signed root
 * has authenticated both the range and the last event's checksum, without reading any event.
 * A writer in another JVM, or a verifier, continues the tree from there. A compact range alone
 * could not name its last leaf.
 *
 * <p>Immutable and thread-safe.
 */
public final class TreeEdge {
    private static final TreeEdge EMPTY = new TreeEdge(CompactRange.empty(), null, CompactRange.empty());
    private static final String PREFIX = "edge";

    private final CompactRange before;
    private final Digest lastLeaf;
    private final CompactRange range;

    private TreeEdge(CompactRange before, Digest lastLeaf, CompactRange range) {
        this.before = before;
        this.lastLeaf = lastLeaf;
        this.range = range;
    }

    /** The edge of the empty tree. */
    public static TreeEdge empty() {
        return EMPTY;
    }

    /**
     * The edge of the tree of {@code before.size() + 1} leaves whose last leaf is {@code lastLeaf}.
     */
    public static TreeEdge of(CompactRange before, Digest lastLeaf) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(lastLeaf, "lastLeaf");
        return new TreeEdge(before, lastLeaf, before.append(lastLeaf));
    }

    /** The edge of the tree over {@code leaves}, computed from the leaves alone. */
    public static TreeEdge of(Iterable<Digest> leaves) {
        RangeBuilder builder = new RangeBuilder();
        Digest last = null;
        for (Digest leaf : leaves) {
            if (last != null) {
                builder.appendLeaf(last);
            }
            last = Objects.requireNonNull(leaf, "leaf");
        }
        return last == null ? EMPTY : of(builder.toRange(), last);
    }

    /** The number of leaves. */
    public long size() {
        return range.size();
    }

    /** The root of the tree at {@link #size()}. */
    public Digest root() {
        return range.root();
    }

    /** The compact range at {@link #size()}. */
    public CompactRange range() {
        return range;
    }

    /** The compact range before the last leaf (at {@code size() - 1}; empty for size 0). */
    public CompactRange before() {
        return before;
    }

    /** The last leaf: the checksum of event {@link #size()}; empty for the empty tree. */
    public Optional<Digest> lastLeaf() {
        return Optional.ofNullable(lastLeaf);
    }

    /** The edge after one more leaf (an event checksum). */
    public TreeEdge append(Digest leaf) {
        Objects.requireNonNull(leaf, "leaf");
        return new TreeEdge(range, leaf, range.append(leaf));
    }

    /**
     * The text form: {@code edge <size>}, then for size &gt; 0 one space and the base64 of the last
     * leaf, then one space and the base64 of each node of the range before it ({@code edge 0}
     * for the empty tree), as in {@code docs/checkpoints.md}.
     */
    public String encode() {
        StringBuilder sb = new StringBuilder(PREFIX).append(' ').append(size());
        if (lastLeaf != null) {
            sb.append(' ').append(lastLeaf.base64());
            for (Digest d : before.rawNodes()) {
                sb.append(' ').append(d.base64());
            }
        }
        return sb.toString();
    }

    /**
     * Reads the {@linkplain #encode text form}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static TreeEdge parse(String text) {
        List<String> tokens = Tokens.split(text, "tree edge");
        Tokens.expectPrefix(tokens, PREFIX, "tree edge");
        long size = Tokens.size(tokens, 1, "tree edge");
        if (size == 0) {
            if (tokens.size() != 2) {
                throw new IllegalArgumentException("the tree edge of the empty tree has no leaf or nodes");
            }
            return EMPTY;
        }
        if (tokens.size() < 3) {
            throw new IllegalArgumentException("a tree edge of size " + size + " names its last leaf");
        }
        Digest last = Tokens.digest(tokens, 2, "tree edge");
        List<Digest> nodes = new ArrayList<>();
        for (int i = 3; i < tokens.size(); i++) {
            nodes.add(Tokens.digest(tokens, i, "tree edge"));
        }
        return of(CompactRange.of(size - 1, nodes), last);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeEdge e && before.equals(e.before) && Objects.equals(lastLeaf, e.lastLeaf);
    }

    @Override
    public int hashCode() {
        return before.hashCode() * 31 + Objects.hashCode(lastLeaf);
    }

    @Override
    public String toString() {
        return encode();
    }
}
