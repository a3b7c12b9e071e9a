package io.airlog.bench.load;

import io.airlog.jdbc.IndexProfile;
import io.airlog.jdbc.TableNames;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The ways of writing audit events that the load harness compares: airlog, the harness's own
 * plain writers, and the Log4j2 2.x setups a Java team uses instead. Each states what a caller
 * holds when its call returns ({@link #atReturn()}) and what a crash can lose
 * ({@link #crashLoses()}).
 */
public enum Scenario {
    /** airlog, {@code record}: returns after the group commit of the caller's batch. */
    AIRLOG_SYNC("airlog sync", "committed (the batch's transaction)", "no acknowledged event"),
    /**
     * airlog sync signing checkpoints at the default interval of 1 s, published to a witness
     * file: a committed event is covered by a signed checkpoint row within 1 s.
     */
    AIRLOG_SYNC_SIGNED_1S("airlog sync, signed 1 s", "committed; covered by a signed checkpoint row within 1 s"
            + " (the batch that signs, or the idle timer) and in the witness file within 1 s more",
            "no acknowledged event; events committed less than 1 s before the crash may have no signed"
            + " checkpoint yet (an unsigned tail: until signed, someone who can write the tables can remove or"
            + " rewrite it unnoticed)"),
    /** airlog sync signing a checkpoint in every batch's transaction, published to a witness file. */
    AIRLOG_SYNC_SIGNED_EVERY_BATCH("airlog sync, signed every batch", "committed together with the signed"
            + " checkpoint row that covers it; in the witness file within 1 s", "no acknowledged event"),
    /**
     * airlog sync on tables created with the write index profile (primary key and unique
     * event id only).
     */
    AIRLOG_SYNC_WRITE_INDEXES("airlog sync, write indexes", "committed (the batch's transaction)",
            "no acknowledged event"),
    /** airlog, {@code recordAsync} in async mode: returns once queued; counted when committed. */
    AIRLOG_ASYNC("airlog async", "queued in memory (committed within the 2 ms batch delay, or when its batch is"
            + " written)", "the queue (up to 8,192 events) and the batch being written (up to 512)"),
    /** The same rows through the same queue and batches, without hashing, chaining or head row. */
    PLAIN_BATCH("plain batch", "committed", "no acknowledged event"),
    /** One auto-commit single-row INSERT per event, a connection per caller, unchained. */
    NAIVE("naive", "committed", "no acknowledged event"),
    /** One transaction per event under the head-row lock, a connection per caller. */
    NAIVE_CHAINED("naive chained", "committed", "no acknowledged event"),
    /** airlog sync from two JVMs (this one and a child), half of the callers each, one log. */
    TWO_JVMS("airlog sync, 2 JVMs", "committed", "no acknowledged event"),
    /** Log4j2's JdbcAppender with {@code bufferSize=0}: one INSERT and commit per event. */
    LOG4J_JDBC("Log4j2 JDBC", "committed, if the insert worked: with Log4j2's default ignoreExceptions=true a"
            + " failed insert returns normally (the harness sets it to false)", "no acknowledged event (with"
            + " ignoreExceptions=false); with the default, every event whose insert failed"),
    /** Log4j2's JdbcAppender with {@code bufferSize=100}. */
    LOG4J_JDBC_BATCHED("Log4j2 JDBC batched", "in Log4j2's buffer in memory; the call that fills it writes"
            + " all 100 in one transaction", "up to 99 buffered events; a failed write discards its 100"),
    /** Log4j2's AsyncAppender in front of the batched JdbcAppender. */
    LOG4J_ASYNC_JDBC("Log4j2 async + JDBC batched", "queued in memory", "the queue (up to 1,024 events) and"
            + " the buffer (up to 100); a failed write is reported to Log4j2's status logger only"),
    /** airlog's JSON-lines file stream, FLUSH durability. */
    AIRLOG_FILE("airlog JSON file", "written to the operating system (no fsync; FSYNC mode would sync)",
            "JVM crash: nothing; machine crash: what the kernel had not written to disk yet"),
    /** Log4j2's FileAppender with JsonTemplateLayout, {@code immediateFlush=true}. */
    LOG4J_FILE("Log4j2 JSON file", "written to the operating system (immediateFlush; no fsync)",
            "JVM crash: nothing; machine crash: what the kernel had not written to disk yet");

    private final String label;
    private final String atReturn;
    private final String crashLoses;

    Scenario(String label, String atReturn, String crashLoses) {
        this.label = label;
        this.atReturn = atReturn;
        this.crashLoses = crashLoses;
    }

    /** The column heading. */
    public String label() {
        return label;
    }

    /** Where the event is when the call returns. */
    public String atReturn() {
        return atReturn;
    }

    /** What a crash of the JVM (or of the machine) loses of the events whose calls returned. */
    public String crashLoses() {
        return crashLoses;
    }

    /** The indexes of the event table this scenario writes to. */
    public IndexProfile indexes() {
        return this == AIRLOG_SYNC_WRITE_INDEXES ? IndexProfile.WRITE : IndexProfile.QUERY;
    }

    /** Whether the scenario writes a file rather than database rows. */
    public boolean writesFile() {
        return this == AIRLOG_FILE || this == LOG4J_FILE;
    }

    /**
     * Opens this scenario's sink on existing tables (not for {@link #TWO_JVMS}, whose second
     * writer is another process: see {@link TwoJvmLoad}; not for the file scenarios).
     */
    public Sink open(DataSource dataSource, TableNames tables, String logId, int callers) throws SQLException {
        return switch (this) {
            case AIRLOG_SYNC, AIRLOG_SYNC_WRITE_INDEXES -> new AirlogSink(dataSource, tables, logId, false);
            case AIRLOG_ASYNC -> new AirlogSink(dataSource, tables, logId, true);
            case AIRLOG_SYNC_SIGNED_1S -> AirlogSink.signed(dataSource, tables, logId, Duration.ofSeconds(1));
            case AIRLOG_SYNC_SIGNED_EVERY_BATCH -> AirlogSink.signed(dataSource, tables, logId, Duration.ZERO);
            case PLAIN_BATCH -> new PlainBatchSink(dataSource, tables, logId);
            case NAIVE -> new NaiveInsertSink(dataSource, tables, logId, callers);
            case NAIVE_CHAINED -> new NaiveChainedSink(dataSource, tables, logId, callers);
            case LOG4J_JDBC -> new Log4jJdbcSink(dataSource, tables, logId, Log4jJdbcSink.Setup.PER_EVENT);
            case LOG4J_JDBC_BATCHED -> new Log4jJdbcSink(dataSource, tables, logId, Log4jJdbcSink.Setup.BATCHED);
            case LOG4J_ASYNC_JDBC -> new Log4jJdbcSink(dataSource, tables, logId,
                    Log4jJdbcSink.Setup.ASYNC_BATCHED);
            case TWO_JVMS -> throw new IllegalArgumentException("the two-JVM scenario starts a child process");
            case AIRLOG_FILE, LOG4J_FILE -> throw new IllegalArgumentException(label + " writes a file");
        };
    }

    /** Opens this file scenario's sink on a new file. */
    public Sink openFile(Path file, String logId) {
        return switch (this) {
            case AIRLOG_FILE -> new AirlogFileSink(file, logId);
            case LOG4J_FILE -> new Log4jFileSink(file, logId);
            default -> throw new IllegalArgumentException(label + " writes to a database");
        };
    }

    /** The name on the command line: {@code airlog-sync}, {@code naive-chained}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
                + Arrays.stream(values()).map(Scenario::cliName).toList());
    }

    /** Whether the scenario signs checkpoints and publishes them to a witness. */
    public boolean signed() {
        return this == AIRLOG_SYNC_SIGNED_1S || this == AIRLOG_SYNC_SIGNED_EVERY_BATCH;
    }

    /** Whether the scenario writes a hash chain that the verifier can check. */
    public boolean chained() {
        return this == AIRLOG_SYNC || this == AIRLOG_ASYNC || signed() || this == NAIVE_CHAINED || this == TWO_JVMS
                || this == AIRLOG_FILE;
    }
}
