package io.airlog.stream;

import io.airlog.AuditEvent;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.StreamHealth;
import io.airlog.encoding.EventJson;
import io.airlog.spi.SealingAuditStream;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a log as JSON lines (one {@linkplain EventJson event object} per line, UTF-8, "\n")
 * to a file, any {@link Writer} or {@link OutputStream}, or standard output — never through
 * the application's logging framework.
 *
 * <p><b>Files.</b> The file is opened for appending. When it already holds events, the
 * stream continues their chain: it reads the last line, checks that it is a complete event of
 * the same log whose checksum verifies, and seals the next event after it. A file that ends
 * in a partial line (a crash in mid-write) or whose last event is damaged is refused with an
 * error naming the file: airlog never repairs or truncates an audit file by itself. Only one
 * stream (in one JVM) may write a file at a time. Durability follows
 * {@link JsonLinesDurability} (default {@link JsonLinesDurability#FLUSH}).
 *
 * <p>The stream is named after its log ({@link #name()} equals the log id).
 *
 * <p><b>Failures.</b> If a write fails, the event is not acknowledged (the caller gets an
 * {@code AuditException}) and the stream stops accepting events (health DOWN): the file may
 * end in a partial line that a person must look at. Nothing written before is touched.
 */
public final class JsonLinesAuditStream extends SealingAuditStream {
    private final Writer out;
    private final FileChannel channel;
    private final boolean closeTarget;
    private final JsonLinesDurability durability;
    private volatile IOException failure;

    private JsonLinesAuditStream(String name, String logId, ChainPosition head, Writer out, FileChannel channel,
                                 boolean closeTarget, JsonLinesDurability durability) {
        super(name, logId, head);
        this.out = out;
        this.channel = channel;
        this.closeTarget = closeTarget;
        this.durability = durability;
    }

    /**
     * Appends to a file, continuing the chain already in it.
     *
     * @param file the file (created if absent, with its parent directories)
     * @param logId the log; an existing file must hold this log
     * @param durability when lines reach the disk
     * @throws UncheckedIOException if the file cannot be opened or read
     * @throws IllegalStateException if the file ends in a partial line, or its last event is
     *         damaged or of another log
     */
    public static JsonLinesAuditStream toFile(Path file, String logId, JsonLinesDurability durability) {
        Objects.requireNonNull(durability, "durability");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            ChainPosition head = JsonLinesReader.lastPosition(file, logId);
            FileOutputStream stream = new FileOutputStream(file.toFile(), true);
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            return new JsonLinesAuditStream(logId, logId, head, writer, stream.getChannel(),
                    true, durability);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open audit file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends to a file with {@link JsonLinesDurability#FLUSH}. */
    public static JsonLinesAuditStream toFile(Path file, String logId) {
        return toFile(file, logId, JsonLinesDurability.FLUSH);
    }

    /**
     * Writes a new log to a writer, flushing after each line. The writer is not closed by
     * {@link #close()} unless {@code closeWriter} is true.
     */
    public static JsonLinesAuditStream toWriter(Writer writer, String logId, boolean closeWriter) {
        return new JsonLinesAuditStream(logId, logId, ChainPosition.EMPTY, Objects.requireNonNull(writer, "writer"),
                null, closeWriter, JsonLinesDurability.FLUSH);
    }

    /** Writes a new log to an output stream as UTF-8, flushing after each line. */
    public static JsonLinesAuditStream toOutputStream(OutputStream stream, String logId, boolean closeStream) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        return new JsonLinesAuditStream(logId, logId, ChainPosition.EMPTY, writer, null, closeStream,
                JsonLinesDurability.FLUSH);
    }

    /** Writes a new log to standard output (which is flushed, never closed). */
    public static JsonLinesAuditStream toStdout(String logId) {
        return toOutputStream(System.out, logId, false);
    }

    @Override
    protected void store(AuditEvent event) throws IOException {
        IOException earlier = failure;
        if (earlier != null) {
            throw new IOException("the stream stopped after an earlier write failure: " + earlier.getMessage(),
                    earlier);
        }
        try {
            out.write(EventJson.toJson(event));
            out.write('\n');
            if (durability != JsonLinesDurability.BUFFERED) {
                out.flush();
            }
            if (durability == JsonLinesDurability.FSYNC && channel != null) {
                channel.force(false);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    protected void closeStorage() {
        try {
            out.flush();
            if (channel != null && durability != JsonLinesDurability.BUFFERED) {
                channel.force(false);
            }
            if (closeTarget) {
                out.close();
            }
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException("could not close audit stream '" + name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return channel != null && durability != JsonLinesDurability.BUFFERED ? EnumSet.of(Capability.DURABLE)
                : EnumSet.noneOf(Capability.class);
    }

    @Override
    public StreamHealth health() {
        StreamHealth base = super.health();
        IOException f = failure;
        if (f == null) {
            return base;
        }
        return new StreamHealth(StreamHealth.Status.DOWN, base.recorded(), base.failed(), 0, "write failed: " + f.getMessage());
    }
}
