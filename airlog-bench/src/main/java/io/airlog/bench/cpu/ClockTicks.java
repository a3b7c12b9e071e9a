package io.airlog.bench.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The unit of the times in {@code /proc}: {@code sysconf(_SC_CLK_TCK)}, read once with
 * {@code getconf CLK_TCK} (100 on every common Linux architecture, the value taken when
 * {@code getconf} cannot be run).
 */
public final class ClockTicks {
    private static final long PER_SECOND = read();

    private ClockTicks() {
    }

    /** Clock ticks per second. */
    public static long perSecond() {
        return PER_SECOND;
    }

    /** {@code ticks} in seconds. */
    public static double seconds(long ticks) {
        return (double) ticks / PER_SECOND;
    }

    private static long read() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (p.waitFor() == 0 && out.matches("[1-9][0-9]*")) {
                    return Long.parseLong(out);
                }
            }
        } catch (IOException e) {
            // no getconf: the Linux default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
