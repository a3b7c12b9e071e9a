package io.airlog.merkle;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where proof generation reads leaves: a log's event checksums in sequence order (leaf
 * {@code i} is the checksum of the event with sequence {@code i + 1}). A JDBC log implements
 * it with a paged query, a file with a sequential read.
 *
 * <p>{@link Proofs} calls {@link #read} with ranges in increasing order that never overlap, so
 * a source is read at most once from start to end and never needs to hold more than one page.
 */
@FunctionalInterface
public interface LeafSource {

    /**
     * Hands the leaves with indices {@code from} (inclusive) to {@code to} (exclusive) to
     * {@code sink}, in order. A source that cannot deliver all of them throws (an
     * {@code AuditException} or {@code IllegalStateException} naming what is missing); a
     * source that delivers fewer or more is refused by the caller.
     */
    void read(long from, long to, Consumer<Digest> sink);

    /** A source over a list held in memory (for tests and small logs). */
    static LeafSource of(List<Digest> leaves) {
        Objects.requireNonNull(leaves, "leaves");
        return (from, to, sink) -> {
            if (from < 0 || to > leaves.size() || from > to) {
                throw new IllegalStateException("leaves " + from + ".." + to + " asked of a list of " + leaves.size());
            }
            leaves.subList((int) from, (int) to).forEach(sink);
        };
    }
}
