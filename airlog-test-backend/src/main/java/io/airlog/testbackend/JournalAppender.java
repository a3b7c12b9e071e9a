package io.airlog.testbackend;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.encoding.EventJson;
import io.airlog.spi.batch.BatchAppender;
import io.airlog.spi.batch.BatchFailure;
import io.airlog.stream.JsonLinesReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends each batch to a JSON-lines file with one write (and, with {@code fsync}, one device
 * sync) per batch; a batch whose write fails is cut off again, so the file holds whole
 * batches only.
 */
final class JournalAppender implements BatchAppender {
    private final Path file;
    private final String logId;
    private final boolean fsync;
    private final FileChannel channel;
    private volatile ChainPosition head;

    JournalAppender(Path file, String logId, boolean fsync) {
        this.file = file;
        this.logId = logId;
        this.fsync = fsync;
        try {
            this.head = JsonLinesReader.lastPosition(file, logId);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The head after the last stored batch. */
    ChainPosition head() {
        return head;
    }

    @Override
    public List<AuditEvent> append(DraftSource source) throws BatchFailure {
        List<AuditEvent> events = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        ChainPosition position = head;
        for (AuditDraft draft : source.drafts()) {
            AuditEvent event = draft.seal(logId, position.nextSequence(), position.lastChecksum());
            events.add(event);
            lines.append(EventJson.toJson(event)).append('\n');
            position = event.position();
        }
        long before;
        try {
            before = channel.size();
        } catch (IOException e) {
            throw BatchFailure.rolledBack("cannot read the size of journal " + file + ": " + e.getMessage(), e);
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            long at = before;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            try {
                channel.truncate(before);
            } catch (IOException cut) {
                e.addSuppressed(cut);
                throw BatchFailure.inDoubt("journal " + file + " could not be written nor cut back: " + e.getMessage(), e);
            }
            throw BatchFailure.rolledBack("journal " + file + " could not be written: " + e.getMessage(), e);
        }
        head = position;
        return events;
    }

    @Override
    public long connectionsOpened() {
        return 0;
    }

    @Override
    public long foreignAppends() {
        return 0;
    }

    @Override
    public void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal " + file + ": " + e.getMessage(), e);
        }
    }
}
