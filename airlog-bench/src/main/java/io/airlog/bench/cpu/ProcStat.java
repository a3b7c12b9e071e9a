package io.airlog.bench.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CPU times of one process from {@code /proc/<pid>/stat}, in clock ticks
 * ({@link ClockTicks#perSecond()} a second).
 *
 * @param pid the process
 * @param comm its command name (without the parentheses)
 * @param ppid its parent
 * @param utime user time of all its threads, living and ended
 * @param stime system time of all its threads
 * @param cutime user time of its children that ended and were waited for (with theirs)
 * @param cstime system time of those children
 */
public record ProcStat(int pid, String comm, int ppid, long utime, long stime, long cutime, long cstime) {

    /**
     * Everything this process and its ended, waited-for descendants used: the process's own time
     * and the time its parent will inherit when it ends.
     */
    public long ticks() {
        return utime + stime + cutime + cstime;
    }

    /** The time of the children that ended and were waited for. */
    public long childTicks() {
        return cutime + cstime;
    }

    /** The process {@code pid} now, or empty when there is no such process (it ended, or is not visible here). */
    public static Optional<ProcStat> read(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // The process ended while its file was being read.
            return Optional.empty();
        }
    }

    /**
     * Parses the contents of a {@code stat} file. The command name stands in parentheses and
     * may itself hold spaces and parentheses, so the fields are counted from the last ')'.
     *
     * @throws IllegalArgumentException if the text is not a {@code stat} line
     */
    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        // After the name: state(3) ppid(4) pgrp session tty_nr tpgid flags minflt cminflt majflt
        // cmajflt utime(14) stime(15) cutime(16) cstime(17) ...
        String[] f = line.substring(close + 1).trim().split("\\s+");
        if (f.length < 15) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields: " + line);
        }
        try {
            return new ProcStat(Integer.parseInt(line.substring(0, open).trim()), line.substring(open + 1, close),
                    Integer.parseInt(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line, e);
        }
    }
}
