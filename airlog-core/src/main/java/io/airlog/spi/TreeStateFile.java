package io.airlog.spi;

import io.airlog.merkle.TreeEdge;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The Merkle tree edge of a log whose events go somewhere airlog cannot read back, kept next to
 * its {@link ChainStateFile} so that a stream that signs checkpoints (the SLF4J stream)
 * continues the tree when the application restarts. The stream writes the edge with each event
 * before it emits the event, and the tree size the last checkpoint covers with each checkpoint.
 *
 * <p><b>Format.</b> Two copies (slots) of 4096 bytes, written in turn, each with a generation
 * number and a CRC-32, as in {@link ChainStateFile}: a write torn by a crash leaves the other
 * copy. A file neither of whose copies is valid is refused. One writer per file (a file lock).
 * Not safe for concurrent use: call it under the log's sequencer.
 */
public final class TreeStateFile implements AutoCloseable {
    private static final int SLOT = 4096;
    private static final String MAGIC = "airlog-tree-state 1";

    private final Path file;
    private final boolean fsync;
    private final FileChannel channel;
    private final FileLock lock;
    private final String logLine;
    private final boolean created;
    private long generation;
    private TreeEdge edge;
    private long signedSize;

    private TreeStateFile(Path file, boolean fsync, FileChannel channel, FileLock lock, String logLine,
                          Slot slot) {
        this.file = file;
        this.fsync = fsync;
        this.channel = channel;
        this.lock = lock;
        this.logLine = logLine;
        this.created = slot == null;
        this.generation = slot == null ? 0 : slot.generation;
        this.edge = slot == null ? TreeEdge.empty() : slot.edge;
        this.signedSize = slot == null ? 0 : slot.signedSize;
    }

    /** One valid copy. */
    private record Slot(long generation, String log, TreeEdge edge, long signedSize) {
    }

    /**
     * Opens (or creates, with its directories) the tree state file of log {@code logId} and
     * locks it.
     *
     * @throws UncheckedIOException if it cannot be read or written
     * @throws IllegalStateException if another stream holds it, it holds another log, or
     *         neither of its copies is readable
     */
    public static TreeStateFile open(Path file, String logId, boolean fsync) {
        String logLine = "log " + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(logId.getBytes(StandardCharsets.UTF_8));
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
                throw new IllegalStateException("tree state file " + file + " is in use by another audit stream");
            }
            Slot slot = read(file, channel);
            if (slot != null && !slot.log().equals(logLine)) {
                throw new IllegalStateException("tree state file " + file + " holds another log than '" + logId + "'");
            }
            return new TreeStateFile(file, fsync, channel, lock, logLine, slot);
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot open tree state file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    private static Slot read(Path file, FileChannel channel) throws IOException {
        if (channel.size() == 0) {
            return null;
        }
        Slot best = null;
        for (int i = 0; i < 2; i++) {
            ByteBuffer buffer = ByteBuffer.allocate(SLOT);
            channel.read(buffer, (long) i * SLOT);
            Slot slot = parse(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
            if (slot != null && (best == null || slot.generation() > best.generation())) {
                best = slot;
            }
        }
        if (best == null) {
            throw new IllegalStateException("tree state file " + file + " is damaged: neither of its two copies is"
                    + " readable. airlog does not repair it");
        }
        return best;
    }

    /** One copy, or null when it is empty, torn or damaged. */
    private static Slot parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 6 || !lines[0].equals(MAGIC)) {
            return null;
        }
        String body = String.join("\n", lines[0], lines[1], lines[2], lines[3], lines[4]) + "\n";
        if (!lines[5].equals("crc " + crc(body))) {
            return null;
        }
        try {
            return new Slot(Long.parseLong(value(lines[1], "generation")), lines[2],
                    TreeEdge.parse(lines[3]), Long.parseLong(value(lines[4], "signed")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String value(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalArgumentException("expected " + name);
        }
        return line.substring(name.length() + 1);
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Whether the file was created by {@link #open} (it held nothing). */
    public boolean created() {
        return created;
    }

    /** The tree as the file holds it. */
    public TreeEdge edge() {
        return edge;
    }

    /** The tree size the last checkpoint covers, as the file holds it. */
    public long signedSize() {
        return signedSize;
    }

    /**
     * Records the tree and the size signed.
     *
     * @throws IOException if it cannot be written
     */
    public void write(TreeEdge tree, long signed) throws IOException {
        long next = generation + 1;
        String body = MAGIC + "\n" + "generation " + next + "\n" + logLine + "\n" + tree.encode() + "\n" + "signed "
                + signed + "\n";
        byte[] text = (body + "crc " + crc(body) + "\n").getBytes(StandardCharsets.UTF_8);
        if (text.length >= SLOT) {
            throw new IOException("the tree state of " + tree.size() + " events does not fit in " + file);
        }
        ByteBuffer slot = ByteBuffer.allocate(text.length + 1).put(text).put((byte) '\n').flip();
        long offset = (next % 2) * SLOT;
        while (slot.hasRemaining()) {
            offset += channel.write(slot, offset);
        }
        if (fsync) {
            channel.force(false);
        }
        generation = next;
        edge = tree;
        signedSize = signed;
    }

    /**
     * Forces the file to the device and releases it. Idempotent.
     *
     * @throws UncheckedIOException if it cannot be forced
     */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close tree state file " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel releases it too
            }
            close(channel);
        }
    }
}
