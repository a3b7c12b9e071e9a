package io.airlog.bench.load;

import io.airlog.jdbc.TableNames;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The ways of writing audit rows that the load harness compares. */
public enum Scenario {
    /** airlog, {@code record}: returns after the group commit of the caller's batch. */
    AIRLOG_SYNC("airlog sync"),
    /** airlog, {@code recordAsync} in async mode: returns once queued; counted when committed. */
    AIRLOG_ASYNC("airlog async"),
    /** The same rows through the same queue and batches, without hashing, chaining or head row. */
    PLAIN_BATCH("plain batch"),
    /** One auto-commit single-row INSERT per event, a connection per caller, unchained. */
    NAIVE("naive"),
    /** One transaction per event under the head-row lock, a connection per caller. */
    NAIVE_CHAINED("naive chained"),
    /** airlog sync from two JVMs (this one and a child), half of the callers each, one log. */
    TWO_JVMS("airlog sync, 2 JVMs");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    /** The column heading. */
    public String label() {
        return label;
    }

    /**
     * Opens this scenario's sink on existing tables (not for {@link #TWO_JVMS}, whose second
     * writer is another process: see {@link TwoJvmLoad}).
     */
    public Sink open(DataSource dataSource, TableNames tables, String logId, int callers) throws SQLException {
        return switch (this) {
            case AIRLOG_SYNC -> new AirlogSink(dataSource, tables, logId, false);
            case AIRLOG_ASYNC -> new AirlogSink(dataSource, tables, logId, true);
            case PLAIN_BATCH -> new PlainBatchSink(dataSource, tables, logId);
            case NAIVE -> new NaiveInsertSink(dataSource, tables, logId, callers);
            case NAIVE_CHAINED -> new NaiveChainedSink(dataSource, tables, logId, callers);
            case TWO_JVMS -> throw new IllegalArgumentException("the two-JVM scenario starts a child process");
        };
    }

    /** The name on the command line: {@code airlog-sync}, {@code naive-chained}, ... */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The scenario of a command-line name.
     *
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public static Scenario ofCliName(String name) {
        for (Scenario s : values()) {
            if (s.cliName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--scenarios: unknown scenario '" + name + "'; known: "
                + java.util.Arrays.stream(values()).map(Scenario::cliName).toList());
    }

    /** Whether the scenario writes a hash chain that the verifier can check. */
    public boolean chained() {
        return this != PLAIN_BATCH && this != NAIVE;
    }
}
