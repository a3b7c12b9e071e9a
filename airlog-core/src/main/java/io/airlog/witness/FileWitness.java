package io.airlog.witness;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.internal.BackwardLines;
import io.airlog.internal.JsonLine;
import io.airlog.internal.PercentEncoding;
import io.airlog.spi.CheckpointWitness;
import io.airlog.spi.WitnessSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default witness: an append-only file per log. Its first line is a header,
 * {@code {"format":"airlog-witness/1","origin":"<origin>"}}; every further line is one
 * record, {@code {"note":"<signed checkpoint note>"}}, ended by a newline and forced to the
 * device ({@code fdatasync}) before {@link #publish} returns. Sizes only grow: a checkpoint no
 * newer than the last record is not written, and one of the same size but another root is
 * refused (a fork). Format and reasoning: {@code docs/checkpoints.md}.
 *
 * <p><b>Creating and reading.</b> A writer calls {@link #create} when it starts, before its
 * first commit, so that the file exists (with its header, directory synced) from then on: a
 * check then tells a file that was removed ({@link WitnessSnapshot#exists()} false) from one
 * that has no record yet (a crash between the first commit and the first publish). A check
 * calls {@link #open}, which never creates anything. {@link #publish} never re-creates a
 * removed file.
 *
 * <p><b>Crashes.</b> A crash while a record is appended leaves a last line without its newline.
 * It was never acknowledged: {@link #read} ignores it with a notice, and the next publish cuts
 * it off under the lock before appending. A complete line that is not a record, or a record
 * whose note is altered, is damage that the check reports; nothing here repairs it.
 *
 * <p><b>Concurrency.</b> Several threads and several JVMs may publish to one file: each append
 * runs under an in-JVM lock per file and an exclusive {@link FileLock} (an OS lock between
 * processes), reading the last record and appending in one critical section.
 */
public final class FileWitness implements CheckpointWitness {
    /** The header's format value. */
    public static final String FORMAT = "airlog-witness/1";
    /** The file name suffix of {@link #fileFor}. */
    public static final String SUFFIX = ".witness";

    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final String origin;

    private FileWitness(Path file, String origin) {
        this.file = file.toAbsolutePath().normalize();
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * The witness file of a log in {@code directory}: the log id with every byte other than
     * {@code A-Z a-z 0-9 - . _ ~} written {@code %XX}, then {@value #SUFFIX}.
     */
    public static Path fileFor(Path directory, String logId) {
        return directory.resolve(PercentEncoding.encode(logId) + SUFFIX);
    }

    /**
     * The witness file of a writer: created with its header (and its directory) if absent,
     * and checked to belong to {@code origin} if present.
     *
     * @throws IOException if it cannot be created, or holds another log
     */
    public static FileWitness create(Path file, String origin) throws IOException {
        FileWitness witness = new FileWitness(file, origin);
        witness.locked(channel -> {
            if (channel.size() == 0) {
                witness.writeHeader(channel);
            } else {
                witness.checkHeader(channel);
            }
            return null;
        }, true);
        return witness;
    }

    /** The witness file of a check: nothing is created. */
    public static FileWitness open(Path file, String origin) {
        return new FileWitness(file, origin);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public boolean publish(Checkpoint checkpoint, SignedNote note) throws IOException {
        if (!checkpoint.origin().equals(origin)) {
            throw new IllegalArgumentException("witness file " + file + " keeps log '" + origin + "', not '"
                    + checkpoint.origin() + "'");
        }
        return locked(channel -> {
            BackwardLines lines = BackwardLines.of(channel);
            if (lines.torn() != null) {
                channel.truncate(lines.torn().offset());
                channel.force(false);
                lines = BackwardLines.of(channel);
            }
            BackwardLines.Line last = lines.previous();
            if (last == null) {
                writeHeader(channel);
            } else if (last.offset() == 0) {
                checkHeader(channel);
            } else if (!isNewer(checkpoint, last)) {
                return false;
            }
            append(channel, JsonLine.write("note", note.format()));
            return true;
        }, false);
    }

    /**
     * Whether {@code checkpoint} is newer than the record on {@code last}; an unreadable
     * record does not stop publishing (the check reports it).
     *
     * @throws IOException if the record has the same size and another root: a fork
     */
    private boolean isNewer(Checkpoint checkpoint, BackwardLines.Line last) throws IOException {
        Checkpoint stored;
        try {
            String text = JsonLine.read("witness record", utf8(last.bytes())).get("note");
            if (text == null) {
                return true;
            }
            stored = Checkpoint.parse(SignedNote.parse(text).text());
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (stored.size() == checkpoint.size() && !stored.root().equals(checkpoint.root())) {
            throw new IOException("witness file " + file + " holds another root for tree size " + checkpoint.size()
                    + ": the log forked; refusing to record it");
        }
        return checkpoint.size() > stored.size();
    }

    @Override
    public WitnessSnapshot read() throws IOException {
        if (!Files.exists(file)) {
            return WitnessSnapshot.missing(location());
        }
        List<WitnessSnapshot.Record> records = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        try (BackwardLines lines = BackwardLines.open(file)) {
            if (lines.torn() != null) {
                notices.add("the last record of " + file + " (at byte " + lines.torn().offset() + ") is incomplete,"
                        + " a crash while it was written; it is ignored");
            }
            BackwardLines.Line line;
            while (records.size() < WitnessSnapshot.NEWEST && (line = lines.previous()) != null) {
                if (line.offset() == 0) {
                    String problem = headerProblem(line.bytes());
                    if (problem != null) {
                        records.add(new WitnessSnapshot.Record("line 1", null, problem));
                    }
                    break;
                }
                records.add(record(line));
            }
        } catch (NoSuchFileException e) {
            return WitnessSnapshot.missing(location());
        }
        return new WitnessSnapshot(location(), true, records, notices);
    }

    private static WitnessSnapshot.Record record(BackwardLines.Line line) {
        String where = "the record at byte " + line.offset();
        try {
            Map<String, String> members = JsonLine.read(where, utf8(line.bytes()));
            if (members.size() != 1 || !members.containsKey("note")) {
                return new WitnessSnapshot.Record(where, null, "a record has exactly one member, \"note\"; this one has "
                        + members.keySet());
            }
            return new WitnessSnapshot.Record(where, members.get("note"), null);
        } catch (IllegalArgumentException e) {
            return new WitnessSnapshot.Record(where, null, e.getMessage());
        }
    }

    private String headerProblem(byte[] bytes) {
        try {
            Map<String, String> header = JsonLine.read("the header", utf8(bytes));
            if (!FORMAT.equals(header.get("format"))) {
                return "the file does not start with the header of a witness file (format " + FORMAT + ")";
            }
            if (!origin.equals(header.get("origin"))) {
                return "the file is the witness of log '" + header.get("origin") + "', not '" + origin + "'";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "the first line is not a witness file header: " + e.getMessage();
        }
    }

    private void checkHeader(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
        channel.read(buffer, 0);
        String start = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int newline = start.indexOf('\n');
        String problem = headerProblem((newline < 0 ? start : start.substring(0, newline)).getBytes(StandardCharsets.UTF_8));
        if (problem != null) {
            throw new IOException("witness file " + file + ": " + problem);
        }
    }

    private void writeHeader(FileChannel channel) throws IOException {
        append(channel, JsonLine.write("format", FORMAT, "origin", origin));
    }

    private static void append(FileChannel channel, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        long position = channel.size();
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        channel.force(false);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A step under both locks. */
    private interface Step<T> {
        T run(FileChannel channel) throws IOException;
    }

    private <T> T locked(Step<T> step, boolean create) throws IOException {
        ReentrantLock lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try {
            boolean created = false;
            if (create && !Files.exists(file)) {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                try {
                    Files.createFile(file);
                    created = true;
                } catch (FileAlreadyExistsException e) {
                    // another JVM made it meanwhile: its header is checked below
                }
            }
            T result;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                result = step.run(channel);
            } catch (NoSuchFileException e) {
                throw new IOException("witness file " + file + " is gone: it was removed, and is not re-created"
                        + " while the log is written (restart the writer after looking into it)", e);
            }
            if (created) {
                syncDirectory(file.getParent());
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private static void syncDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot open or sync a directory; the file itself was synced.
        }
    }

    @Override
    public String toString() {
        return "FileWitness[" + file + "]";
    }
}
