package io.airlog.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.bench.load.BenchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory check's child JVM runs with the small heap and reports its samples. */
class MemoryCheckTest {

    @Test
    void childReportsHeapSamplesAndEvents(@TempDir Path directory) throws Exception {
        BenchDatabase db = BenchDatabase.h2File(directory);

        MemoryCheck.Result result = MemoryCheck.run(db, 6, directory);

        assertThat(result.samples()).hasSize(2);
        assertThat(result.samples().get(0)[0]).isEqualTo(5);
        assertThat(result.samples().get(1)[0]).isEqualTo(6);
        assertThat(result.events()).isPositive();
        assertThat(result.maxHeap()).isLessThanOrEqualTo(256L * 1024 * 1024);
        assertThat(Files.exists(directory.resolve("memory"))).isTrue();
    }

    @Test
    void tableShowsStartEndAndGrowth() {
        MemoryCheck.Result result = new MemoryCheck.Result("PostgreSQL",
                List.of(new long[] {5, 10L << 20}, new long[] {60, 12L << 20}), 1_000_000, 60, 256L << 20);

        String table = MemoryCheck.table(List.of(result)).render();

        assertThat(table).contains("10.0 MiB").contains("12.0 MiB").contains("2.0 MiB").contains("1,000,000");
    }
}
