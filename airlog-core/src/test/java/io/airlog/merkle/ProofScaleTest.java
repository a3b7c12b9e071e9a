package io.airlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proofs over a log of 1,000,000 events whose leaves are generated as they are read (no list
 * of leaves exists): each proof reads the source once, in order, and fits in 1 KiB.
 */
class ProofScaleTest {
    private static final long SIZE = 1_000_000;
    private static Digest root;

    /** Leaf i: SHA-256 of i as 8 bytes, made when asked for. */
    private static Digest leaf(long i) {
        return Digest.sha256(ByteBuffer.allocate(8).putLong(i).array());
    }

    /** A source that makes leaves on demand and counts them, checking the order of reads. */
    private static final class GeneratedLeaves implements LeafSource {
        final AtomicLong delivered = new AtomicLong();
        long next;

        @Override
        public void read(long from, long to, java.util.function.Consumer<Digest> sink) {
            assertThat(from).as("reads in increasing order, no leaf twice").isGreaterThanOrEqualTo(next);
            for (long i = from; i < to; i++) {
                sink.accept(leaf(i));
                delivered.incrementAndGet();
            }
            next = to;
        }
    }

    @BeforeAll
    static void computeRoot() {
        RangeBuilder builder = new RangeBuilder();
        for (long i = 0; i < SIZE; i++) {
            builder.appendLeaf(leaf(i));
        }
        root = builder.root();
    }

    @Test
    void inclusionProofOfAMillionEventsReadsEachLeafAtMostOnceAndIsUnderOneKibibyte() {
        GeneratedLeaves source = new GeneratedLeaves();

        InclusionProof proof = Proofs.inclusion(765_432, SIZE, source);

        assertThat(proof.verify(leaf(765_432), root)).isTrue();
        assertThat(proof.path()).hasSize(20);
        assertThat(proof.path().size() * Digest.LENGTH).isLessThanOrEqualTo(1024);
        assertThat(source.delivered.get()).isEqualTo(SIZE - 1);
    }

    @Test
    void consistencyProofOfAMillionEventsReadsEachLeafAtMostOnceAndIsUnderOneKibibyte() {
        GeneratedLeaves source = new GeneratedLeaves();
        long oldSize = 654_321;
        CompactRange old = CompactRange.empty().appendAll(() -> new java.util.Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < oldSize;
            }

            @Override
            public Digest next() {
                return leaf(i++);
            }
        });

        ConsistencyProof proof = Proofs.consistency(oldSize, SIZE, source);

        assertThat(proof.verify(old.root(), root)).isTrue();
        assertThat(proof.path().size() * Digest.LENGTH).isLessThanOrEqualTo(1024);
        assertThat(source.delivered.get()).isLessThanOrEqualTo(SIZE);

        GeneratedLeaves newOnly = new GeneratedLeaves();
        assertThat(Proofs.consistency(old, SIZE, newOnly)).isEqualTo(proof);
        assertThat(newOnly.delivered.get()).isEqualTo(SIZE - oldSize);
    }
}
