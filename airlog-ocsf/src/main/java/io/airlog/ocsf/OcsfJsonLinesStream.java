package io.airlog.ocsf;

import io.airlog.AuditEvent;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.ocsf.internal.Json;
import io.airlog.spi.SealingAuditStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An audit stream whose storage is an OCSF JSON-lines file or writer: it owns a log, seals
 * each draft under its sequencer, and stores the event as one OCSF line through an
 * {@link OcsfJsonLinesWriter} (validated against the shipped schema unless switched off). An
 * event that fails the check is not stored, its sequence is not used, and the caller gets an
 * {@link io.airlog.AuditException} that lists the violations.
 *
 * <p>The file is for SIEMs (Splunk, Security Lake, Elastic, ...): each line carries the
 * event's sequence and checksums in {@code unmapped.airlog}, so it can be matched to the
 * verified log, but an OCSF file cannot be verified as a chain on its own. Keep the log in a
 * verifiable store (JDBC, airlog JSON lines) and route a copy here, or export a stored log
 * with {@link OcsfJsonLinesWriter}.
 *
 * <p>On opening an existing file the stream continues its chain from the last line (its
 * {@code metadata.log_name} must be this log, and {@code unmapped.airlog} gives the sequence
 * and checksum). The stream is named after its log. Lines are flushed as they are written.
 */
public final class OcsfJsonLinesStream extends SealingAuditStream {
    private static final int TAIL = 1 << 20;

    private final OcsfJsonLinesWriter writer;

    private OcsfJsonLinesStream(String logId, ChainPosition head, OcsfJsonLinesWriter writer) {
        super(logId, logId, head);
        this.writer = writer;
    }

    /**
     * Appends to a file, continuing the chain of the log in it.
     *
     * @param file the file (created if absent)
     * @param logId the log
     * @param mapper how events become OCSF events
     * @param validate whether to check each event against the shipped schema
     * @return the stream
     * @throws IllegalStateException if the file does not end in a complete OCSF line of this
     *         log written by airlog
     * @throws UncheckedIOException if the file cannot be read or opened
     */
    public static OcsfJsonLinesStream toFile(Path file, String logId, OcsfMapper mapper, boolean validate) {
        ChainPosition head = lastPosition(file, logId);
        return new OcsfJsonLinesStream(logId, head, OcsfJsonLinesWriter.toFile(file, mapper, validate));
    }

    /**
     * Writes a new log to a writer.
     *
     * @param target the writer
     * @param logId the log
     * @param mapper how events become OCSF events
     * @param validate whether to check each event against the shipped schema
     * @param closeWriter whether {@link #close()} closes the writer
     * @return the stream
     */
    public static OcsfJsonLinesStream toWriter(Writer target, String logId, OcsfMapper mapper, boolean validate,
                                               boolean closeWriter) {
        return new OcsfJsonLinesStream(logId, ChainPosition.EMPTY,
                OcsfJsonLinesWriter.toWriter(target, mapper, validate, closeWriter));
    }

    @Override
    protected void store(AuditEvent event) {
        writer.write(event);
    }

    @Override
    protected void closeStorage() {
        writer.close();
    }

    /** Durable only in the sense of a flushed file; no capability is claimed. */
    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    /** The head of the log in an OCSF file written by airlog, from its last line. */
    @SuppressWarnings("unchecked")
    static ChainPosition lastPosition(Path file, String logId) {
        Objects.requireNonNull(logId, "logId");
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return ChainPosition.EMPTY;
            }
            String last;
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                int size = (int) Math.min(length, TAIL);
                byte[] tail = new byte[size];
                raf.seek(length - size);
                raf.readFully(tail);
                if (tail[size - 1] != '\n') {
                    throw new IllegalStateException("OCSF file " + file + " ends with an incomplete line");
                }
                int start = size - 2;
                while (start >= 0 && tail[start] != '\n') {
                    start--;
                }
                if (start < 0 && length > size) {
                    throw new IllegalStateException("the last line of OCSF file " + file + " is longer than " + TAIL
                            + " bytes");
                }
                last = new String(tail, start + 1, size - start - 2, StandardCharsets.UTF_8);
            }
            Map<String, Object> event = (Map<String, Object>) Json.parse(last);
            Map<String, Object> metadata = (Map<String, Object>) event.get("metadata");
            Map<String, Object> unmapped = (Map<String, Object>) event.get("unmapped");
            Map<String, Object> airlog = unmapped == null ? null : (Map<String, Object>) unmapped.get("airlog");
            if (metadata == null || airlog == null || !(airlog.get("sequence") instanceof Number sequence)
                    || !(airlog.get("checksum") instanceof String checksum)) {
                throw new IllegalStateException("the last line of OCSF file " + file
                        + " is not an airlog event (no unmapped.airlog sequence and checksum)");
            }
            if (!logId.equals(metadata.get("log_name"))) {
                throw new IllegalStateException("OCSF file " + file + " holds log '" + metadata.get("log_name")
                        + "', not '" + logId + "'");
            }
            return new ChainPosition(sequence.longValue(), checksum);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OCSF file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("the last line of OCSF file " + file + " is not an OCSF event: "
                    + e.getMessage(), e);
        }
    }
}
