package io.airlog.bench.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A child process for the accounting tests: spins until its main thread has used the given
 * CPU milliseconds (by its own clock), prints {@code DONE}, then exits, or with {@code wait}
 * waits for its standard input to close first.
 */
public final class BusyLoop {
    private BusyLoop() {
    }

    /** Arguments: {@code <cpu milliseconds> [wait]}. */
    public static void main(String[] args) throws Exception {
        spin(Long.parseLong(args[0]));
        System.out.println("DONE");
        System.out.flush();
        if (args.length > 1 && args[1].equals("wait")) {
            while (System.in.read() >= 0) {
                // until the parent closes our input
            }
        }
    }

    /**
     * Spins on this thread until it has used {@code millis} of CPU time; returns a value so that
     * the JIT keeps the work.
     */
    static long spin(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000L;
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 31 + i;
            }
        }
        return x;
    }
}
