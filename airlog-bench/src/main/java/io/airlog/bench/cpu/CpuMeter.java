package io.airlog.bench.cpu;

import io.airlog.bench.load.BenchDatabase;
import java.sql.SQLException;

/**
 * Measures the CPU time of a window: this JVM with the processes it started
 * ({@link ProcessTree#ofThisJvm()}: child JVMs included) and the database server
 * ({@link DatabaseServer}), read from {@code /proc} at the window's start ({@link #mark()}) and
 * end ({@link #since}).
 */
public final class CpuMeter implements AutoCloseable {
    private final DatabaseServer server;

    private CpuMeter(DatabaseServer server) {
        this.server = server;
    }

    /** A meter of this JVM only (no database, or one embedded in it). */
    public static CpuMeter jvmOnly() {
        return new CpuMeter(DatabaseServer.inJvm("no database server"));
    }

    /** A meter of this JVM and the server of {@code db}. */
    public static CpuMeter of(BenchDatabase db) throws SQLException {
        return new CpuMeter(DatabaseServer.of(db));
    }

    /** A meter of this JVM and the given server. */
    public static CpuMeter of(DatabaseServer server) {
        return new CpuMeter(server);
    }

    /**
     * The counters at the start of a window.
     *
     * @param jvm this JVM's process tree
     * @param server the server's processes
     */
    public record Mark(ProcessTree jvm, DatabaseServer.Sample server) {
    }

    /**
     * Reads the counters now.
     *
     * @throws IllegalStateException if the server's sessions cannot be listed
     */
    public Mark mark() {
        try {
            return new Mark(ProcessTree.ofThisJvm(), server.sample());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the database server's sessions: " + e.getMessage(), e);
        }
    }

    /** The CPU time used since {@code start}. */
    public CpuUse since(Mark start) {
        Mark end = mark();
        DatabaseServer.Share db = server.between(start.server(), end.server());
        return new CpuUse(ClockTicks.seconds(end.jvm().ticks() - start.jvm().ticks()), db.counted(),
                db.background(), db.ended(), db.leftOut());
    }

    /** What the database part counts. */
    public String databaseDescription() {
        return server.description();
    }

    @Override
    public void close() throws SQLException {
        server.close();
    }
}
