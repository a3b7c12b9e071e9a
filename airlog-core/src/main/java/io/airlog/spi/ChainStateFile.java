package io.airlog.spi;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The head of a log whose events go somewhere airlog cannot read back (a logging framework,
 * an OpenTelemetry exporter), kept in a small file so that the chain continues when the
 * application restarts instead of starting again at sequence 1.
 *
 * <p><b>Write-ahead.</b> The stream records each sealed event's position here
 * ({@link #sealed}) <em>before</em> it emits the event, and puts the previous position back
 * ({@link #unsealed}) if emitting fails. So after a crash the file is never behind what was
 * emitted: a restart never reuses a sequence (which would fork the chain). It may be one
 * event ahead: when the process died after recording event {@code n} here and before event
 * {@code n} was emitted, the next run continues at {@code n + 1} and the output lacks
 * {@code n}, which its verifier reports as missing. {@link #closedCleanly()} tells the next
 * run whether that can have happened; the stream then says so in a warning, naming {@code n}
 * and its event id.
 *
 * <p><b>Format.</b> Two copies (slots) of the state, 1024 bytes each, written in turn; each
 * holds a generation number and a CRC-32 of its content. Reading takes the valid copy with
 * the higher generation, so a write torn by a crash leaves the other copy, the state before
 * that write. A file neither of whose copies is valid is refused with an error: airlog never
 * repairs it by itself. One writing stream per file, enforced with a file lock (also against
 * other processes).
 *
 * <p><b>Durability.</b> Each write goes to the operating system before {@link #sealed}
 * returns, so it survives a crash of the JVM; with {@code fsync} it is also forced to the
 * device (survives a power loss, costs a device sync per event). Not safe for concurrent use:
 * call it under the log's sequencer.
 */
public final class ChainStateFile implements AutoCloseable {
    private static final int SLOT = 1024;
    private static final String MAGIC = "airlog-chain-state 1";
    private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{64}");

    private final Path file;
    private final String logId;
    private final SlotFile slots;
    private final boolean closedCleanly;
    private final State previous;
    private long generation;
    private ChainPosition head;
    private boolean closed;

    /** One copy of the state. */
    private record State(long generation, String logId, ChainPosition head, String eventId, boolean clean) {
    }

    private ChainStateFile(Path file, String logId, SlotFile slots, State state) {
        this.file = file;
        this.logId = logId;
        this.slots = slots;
        this.previous = state;
        this.generation = state == null ? 0 : state.generation();
        this.head = state == null ? ChainPosition.EMPTY : state.head();
        this.closedCleanly = state == null || state.clean();
    }

    /**
     * Opens (or creates, with its directories) the state file of log {@code logId} and locks
     * it.
     *
     * @param file the file
     * @param logId the log; an existing file must hold this log
     * @param fsync whether each write is forced to the device
     * @return the open state
     * @throws UncheckedIOException if the file cannot be read or written
     * @throws IllegalStateException if another stream (in this JVM or another process) holds
     *         it, it holds another log, or neither of its copies is readable
     */
    public static ChainStateFile open(Path file, String logId, boolean fsync) {
        Objects.requireNonNull(logId, "logId");
        SlotFile slots = SlotFile.open(file, SLOT, fsync, "chain state file");
        try {
            State state = slots.newest(ChainStateFile::parse, State::generation, "chain state file " + file
                    + " is damaged: neither of its two copies is readable. airlog does not repair it: compare it with"
                    + " the audit output and restore it, or start a new log");
            if (state != null && !state.logId().equals(logId)) {
                throw new IllegalStateException("chain state file " + file + " holds log '" + state.logId()
                        + "', not '" + logId + "'");
            }
            return new ChainStateFile(file, logId, slots, state);
        } catch (IOException e) {
            slots.close();
            throw new UncheckedIOException("cannot open chain state file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            slots.close();
            throw e;
        }
    }

    /** One checked copy, or null when it is not a state. */
    private static State parse(String[] lines) {
        if (lines.length != 7 || !lines[0].equals(MAGIC)) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < 7; i++) {
            int space = lines[i].indexOf(' ');
            if (space < 0) {
                return null;
            }
            fields.put(lines[i].substring(0, space), lines[i].substring(space + 1));
        }
        try {
            String last = fields.get("last");
            if (last == null || !(CHECKSUM.matcher(last).matches() || last.equals(ChainPosition.GENESIS))) {
                return null;
            }
            return new State(Long.parseLong(fields.get("generation")),
                    new String(Base64.getUrlDecoder().decode(fields.get("log")), StandardCharsets.UTF_8),
                    new ChainPosition(Long.parseLong(fields.get("size")), last), fields.get("event"),
                    "closed".equals(fields.get("state")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The log whose head this file keeps. */
    public String logId() {
        return logId;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The head of the log as the file holds it now: where the next event continues. */
    public ChainPosition head() {
        return head;
    }

    /**
     * Whether the previous writer closed the file (or the file is new). When false, the last
     * event recorded here ({@link #lastEventId()}) may be missing from the output.
     */
    public boolean closedCleanly() {
        return closedCleanly;
    }

    /** The id of the last event recorded here when the file was opened, or {@code "-"} when none. */
    public String lastEventId() {
        return previous == null || previous.eventId() == null ? "-" : previous.eventId();
    }

    /**
     * Records that {@code event} was sealed and is about to be emitted: the head moves to it.
     *
     * @throws IOException if the state cannot be written; then the event must not be emitted
     */
    public void sealed(AuditEvent event) throws IOException {
        write(event.position(), event.eventId().toString(), false);
    }

    /**
     * Puts the head back to {@code position} after the event recorded by {@link #sealed} could
     * not be emitted.
     *
     * @throws IOException if the state cannot be written
     */
    public void unsealed(ChainPosition position) throws IOException {
        write(position, "-", false);
    }

    private void write(ChainPosition position, String eventId, boolean clean) throws IOException {
        long next = generation + 1;
        slots.write(next, MAGIC + "\n" + "generation " + next + "\n" + "log "
                + Base64.getUrlEncoder().withoutPadding().encodeToString(logId.getBytes(StandardCharsets.UTF_8)) + "\n"
                + "size " + position.size() + "\n" + "last " + position.lastChecksum() + "\n" + "event " + eventId
                + "\n" + "state " + (clean ? "closed" : "open") + "\n");
        generation = next;
        head = position;
    }

    /**
     * Records that the stream closed with its log at the current head, and releases the file.
     * Idempotent.
     *
     * @throws UncheckedIOException if the state cannot be written
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            write(head, "-", true);
            slots.force();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close chain state file " + file + ": " + e.getMessage(), e);
        } finally {
            slots.close();
        }
    }
}
