package io.airlog.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.zip.CRC32;

/**
 * A small state file of one writer, kept as two copies (slots) of a fixed size written in turn:
 * each copy is text lines ended by {@code crc <CRC-32 of the lines before>}, so that a write
 * torn by a crash leaves the other copy intact. The base of {@link ChainStateFile} and
 * {@link TreeStateFile}, which choose what the lines hold and which copy is newer. Locked
 * against other writers, also in other processes. Not safe for concurrent use.
 */
final class SlotFile implements AutoCloseable {
    private final Path file;
    private final int slotSize;
    private final boolean fsync;
    private final FileChannel channel;
    private final FileLock lock;

    private SlotFile(Path file, int slotSize, boolean fsync, FileChannel channel, FileLock lock) {
        this.file = file;
        this.slotSize = slotSize;
        this.fsync = fsync;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Opens (or creates, with its directories) and locks a file.
     *
     * @param what what the file is, for messages ({@code "chain state file"})
     * @throws UncheckedIOException if it cannot be opened
     * @throws IllegalStateException if another writer holds it
     */
    static SlotFile open(Path file, int slotSize, boolean fsync, String what) {
        FileChannel channel = null;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException(what + " " + file + " is in use by another audit stream"
                        + " (in this or another process); a log has one writer");
            }
            return new SlotFile(file, slotSize, fsync, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open " + what + " " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    /**
     * The newest copy: of the copies whose check sum holds and that {@code parse} reads (null:
     * not a valid copy), the one of the highest generation.
     *
     * @param damaged the message when the file holds something but no valid copy
     * @return the newest copy, or null when the file is empty (just created)
     * @throws IllegalStateException with {@code damaged} when no copy is valid
     */
    <T> T newest(Function<String[], T> parse, ToLongFunction<T> generation, String damaged) throws IOException {
        if (channel.size() == 0) {
            return null;
        }
        T best = null;
        for (String[] lines : copies()) {
            T copy = lines == null ? null : parse.apply(lines);
            if (copy != null && (best == null || generation.applyAsLong(copy) > generation.applyAsLong(best))) {
                best = copy;
            }
        }
        if (best == null) {
            throw new IllegalStateException(damaged);
        }
        return best;
    }

    /**
     * The lines of each copy whose check sum holds, without the {@code crc} line; null for a
     * copy that is empty, torn or damaged.
     */
    private List<String[]> copies() throws IOException {
        String[][] copies = new String[2][];
        for (int slot = 0; slot < 2; slot++) {
            ByteBuffer buffer = ByteBuffer.allocate(slotSize);
            int read = 0;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, (long) slot * slotSize + read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            copies[slot] = checked(new String(buffer.array(), 0, read, StandardCharsets.UTF_8));
        }
        return Arrays.asList(copies);
    }

    private static String[] checked(String text) {
        String[] lines = text.split("\n");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("crc ")) {
                return i > 0 && lines[i].equals("crc " + crc(body.toString())) ? Arrays.copyOf(lines, i) : null;
            }
            body.append(lines[i]).append('\n');
        }
        return null;
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /**
     * Writes {@code body} (lines, each ended by a newline) and its check sum to copy
     * {@code generation % 2}, the rest of the copy filled with newlines; forced to the device
     * when the file was opened with {@code fsync}.
     *
     * @throws IOException if it cannot be written, or does not fit in a copy
     */
    void write(long generation, String body) throws IOException {
        byte[] text = (body + "crc " + crc(body) + "\n").getBytes(StandardCharsets.UTF_8);
        if (text.length > slotSize) {
            throw new IOException("the state does not fit in " + file + " (" + text.length + " bytes, at most "
                    + slotSize + ")");
        }
        ByteBuffer slot = ByteBuffer.allocate(slotSize);
        slot.put(text);
        while (slot.hasRemaining()) {
            slot.put((byte) '\n');
        }
        slot.flip();
        long offset = (generation % 2) * slotSize;
        while (slot.hasRemaining()) {
            offset += channel.write(slot, offset);
        }
        if (fsync) {
            channel.force(false);
        }
    }

    /** Forces what was written to the device. */
    void force() throws IOException {
        channel.force(false);
    }

    /** Whether the file is open (not {@linkplain #close() closed}). */
    boolean isOpen() {
        return channel.isOpen();
    }

    /** Releases the lock and closes the file. Idempotent. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
