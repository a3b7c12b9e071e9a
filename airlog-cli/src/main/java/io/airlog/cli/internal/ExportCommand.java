package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.ocsf.OcsfJsonLinesWriter;
import io.airlog.ocsf.OcsfMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlog export}: a range of events as an export bundle, or as OCSF JSON lines. */
@Command(name = "export", sortOptions = false,
        description = {"Export a range of events. As an export bundle (the default, --format airlog): the events"
                + " as JSON lines with the start of the tree before them and the proof that leads them to a signed"
                + " checkpoint, so that `airlog verify` checks the bundle without the store.",
            "As OCSF 1.9.0 JSON lines for a SIEM (--format ocsf): one OCSF event per event, each checked against the"
                + " schema shipped in airlog-ocsf.",
            "Exit 0 exported, 1 the store is damaged or does not match the checkpoint, 2 usage, I/O or connection"
                + " error."})
public final class ExportCommand extends AirlogCommand {
    @Mixin
    StoreOptions store;

    @Option(names = "--from", paramLabel = "SEQUENCE", defaultValue = "1", description = "The first sequence"
            + " (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--to", paramLabel = "SEQUENCE", description = "The last sequence (default: the checkpoint's"
            + " size for a bundle, the last stored event for OCSF).")
    Long to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "airlog",
            description = "airlog (an export bundle, the default) or ocsf.")
    Format format;

    @Mixin
    KeyOptions keys;

    @Mixin
    AnchorOptions anchor;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this new file (default:"
            + " standard output).")
    Path output;

    /** The output formats. */
    enum Format {
        /** An export bundle. */
        airlog,
        /** OCSF JSON lines. */
        ocsf
    }

    @Override
    public Integer call() throws IOException {
        if (json && output == null) {
            throw CliException.error("--json prints a summary on standard output: give the export a file with"
                    + " --output");
        }
        try (LogStore s = store.open()) {
            SignedCheckpoint checkpoint = null;
            TrustedKeys trusted = null;
            String origin = keys.origin(s.logId());
            long last;
            if (format == Format.airlog) {
                trusted = keys.keys(true);
                checkpoint = anchor.choose(s, trusted, origin);
                last = to != null ? to : checkpoint.size();
                if (last > checkpoint.size()) {
                    throw CliException.error("sequences after " + checkpoint.size() + " are not signed by " + checkpoint
                            + ": export up to " + checkpoint.size());
                }
            } else {
                last = to != null ? to : s.lastSequence();
            }
            if (from < 1 || from > last) {
                throw CliException.error("no events to export from sequence " + from + " to " + last);
            }
            SignedCheckpoint signed = checkpoint;
            TrustedKeys k = trusted;
            long written = write(out -> format == Format.airlog
                    ? ExportBundle.write(s, from, last, signed, k, origin, out)
                    : ocsf(s, last, out));
            String what = "exported sequences " + from + ".." + last + " of log '" + s.logId() + "' (" + written
                    + " events" + (signed == null ? ", OCSF" : ", with the proof to " + signed) + ")";
            if (json) {
                result(null, g -> {
                    g.writeStringField("log", s.logId());
                    g.writeStringField("format", format.name());
                    g.writeNumberField("first", from);
                    g.writeNumberField("last", last);
                    g.writeNumberField("events", written);
                    g.writeStringField("output", output.toString());
                    if (signed != null) {
                        checkpoint(g, "checkpoint", signed);
                    }
                });
            } else {
                err().println(what + (output == null ? "" : " to " + output));
                err().flush();
            }
            return Exit.OK;
        }
    }

    private long ocsf(LogStore s, long last, Writer out) {
        String before = from == 1 ? ChainPosition.GENESIS : s.eventAt(from - 1).map(AuditEvent::checksum)
                .orElseThrow(() -> new AuditIntegrityException(s.logId(), from - 1, "missing: the event before the"
                        + " range is not stored"));
        try (OcsfJsonLinesWriter writer = OcsfJsonLinesWriter.toWriter(out, OcsfMapper.defaults(), true, false);
             Stream<AuditEvent> events = s.range(from, last, before)) {
            return writer.writeAll(events);
        }
    }

    /** Writes the export. */
    private interface Export {
        long write(Writer out) throws IOException;
    }

    /**
     * Runs the export into a new file (written aside and moved into place once complete,
     * removed on failure) or standard output.
     */
    private long write(Export export) throws IOException {
        if (output == null) {
            return export.write(out());
        }
        if (Files.exists(output)) {
            throw CliException.error(output + " exists already; it is never overwritten");
        }
        Path dir = output.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(dir, "." + output.getFileName(), ".partial");
        try {
            long written;
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                written = export.write(w);
            }
            Files.move(partial, output);
            return written;
        } catch (FileAlreadyExistsException e) {
            throw CliException.error(output + " exists already; it is never overwritten");
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
