package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.merkle.Digest;
import io.airlog.merkle.LeafSource;
import io.airlog.stream.JsonLinesReader;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The leaves of a JSON-lines file: the stored checksums of its event lines, which must hold
 * sequences 1, 2, 3, ... of one log in order (checkpoint lines are passed over). Reads the file
 * once, from the start, for ranges asked in increasing order (as {@link io.airlog.merkle.Proofs}
 * asks them); a range before the last one read starts the file again.
 */
final class FileLeaves implements LeafSource, AutoCloseable {
    private final Path file;
    private final String logId;
    private Stream<JsonLinesReader.Line> lines;
    private Iterator<JsonLinesReader.Line> it;
    private long next;

    FileLeaves(Path file, String logId) {
        this.file = file;
        this.logId = logId;
    }

    @Override
    public void read(long from, long to, Consumer<Digest> sink) {
        if (it == null || from < next) {
            close();
            lines = JsonLinesReader.lines(file);
            it = lines.iterator();
            next = 0;
        }
        while (next < to) {
            Digest leaf = nextLeaf();
            if (next >= from) {
                sink.accept(leaf);
            }
            next++;
        }
    }

    private Digest nextLeaf() {
        long sequence = next + 1;
        while (it.hasNext()) {
            JsonLinesReader.Line line = it.next();
            if (line.isCheckpoint()) {
                continue;
            }
            if (!line.isEvent()) {
                throw damaged(sequence, "line " + line.number() + " is not an event: " + line.problem());
            }
            AuditEvent e = line.event();
            if (!e.logId().equals(logId) || e.sequence() != sequence) {
                throw damaged(sequence, "line " + line.number() + " holds sequence " + e.sequence() + " of log '"
                        + e.logId() + "'");
            }
            try {
                return Digest.fromHex(e.checksum());
            } catch (IllegalArgumentException x) {
                throw damaged(sequence, "line " + line.number() + " has no readable checksum: " + x.getMessage());
            }
        }
        throw damaged(sequence, file + " holds only " + next + " events");
    }

    private AuditIntegrityException damaged(long sequence, String detail) {
        return new AuditIntegrityException(logId, sequence, detail + "; run `airlog verify` on " + file);
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
            lines = null;
            it = null;
        }
    }
}
