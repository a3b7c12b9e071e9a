package io.airlog.spi;

import io.airlog.merkle.TreeEdge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

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
    private final SlotFile slots;
    private final String logLine;
    private final boolean created;
    private long generation;
    private TreeEdge edge;
    private long signedSize;

    private TreeStateFile(Path file, SlotFile slots, String logLine, Copy copy) {
        this.file = file;
        this.slots = slots;
        this.logLine = logLine;
        this.created = copy == null;
        this.generation = copy == null ? 0 : copy.generation;
        this.edge = copy == null ? TreeEdge.empty() : copy.edge;
        this.signedSize = copy == null ? 0 : copy.signedSize;
    }

    /** One valid copy. */
    private record Copy(long generation, String log, TreeEdge edge, long signedSize) {
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
        SlotFile slots = SlotFile.open(file, SLOT, fsync, "tree state file");
        try {
            Copy copy = slots.newest(TreeStateFile::parse, Copy::generation, "tree state file " + file
                    + " is damaged: neither of its two copies is readable. airlog does not repair it");
            if (copy != null && !copy.log().equals(logLine)) {
                throw new IllegalStateException("tree state file " + file + " holds another log than '" + logId + "'");
            }
            return new TreeStateFile(file, slots, logLine, copy);
        } catch (IOException e) {
            slots.close();
            throw new UncheckedIOException("cannot open tree state file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            slots.close();
            throw e;
        }
    }

    /** One checked copy, or null when it is not a tree state. */
    private static Copy parse(String[] lines) {
        if (lines.length != 5 || !lines[0].equals(MAGIC)) {
            return null;
        }
        try {
            return new Copy(Long.parseLong(value(lines[1], "generation")), lines[2], TreeEdge.parse(lines[3]),
                    Long.parseLong(value(lines[4], "signed")));
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
     * Records the tree and the size signed (written before the event it adds is emitted).
     *
     * @throws IOException if it cannot be written
     */
    public void write(TreeEdge tree, long signed) throws IOException {
        long next = generation + 1;
        slots.write(next, MAGIC + "\n" + "generation " + next + "\n" + logLine + "\n" + tree.encode() + "\n"
                + "signed " + signed + "\n");
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
        if (!slots.isOpen()) {
            return;
        }
        try {
            slots.force();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close tree state file " + file + ": " + e.getMessage(), e);
        } finally {
            slots.close();
        }
    }
}
