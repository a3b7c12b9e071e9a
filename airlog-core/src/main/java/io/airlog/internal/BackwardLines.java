package io.airlog.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the lines of a file from its end towards its start, so that the end of a large
 * append-only file is read without reading the rest. Lines end with the byte {@code '\n'};
 * a last line without it (a write cut short) is the {@linkplain #torn() torn tail}, apart
 * from the complete lines. Not thread-safe.
 */
public final class BackwardLines implements Closeable {
    private static final int CHUNK = 8192;

    /**
     * One complete line.
     *
     * @param offset the offset of its first byte in the file
     * @param bytes its bytes, without the newline
     */
    public record Line(long offset, byte[] bytes) {
    }

    private final FileChannel channel;
    private final boolean owned;
    private final Line torn;
    private long end;

    /** Reads the file at {@code file}. */
    public static BackwardLines open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new BackwardLines(channel, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads through an open channel, which {@link #close()} leaves open. */
    public static BackwardLines of(FileChannel channel) throws IOException {
        return new BackwardLines(channel, false);
    }

    private BackwardLines(FileChannel channel, boolean owned) throws IOException {
        this.channel = channel;
        this.owned = owned;
        long size = channel.size();
        if (size > 0 && byteAt(size - 1) != '\n') {
            long start = lineStart(size);
            torn = new Line(start, read(start, size));
            end = start;
        } else {
            torn = null;
            end = size;
        }
    }

    /** The last line when it has no newline (a write cut short), or null. */
    public Line torn() {
        return torn;
    }

    /** The complete line before those returned so far, or null at the start of the file. */
    public Line previous() throws IOException {
        if (end == 0) {
            return null;
        }
        long start = lineStart(end - 1);
        Line line = new Line(start, read(start, end - 1));
        end = start;
        return line;
    }

    /** The offset of the first byte of the line that ends before {@code limit}. */
    private long lineStart(long limit) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long p = limit;
        while (p > 0) {
            int n = (int) Math.min(CHUNK, p);
            buffer.clear().limit(n);
            readFully(buffer, p - n);
            for (int i = n - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return p - n + i + 1;
                }
            }
            p -= n;
        }
        return 0;
    }

    private byte byteAt(long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        readFully(one, position);
        return one.get(0);
    }

    private byte[] read(long from, long to) throws IOException {
        long length = to - from;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("a line of " + length + " bytes is too long to read");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        readFully(buffer, from);
        return buffer.array();
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, p);
            if (n < 0) {
                throw new IOException("the file ended while it was read (was it truncated meanwhile?)");
            }
            p += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            channel.close();
        }
    }
}
