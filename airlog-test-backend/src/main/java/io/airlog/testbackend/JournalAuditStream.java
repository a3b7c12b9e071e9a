package io.airlog.testbackend;

import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.spi.VerifiedReplay;
import io.airlog.spi.batch.GroupCommitAuditStream;
import io.airlog.spi.batch.WriterConfig;
import io.airlog.stream.JsonLinesReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A log in a JSON-lines file written by core's group-commit writer: batches of events, one
 * write per batch; readable (query and verified replay read the file).
 */
public final class JournalAuditStream extends GroupCommitAuditStream implements AuditLogReader {
    private final Path file;
    private final JournalAppender appender;

    private JournalAuditStream(String name, String logId, Path file, JournalAppender appender, WriterConfig writer) {
        super(name, logId, appender, writer.settings());
        this.file = file;
        this.appender = appender;
    }

    /**
     * Opens (or continues) the journal in {@code file}.
     *
     * @param name the stream's name
     * @param logId the log
     * @param file the journal
     * @param fsync whether each batch is forced to the device
     * @param writer the writer's settings
     * @return the stream
     */
    public static JournalAuditStream open(String name, String logId, Path file, boolean fsync, WriterConfig writer) {
        return new JournalAuditStream(name, logId, file, new JournalAppender(file, logId, fsync), writer);
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = super.capabilities();
        capabilities.add(Capability.QUERY);
        capabilities.add(Capability.DURABLE);
        return capabilities;
    }

    @Override
    public ChainPosition head() {
        return appender.head();
    }

    @Override
    public List<AuditEvent> find(AuditQuery query) {
        List<AuditEvent> page = new ArrayList<>();
        long skip = query.offset();
        try (Stream<AuditEvent> events = events()) {
            for (AuditEvent e : (Iterable<AuditEvent>) events::iterator) {
                boolean from = query.fromSequence() == null || e.sequence() >= query.fromSequence();
                if (from && query.matches(e) && skip-- <= 0) {
                    page.add(e);
                    if (page.size() == query.limit()) {
                        break;
                    }
                }
            }
        }
        return page;
    }

    @Override
    public Stream<AuditEvent> replay(long fromSequence, long toSequence) {
        long last = Math.min(toSequence, head().size());
        return VerifiedReplay.of(logId(), fromSequence, last,
                events().filter(e -> e.sequence() >= fromSequence && e.sequence() <= last));
    }

    private Stream<AuditEvent> events() {
        return JsonLinesReader.lines(file).map(line -> {
            if (!line.isEvent()) {
                throw new io.airlog.AuditIntegrityException(logId(), line.number(), "journal " + file + " line "
                        + line.number() + ": " + line.problem());
            }
            return line.event();
        });
    }
}
