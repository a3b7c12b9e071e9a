package io.airlog.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void theTimesAreCountedFromTheLastParenthesisSoThatANameWithSpacesAndParenthesesIsRead() {
        String line = "4242 (my (odd) name) S 17 4242 4242 0 -1 4194560 120 0 0 0 311 27 5 3 20 0 9 0 1234 0 0";

        ProcStat stat = ProcStat.parse(line);

        assertThat(stat).isEqualTo(new ProcStat(4242, "my (odd) name", 17, 311, 27, 5, 3));
        assertThat(stat.ticks()).isEqualTo(311 + 27 + 5 + 3);
        assertThat(stat.childTicks()).isEqualTo(8);
    }

    @Test
    void aLineThatIsNotAStatLineIsRefused() {
        assertThatThrownBy(() -> ProcStat.parse("cpu  100 2 30 500")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/proc/<pid>/stat");
        assertThatThrownBy(() -> ProcStat.parse("12 (short) S 1 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few fields");
    }

    @Test
    void thisJvmCanBeRead() {
        ProcStat self = ProcStat.read(ProcessHandle.current().pid()).orElseThrow();

        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(self.ppid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(self.utime() + self.stime()).isPositive();
    }

    @Test
    void aProcessThatDoesNotExistIsEmpty() {
        assertThat(ProcStat.read(Integer.MAX_VALUE)).isEmpty();
    }
}
