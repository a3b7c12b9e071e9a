package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.checkpoint.RejectedCheckpointException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.LeafSource;
import io.airlog.spi.VerifiedReplay;
import io.airlog.stream.JsonLinesReader;
import io.airlog.stream.JsonLinesVerifier;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.LogSource;
import io.airlog.verify.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A JSON-lines audit file as a store: events and checkpoint lines, read line by line. */
final class FileStore implements LogStore {
    private final Path file;
    private final String logId;
    private FileLeaves leaves;

    /**
     * @param file the file
     * @param logId the log it must hold, or null to take the log of its first event
     * @throws CliException if the file does not exist or holds no event to name its log
     */
    FileStore(Path file, String logId) {
        if (!Files.isRegularFile(file)) {
            throw CliException.error("no such file: " + file);
        }
        this.file = file;
        this.logId = logId != null ? logId : firstLogId(file);
    }

    private static String firstLogId(Path file) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            return lines.filter(JsonLinesReader.Line::isEvent).findFirst().map(l -> l.event().logId())
                    .orElseThrow(() -> CliException.error(file + " holds no readable event to take the log id from:"
                            + " name the log with --log"));
        }
    }

    @Override
    public String logId() {
        return logId;
    }

    @Override
    public String label() {
        return file.toString();
    }

    @Override
    public boolean isDatabase() {
        return false;
    }

    @Override
    public LeafSource leaves() {
        if (leaves == null) {
            leaves = new FileLeaves(file, logId);
        }
        return leaves;
    }

    @Override
    public long lastSequence() {
        try {
            return JsonLinesReader.lastPosition(file, logId).size();
        } catch (IOException e) {
            throw CliException.error("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new AuditIntegrityException(logId, 0, e.getMessage());
        }
    }

    @Override
    public Optional<AuditEvent> event(UUID eventId) {
        return firstEvent(e -> e.eventId().equals(eventId));
    }

    @Override
    public Optional<AuditEvent> eventAt(long sequence) {
        return firstEvent(e -> e.sequence() == sequence && e.logId().equals(logId));
    }

    private Optional<AuditEvent> firstEvent(Predicate<AuditEvent> wanted) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            return lines.filter(JsonLinesReader.Line::isEvent).map(JsonLinesReader.Line::event).filter(wanted)
                    .findFirst();
        }
    }

    @Override
    public Stream<AuditEvent> range(long first, long last, String previousChecksum) {
        Stream<AuditEvent> events = JsonLinesReader.lines(file).filter(l -> !l.isCheckpoint()).map(l -> {
            if (!l.isEvent()) {
                throw new AuditIntegrityException(logId, 0, "line " + l.number() + " is not an event: " + l.problem());
            }
            return l.event();
        }).dropWhile(e -> e.sequence() < first).takeWhile(e -> e.sequence() <= last);
        return Ranges.linked(logId, first, previousChecksum, VerifiedReplay.of(logId, first, last, events));
    }

    @Override
    public LogSource source() {
        return JsonLinesReader.source(file);
    }

    @Override
    public Optional<SignedCheckpoint> newestCheckpoint(TrustedKeys keys, String origin) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            SignedCheckpoint newest = null;
            for (Iterator<JsonLinesReader.Line> it = lines.filter(JsonLinesReader.Line::isCheckpoint).iterator();
                 it.hasNext(); ) {
                try {
                    SignedCheckpoint c = keys.open(it.next().checkpoint().note(), origin);
                    if (newest == null || c.size() > newest.size()) {
                        newest = c;
                    }
                } catch (RejectedCheckpointException e) {
                    // not trusted: `airlog verify` reports it
                }
            }
            return Optional.ofNullable(newest);
        }
    }

    @Override
    public String noCheckpointReason() {
        return file + " holds no checkpoint line of " + logId + " that a trusted key signed";
    }

    @Override
    public VerificationReport verify(Checks checks) {
        if (checks.incremental()) {
            throw CliException.error("--incremental is for databases; a file is always verified whole");
        }
        CheckpointVerifier.Builder builder = CheckpointVerifier.builder(logId).origin(checks.origin())
                .trustedKeys(checks.keys()).requireSigned(checks.requireSigned());
        if (checks.witness() != null) {
            builder.witness(checks.witness());
        }
        return JsonLinesVerifier.verify(file, builder);
    }

    @Override
    public void close() {
        if (leaves != null) {
            leaves.close();
        }
    }
}
