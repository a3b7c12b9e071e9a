package io.airlog.bench.cpu;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A process and all its descendants at one instant, with their CPU times.
 *
 * <p>The CPU time a tree used between two instants is the difference of {@link #ticks()}: every
 * process counts its own time plus that of its ended children ({@code cutime} and
 * {@code cstime}, added to a parent's when it waits for the child), so a process that started
 * and ended in between is counted through its parent, and one that ended in between is counted
 * up to its end. A process that ends while the tree is being read may be missed (or, once,
 * counted twice); both are rare and small beside a measured window of seconds.
 *
 * @param root the root process
 * @param processes the root and its descendants that were alive, by pid
 */
public record ProcessTree(long root, Map<Long, ProcStat> processes) {

    /** Copies the map. */
    public ProcessTree {
        processes = Map.copyOf(processes);
    }

    /**
     * Reads the tree of {@code root}.
     *
     * @throws IllegalStateException if there is no process {@code root} here
     */
    public static ProcessTree read(long root) {
        Map<Long, ProcStat> processes = new LinkedHashMap<>();
        ProcStat rootStat = ProcStat.read(root)
                .orElseThrow(() -> new IllegalStateException("no process " + root + " on this machine"));
        processes.put(root, rootStat);
        Optional<ProcessHandle> handle = ProcessHandle.of(root);
        handle.ifPresent(h -> h.descendants().forEach(d -> ProcStat.read(d.pid())
                .ifPresent(s -> processes.put(d.pid(), s))));
        return new ProcessTree(root, processes);
    }

    /** The tree of this JVM: the JVM and the processes it started (child JVMs), with theirs. */
    public static ProcessTree ofThisJvm() {
        return read(ProcessHandle.current().pid());
    }

    /** The CPU ticks of the tree so far: each process's own and its ended children's. */
    public long ticks() {
        return processes.values().stream().mapToLong(ProcStat::ticks).sum();
    }

    /** The ticks of one process of the tree, or 0 if it was not in the tree. */
    public long ticksOf(long pid) {
        ProcStat s = processes.get(pid);
        return s == null ? 0 : s.ticks();
    }

    /** The root process. */
    public ProcStat rootStat() {
        return processes.get(root);
    }
}
