package io.airlog.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.merkle.CompactRange;
import io.airlog.merkle.Digest;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The checkpoint and Merkle benchmarks do the work they name, on a small log. */
class CheckpointBenchmarksTest {

    @Test
    void signingAndOpeningBenchmarksSignAndVerifyCheckpoints() {
        CheckpointBenchmark benchmark = new CheckpointBenchmark();
        benchmark.setUp();

        Checkpoint signed = Checkpoint.parse(benchmark.sign().text());
        assertThat(signed.size()).isEqualTo(1_000_001);
        assertThat(benchmark.open().size()).isEqualTo(1_000_000);
    }

    @Test
    void merkleBenchmarksGenerateAndVerifyProofsOfTheWholeLog() {
        MerkleBenchmark benchmark = new MerkleBenchmark();
        benchmark.leaves = 4000;
        benchmark.setUp();
        Digest root = CompactRange.of(LongStream.range(0, 4000).mapToObj(MerkleBenchmark::leaf).toList()).root();

        assertThat(benchmark.inclusionProof().verify(MerkleBenchmark.leaf(3001), root)).isTrue();
        assertThat(benchmark.verifyInclusion()).isTrue();
        assertThat(benchmark.verifyConsistency()).isTrue();
        assertThat(benchmark.consistencyProofFromRange()).isEqualTo(benchmark.consistencyProof());
        assertThat(benchmark.appendLeaf().size()).isEqualTo(5000);
        assertThat(benchmark.proofSizes()).contains("at 4,000 events: inclusion 12 hashes = 384 bytes");
    }
}
