package io.airlog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MachineTest {
    @Test
    void cpuTimesAddUpTheBusyIdleAndStolenColumnsOfProcStat() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        Machine.CpuTimes t = Machine.CpuTimes.parse("cpu  100 2 30 500 7 1 4 11 0 0");

        assertThat(t).isEqualTo(new Machine.CpuTimes(100 + 2 + 30 + 1 + 4, 500 + 7, 11));
    }

    @Test
    void stealIsTheStolenShareOfTheTimeBetweenTwoSamples() {
        Machine.CpuTimes before = new Machine.CpuTimes(1000, 1000, 100);
        Machine.CpuTimes after = new Machine.CpuTimes(1060, 1030, 110);

        assertThat(after.stealPercentSince(before)).isEqualTo(10.0);
        assertThat(after.since(before)).isEqualTo("busy 60 %, idle 30 %, stolen by the hypervisor 10.0 %");
        assertThat(before.stealPercentSince(before)).isZero();
    }

    @Test
    void aLineThatIsNotTheCpuLineIsRefused() {
        assertThatThrownBy(() -> Machine.CpuTimes.parse("intr 1 2 3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the cpu line");
    }

    @Test
    void theCountersOfThisMachineCanBeRead() {
        Machine.CpuTimes now = Machine.CpuTimes.now();

        assertThat(now).isNotNull();
        assertThat(now.busy() + now.idle()).isPositive();
    }
}
