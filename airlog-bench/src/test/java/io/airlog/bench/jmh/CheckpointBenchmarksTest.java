package io.airlog.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.merkle.CompactRange;
import io.airlog.merkle.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        assertThat(benchmark.checkInclusionText().checkpoint().size()).isEqualTo(4000);
        assertThat(benchmark.checkConsistencyText().checkpoint().size()).isEqualTo(4000);
    }

    @Test
    void proofTableGivesTheSizesOfTheBareHashesAndOfTheProofTextsAndTheScores() {
        MerkleBenchmark benchmark = new MerkleBenchmark();
        benchmark.leaves = 4000;
        benchmark.setUp();
        int inclusionLines = benchmark.inclusionText().indexOf("\n\n") + 1;

        String table = benchmark.table(Map.of("MerkleBenchmark.inclusionProof", 1234.5,
                "MerkleBenchmark.verifyInclusion", 6.25)).render();

        assertThat(benchmark.inclusionText()).startsWith("c2sp.org/tlog-proof@v1\nindex 3001\n");
        assertThat(cells(table, "inclusion of event 3,002")).containsExactly("inclusion of event 3,002", "12", "384",
                String.format(Locale.ROOT, "%,d", inclusionLines),
                String.format(Locale.ROOT, "%,d", benchmark.inclusionText().getBytes(StandardCharsets.UTF_8).length),
                "1,234.5", "6.3", "n/a");
        assertThat(cells(table, "consistency 3,996 → 4,000")).hasSize(8);
    }

    /** The trimmed cells of the table row that starts with {@code first}. */
    private static List<String> cells(String table, String first) {
        return table.lines().filter(l -> l.startsWith("| " + first + " ")).findFirst().stream()
                .flatMap(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|"))).map(String::trim).toList();
    }
}
