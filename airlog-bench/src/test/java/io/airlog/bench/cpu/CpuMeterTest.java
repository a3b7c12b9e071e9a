package io.airlog.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** This JVM's part of the accounting: its own threads, and child processes alive or ended. */
class CpuMeterTest {
    private static final long BURN_MILLIS = 300;

    @Test
    void aBusyThreadOfThisJvmIsCountedAsTheJvmReportsItself() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CpuMeter meter = CpuMeter.jvmOnly();
        long jvmBefore = os.getProcessCpuTime();
        CpuMeter.Mark mark = meter.mark();

        BusyLoop.spin(BURN_MILLIS);

        CpuUse use = meter.since(mark);
        double jvmSeconds = (os.getProcessCpuTime() - jvmBefore) / 1e9;
        assertThat(use.jvm()).isGreaterThanOrEqualTo(BURN_MILLIS / 1000.0 - 0.02)
                .isCloseTo(jvmSeconds, within(0.05));
        assertThat(use.database()).isZero();
    }

    @Test
    void aBusyLoopInAChildProcessThatIsStillRunningIsCounted() throws Exception {
        CpuMeter meter = CpuMeter.jvmOnly();
        CpuMeter.Mark mark = meter.mark();
        Process child = busyChild(true);
        try {
            awaitDone(child);

            CpuUse use = meter.since(mark);

            assertThat(child.isAlive()).isTrue();
            assertThat(use.jvm()).isGreaterThanOrEqualTo(BURN_MILLIS / 1000.0);
        } finally {
            child.getOutputStream().close();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChildProcessThatEndedBeforeTheEndOfTheWindowIsCountedThroughThisJvm() throws Exception {
        CpuMeter meter = CpuMeter.jvmOnly();
        CpuMeter.Mark mark = meter.mark();
        Process child = busyChild(false);
        awaitDone(child);
        // waitFor returns once the JVM has waited for the child, which adds its time to ours.
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        CpuUse use = meter.since(mark);

        assertThat(use.jvm()).isGreaterThanOrEqualTo(BURN_MILLIS / 1000.0);
    }

    @Test
    void costPerThousandEventsIsTheTotalTimeOverTheEvents() {
        CpuUse use = new CpuUse(1.5, 0.5, 0.2, 0.1, 3.0);

        assertThat(use.total()).isEqualTo(2.0);
        assertThat(use.secondsPerThousand(4_000)).isEqualTo(0.5);
        assertThat(use.jvmSecondsPerThousand(4_000)).isEqualTo(0.375);
        assertThat(use.databaseSecondsPerThousand(4_000)).isEqualTo(0.125);
        assertThat(use.secondsPerThousand(0)).isNaN();
        assertThat(new CpuUse(1, Double.NaN, 0, 0, 0).secondsPerThousand(10)).isNaN();
    }

    private static Process busyChild(boolean wait) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), BusyLoop.class.getName(), Long.toString(BURN_MILLIS)));
        if (wait) {
            command.add("wait");
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void awaitDone(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("DONE");
    }
}
