package io.airlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compact range and the proofs against {@link NaiveMerkle}, the RFC's definitions written
 * recursively: every size up to 64, every index and every pair of sizes, and random larger ones.
 */
class MerkleTreeTest {
    private static final int EXHAUSTIVE = 64;
    private static final List<byte[]> LEAVES = NaiveMerkle.leaves(EXHAUSTIVE);
    private static final List<Digest> DIGESTS = NaiveMerkle.digests(LEAVES);

    static IntStream sizes() {
        return IntStream.rangeClosed(0, EXHAUSTIVE);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void compactRangeRootIsTheRfcTreeHashAtEverySize(int n) {
        CompactRange range = CompactRange.of(DIGESTS.subList(0, n));

        assertThat(range.size()).isEqualTo(n);
        assertThat(range.nodes()).hasSize(Long.bitCount(n));
        assertThat(range.root().toBytes()).isEqualTo(NaiveMerkle.mth(LEAVES.subList(0, n)));
    }

    @Test
    void appendingOneByOneGivesTheRangeComputedFromAllLeaves() {
        CompactRange range = CompactRange.empty();
        TreeEdge edge = TreeEdge.empty();
        for (int n = 1; n <= EXHAUSTIVE; n++) {
            range = range.append(DIGESTS.get(n - 1));
            edge = edge.append(DIGESTS.get(n - 1));
            assertThat(range).isEqualTo(CompactRange.of(DIGESTS.subList(0, n)));
            assertThat(edge).isEqualTo(TreeEdge.of(DIGESTS.subList(0, n)));
            assertThat(edge.range()).isEqualTo(range);
            assertThat(edge.lastLeaf()).contains(DIGESTS.get(n - 1));
            assertThat(edge.before()).isEqualTo(CompactRange.of(DIGESTS.subList(0, n - 1)));
        }
    }

    @Test
    void emptyTreeRootIsTheSha256OfNothing() {
        assertThat(CompactRange.empty().root().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(TreeEdge.empty().root()).isEqualTo(TreeHasher.EMPTY_ROOT);
        assertThat(TreeEdge.empty().lastLeaf()).isEmpty();
    }

    /** Every (index, size) with index &lt; size &le; 64. */
    static Stream<Arguments> indexInTree() {
        return pairs(1, 0);
    }

    /** Every (m, n) with m &le; n &le; 64. */
    static Stream<Arguments> pairsOfSizes() {
        return pairs(0, 1);
    }

    private static Stream<Arguments> pairs(int smallestN, int mAboveN) {
        return IntStream.rangeClosed(smallestN, EXHAUSTIVE).boxed()
                .flatMap(n -> IntStream.range(0, n + mAboveN).mapToObj(m -> Arguments.of(m, n)));
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("indexInTree")
    void inclusionProofIsTheRfcPathAndVerifies(int m, int n) {
        List<Digest> leaves = DIGESTS.subList(0, n);
        InclusionProof proof = Proofs.inclusion(m, n, LeafSource.of(leaves));
        Digest root = Digest.of(NaiveMerkle.mth(LEAVES.subList(0, n)));

        assertThat(proof.path()).isEqualTo(NaiveMerkle.digests(NaiveMerkle.path(m, LEAVES.subList(0, n))));
        assertThat(proof.verify(leaves.get(m), root)).isTrue();
        assertThat(proof.verify(DIGESTS.get((m + 1) % EXHAUSTIVE), root)).isFalse();
        if (n > 1) {
            assertThat(new InclusionProof((m + 1) % n, n, proof.path()).verify(leaves.get(m), root)).isFalse();
            assertThat(new InclusionProof(m, n, proof.path().subList(1, proof.path().size()))
                    .verify(leaves.get(m), root)).isFalse();
            assertThat(new InclusionProof(m, n, flipFirst(proof.path())).verify(leaves.get(m), root)).isFalse();
        }
        List<Digest> longer = new ArrayList<>(proof.path());
        longer.add(root);
        assertThat(new InclusionProof(m, n, longer).verify(leaves.get(m), root)).isFalse();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("pairsOfSizes")
    void consistencyProofIsTheRfcSubproofAndVerifies(int m, int n) {
        List<Digest> leaves = DIGESTS.subList(0, n);
        ConsistencyProof proof = Proofs.consistency(m, n, LeafSource.of(leaves));
        Digest oldRoot = Digest.of(NaiveMerkle.mth(LEAVES.subList(0, m)));
        Digest newRoot = Digest.of(NaiveMerkle.mth(LEAVES.subList(0, n)));

        List<Digest> expected = m == 0 || m == n ? List.of()
                : NaiveMerkle.digests(NaiveMerkle.proof(m, LEAVES.subList(0, n)));
        assertThat(proof.path()).isEqualTo(expected);
        assertThat(proof.verify(oldRoot, newRoot)).isTrue();
        assertThat(Proofs.consistency(CompactRange.of(DIGESTS.subList(0, m)), n, from(leaves, m)))
                .as("from the old compact range, reading only the new leaves").isEqualTo(proof);

        Digest other = TreeHasher.nodeHash(oldRoot, newRoot);
        assertThat(proof.verify(other, newRoot)).as("another old root").isFalse();
        if (m > 0) {
            assertThat(proof.verify(oldRoot, other)).as("another new root").isFalse();
        }
        if (!proof.path().isEmpty()) {
            assertThat(new ConsistencyProof(m, n, flipFirst(proof.path())).verify(oldRoot, newRoot)).isFalse();
            assertThat(new ConsistencyProof(m, n, proof.path().subList(0, proof.path().size() - 1))
                    .verify(oldRoot, newRoot)).isFalse();
        }
        List<Digest> longer = new ArrayList<>(proof.path());
        longer.add(newRoot);
        assertThat(new ConsistencyProof(m, n, longer).verify(oldRoot, newRoot)).isFalse();
        if (m > 0 && m < n) {
            assertThat(new ConsistencyProof(n, m, proof.path()).verify(newRoot, oldRoot)).isFalse();
        }
    }

    /** A source that refuses to hand out leaves before {@code from}. */
    private static LeafSource from(List<Digest> leaves, long first) {
        return (from, to, sink) -> {
            assertThat(from).as("no leaf before the old size is read").isGreaterThanOrEqualTo(first);
            LeafSource.of(leaves).read(from, to, sink);
        };
    }

    @Test
    void largeRandomTreesAgreeWithTheRfcDefinitions() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            int n = 65 + random.nextInt(3000);
            int m = 1 + random.nextInt(n);
            int index = random.nextInt(n);
            List<byte[]> raw = NaiveMerkle.leaves(n);
            List<Digest> leaves = NaiveMerkle.digests(raw);
            Digest root = Digest.of(NaiveMerkle.mth(raw));

            InclusionProof inclusion = Proofs.inclusion(index, n, LeafSource.of(leaves));
            assertThat(inclusion.path()).isEqualTo(NaiveMerkle.digests(NaiveMerkle.path(index, raw)));
            assertThat(inclusion.verify(leaves.get(index), root)).isTrue();

            ConsistencyProof consistency = Proofs.consistency(m, n, LeafSource.of(leaves));
            List<Digest> expected = m == n ? List.of() : NaiveMerkle.digests(NaiveMerkle.proof(m, raw));
            assertThat(consistency.path()).isEqualTo(expected);
            assertThat(consistency.verify(Digest.of(NaiveMerkle.mth(raw.subList(0, m))), root)).isTrue();
            assertThat(Proofs.consistency(CompactRange.of(leaves.subList(0, m)), n, from(leaves, m)))
                    .isEqualTo(consistency);
            assertThat(CompactRange.of(leaves).root()).isEqualTo(root);
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("pairsOfSizes")
    void proofsReadTheSourceOnceInIncreasingOrder(int m, int n) {
        List<Digest> leaves = DIGESTS.subList(0, n);
        List<long[]> reads = new ArrayList<>();
        LeafSource recording = (from, to, sink) -> {
            reads.add(new long[] {from, to});
            LeafSource.of(leaves).read(from, to, sink);
        };

        Proofs.consistency(m, n, recording);
        assertIncreasingAndDisjoint(reads);
        if (m < n) {
            reads.clear();
            Proofs.inclusion(m, n, recording);
            assertIncreasingAndDisjoint(reads);
        }
    }

    private static void assertIncreasingAndDisjoint(List<long[]> reads) {
        for (int i = 1; i < reads.size(); i++) {
            assertThat(reads.get(i)[0]).isGreaterThanOrEqualTo(reads.get(i - 1)[1]);
        }
    }

    @Test
    void aSourceThatDeliversTooFewLeavesIsRefused() {
        LeafSource shortSource = (from, to, sink) -> LeafSource.of(DIGESTS).read(from, to - 1, sink);

        assertThatThrownBy(() -> Proofs.inclusion(0, 8, shortSource)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delivered 0 of the 1 leaves 1..1");
    }

    @Test
    void aSourceThatDeliversTooManyLeavesIsRefused() {
        LeafSource longSource = (from, to, sink) -> LeafSource.of(DIGESTS).read(from, to + 1, sink);

        assertThatThrownBy(() -> Proofs.inclusion(0, 8, longSource)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than the 1 leaves");
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        LeafSource source = LeafSource.of(DIGESTS);

        assertThatThrownBy(() -> Proofs.inclusion(8, 8, source)).hasMessageContaining("not in a tree of 8 leaves");
        assertThatThrownBy(() -> Proofs.consistency(9, 8, source))
                .hasMessageContaining("no consistency proof from size 9 to size 8");
    }

    @Test
    void theEmptyTreeIsAPrefixOfEveryTreeWithAnEmptyProof() {
        Digest root = CompactRange.of(DIGESTS.subList(0, 5)).root();

        assertThat(new ConsistencyProof(0, 5, List.of()).verify(TreeHasher.EMPTY_ROOT, root)).isTrue();
        assertThat(new ConsistencyProof(0, 5, List.of()).verify(root, root)).isFalse();
        assertThat(new ConsistencyProof(0, 5, List.of(root)).verify(TreeHasher.EMPTY_ROOT, root)).isFalse();
        assertThat(new InclusionProof(0, 0, List.of()).verify(DIGESTS.get(0), TreeHasher.EMPTY_ROOT)).isFalse();
    }

    private static List<Digest> flipFirst(List<Digest> path) {
        List<Digest> copy = new ArrayList<>(path);
        byte[] bytes = copy.get(0).toBytes();
        bytes[0] ^= 1;
        copy.set(0, Digest.of(bytes));
        return copy;
    }
}
