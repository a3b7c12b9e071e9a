package io.airlog.bench.cpu;

/**
 * CPU time used during a measured window, in seconds.
 *
 * @param jvm this JVM and the processes it started (child JVMs)
 * @param database the database server's processes that served this run (0 for a database
 *                 embedded in the JVM, whose work is in {@code jvm}); NaN when the server
 *                 cannot be measured from here
 * @param background part of {@code database}: the server's own processes that serve every
 *                   session (PostgreSQL's postmaster, walwriter, checkpointer, ...; 0 elsewhere)
 * @param ended part of {@code database}: server processes that ended during the window
 * @param leftOut not in {@code database}: other clients' sessions on a shared server
 *                (PostgreSQL only; see {@link DatabaseServer})
 */
public record CpuUse(double jvm, double database, double background, double ended, double leftOut) {

    /** Nothing used (an empty window). */
    public static final CpuUse NONE = new CpuUse(0, 0, 0, 0, 0);

    /** This JVM's and the database's time together (NaN when the database's is unknown). */
    public double total() {
        return jvm + database;
    }

    /** CPU seconds per 1,000 events: {@code total() / events * 1000}; NaN for no events. */
    public double secondsPerThousand(long events) {
        return events <= 0 ? Double.NaN : total() * 1000 / events;
    }

    /** This JVM's part per 1,000 events. */
    public double jvmSecondsPerThousand(long events) {
        return events <= 0 ? Double.NaN : jvm * 1000 / events;
    }

    /** The database's part per 1,000 events. */
    public double databaseSecondsPerThousand(long events) {
        return events <= 0 ? Double.NaN : database * 1000 / events;
    }
}
