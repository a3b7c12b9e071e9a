package io.airlog.ocsf;

import io.airlog.AuditEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes sealed audit events as OCSF JSON lines: one OCSF event per line, UTF-8, {@code \n},
 * mapped by an {@link OcsfMapper} and, unless switched off, checked against the
 * {@linkplain OcsfSchema shipped schema} before it is written. An event that fails the check
 * is not written: {@link #write} throws {@link InvalidOcsfEventException} and the output is
 * unchanged. This is the sink for exporting a stored log (replay a store, write each event)
 * and the storage of {@link OcsfJsonLinesStream}.
 *
 * <pre>{@code
 * try (OcsfJsonLinesWriter out = OcsfJsonLinesWriter.toFile(Path.of("siem.jsonl"), OcsfMapper.defaults(), true);
 *      Stream<AuditEvent> events = jdbcStream.replay(1, Long.MAX_VALUE)) {
 *     out.writeAll(events);
 * }
 * }</pre>
 *
 * <p>Each line is flushed to the target as it is written. Safe for concurrent use: lines
 * never interleave.
 */
public final class OcsfJsonLinesWriter implements AutoCloseable {
    private final Writer out;
    private final OcsfMapper mapper;
    private final boolean validate;
    private final boolean closeTarget;
    private boolean closed;

    private OcsfJsonLinesWriter(Writer out, OcsfMapper mapper, boolean validate, boolean closeTarget) {
        this.out = Objects.requireNonNull(out, "writer");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.validate = validate;
        this.closeTarget = closeTarget;
    }

    /**
     * Appends to a file (created with its parent directories if absent).
     *
     * @param file the file
     * @param mapper how events become OCSF events
     * @param validate whether to check each event against the shipped schema before writing it
     * @return the writer; {@link #close()} closes the file
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static OcsfJsonLinesWriter toFile(Path file, OcsfMapper mapper, boolean validate) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                    StandardCharsets.UTF_8), 1 << 16);
            return new OcsfJsonLinesWriter(writer, mapper, validate, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open OCSF file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes to any writer (standard output, a socket, a buffer).
     *
     * @param writer the target
     * @param mapper how events become OCSF events
     * @param validate whether to check each event before writing it
     * @param closeWriter whether {@link #close()} closes the writer
     * @return the writer
     */
    public static OcsfJsonLinesWriter toWriter(Writer writer, OcsfMapper mapper, boolean validate,
                                               boolean closeWriter) {
        return new OcsfJsonLinesWriter(writer, mapper, validate, closeWriter);
    }

    /**
     * Maps, checks and writes one event.
     *
     * @param event a sealed event
     * @return the OCSF event written
     * @throws InvalidOcsfEventException if the check is on and the OCSF event is not valid;
     *         nothing was written
     * @throws UncheckedIOException if writing failed
     * @throws IllegalStateException if the writer is closed
     */
    public synchronized OcsfEvent write(AuditEvent event) {
        if (closed) {
            throw new IllegalStateException("OCSF writer is closed");
        }
        OcsfEvent ocsf = mapper.map(event);
        if (validate) {
            OcsfValidation validation = ocsf.validate();
            if (!validation.valid()) {
                throw new InvalidOcsfEventException("the OCSF event of audit event " + event.eventId() + " (sequence "
                        + event.sequence() + " of log '" + event.logId() + "')", validation);
            }
        }
        try {
            out.write(ocsf.toJson());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write OCSF event " + event.eventId() + ": " + e.getMessage(), e);
        }
        return ocsf;
    }

    /**
     * Writes every event of a stream, in order; stops at the first that fails.
     *
     * @param events sealed events
     * @return how many were written
     */
    public long writeAll(Stream<AuditEvent> events) {
        long written = 0;
        for (Iterator<AuditEvent> it = events.iterator(); it.hasNext(); ) {
            write(it.next());
            written++;
        }
        return written;
    }

    /** Flushes and, if this writer owns its target, closes it. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.flush();
            if (closeTarget) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close OCSF writer: " + e.getMessage(), e);
        }
    }
}
