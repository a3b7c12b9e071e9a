package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.ConsistencyBundle;
import io.airlog.checkpoint.InclusionBundle;
import io.airlog.checkpoint.RejectedCheckpointException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.encoding.EventJson;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeHasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlog check-proof}: checks an inclusion or a consistency proof offline. */
@Command(name = "check-proof", sortOptions = false,
        description = {"Check a proof offline, with the trusted verifier keys only: an inclusion proof"
                + " (`airlog prove`, a C2SP tlog-proof) or a consistency proof (`airlog consistency`).",
            "An inclusion proof is checked for the event it carries, or for --event-file or --checksum; a consistency"
                + " proof against the older checkpoint given with --old-checkpoint.",
            "Exit 0 valid, 1 not valid, 2 usage or I/O error."})
public final class CheckProofCommand extends AirlogCommand {
    @Parameters(index = "0", paramLabel = "PROOF_FILE", description = "The proof.")
    Path proofFile;

    @Mixin
    KeyOptions keys;

    @Option(names = "--log", paramLabel = "LOG_ID", description = "The log, for its default origin when the proof"
            + " carries no event.")
    String log;

    @Option(names = "--event-file", paramLabel = "FILE", description = "The event (its JSON line) to check the"
            + " inclusion proof for.")
    Path eventFile;

    @Option(names = "--checksum", paramLabel = "HEX", description = "The event checksum to check the inclusion proof"
            + " for.")
    String checksum;

    @Option(names = "--old-checkpoint", paramLabel = "NOTE_FILE", description = "The older signed checkpoint a"
            + " consistency proof starts from.")
    Path oldCheckpoint;

    @Override
    public Integer call() {
        TrustedKeys trusted = keys.keys(true);
        String text = read(proofFile, "the proof file");
        if (text.startsWith(InclusionBundle.HEADER)) {
            return inclusion(text, trusted);
        }
        if (text.startsWith("old ")) {
            return consistency(text, trusted);
        }
        throw CliException.error(proofFile + " is not a proof: it starts with neither '" + InclusionBundle.HEADER
                + "' nor 'old <size>'");
    }

    private int inclusion(String text, TrustedKeys trusted) {
        InclusionBundle bundle = valid(() -> InclusionBundle.parse(text), "not a valid tlog-proof");
        AuditEvent event = event(bundle);
        Digest leaf;
        if (event != null) {
            if (!event.verify()) {
                throw CliException.damaged("the event " + event.eventId() + " does not match its checksum: it was"
                        + " changed");
            }
            if (event.sequence() - 1 != bundle.index()) {
                throw CliException.damaged("the proof is for leaf index " + bundle.index() + " (sequence "
                        + (bundle.index() + 1) + "), the event has sequence " + event.sequence());
            }
            leaf = Digest.fromHex(event.checksum());
        } else if (checksum != null) {
            try {
                leaf = Digest.fromHex(checksum);
            } catch (IllegalArgumentException e) {
                throw CliException.error("--checksum: " + e.getMessage());
            }
        } else {
            throw CliException.error("the proof carries no event: give the event with --event-file or its checksum with"
                    + " --checksum");
        }
        String origin = origin(event == null ? null : event.logId());
        SignedCheckpoint signed = valid(() -> bundle.verify(leaf, trusted, origin), "not valid");
        String what = event == null ? "the leaf " + leaf.hex() : "event " + event.eventId() + " (sequence "
                + event.sequence() + ", " + event.action() + ")";
        result("valid: " + what + " is leaf " + bundle.index() + " of " + signed + ", root "
                + signed.checkpoint().root().base64(), g -> {
                    g.writeBooleanField("valid", true);
                    g.writeStringField("kind", "inclusion");
                    g.writeNumberField("index", bundle.index());
                    g.writeStringField("leaf", leaf.hex());
                    if (event != null) {
                        g.writeStringField("eventId", event.eventId().toString());
                        g.writeStringField("log", event.logId());
                        g.writeNumberField("sequence", event.sequence());
                    }
                    checkpoint(g, "checkpoint", signed);
                });
        return Exit.OK;
    }

    /** The event to check: the one given, else the one the proof carries, else null. */
    private AuditEvent event(InclusionBundle bundle) {
        if (eventFile != null && checksum != null) {
            throw CliException.error("give the event with --event-file or --checksum, not both");
        }
        if (eventFile != null) {
            String line = read(eventFile, "the event file").lines().findFirst().orElse("");
            try {
                return EventJson.fromJson(line);
            } catch (IllegalArgumentException e) {
                throw CliException.error(eventFile + " does not hold an event: " + e.getMessage());
            }
        }
        if (checksum != null || bundle.extra() == null) {
            return null;
        }
        return valid(() -> EventJson.fromJson(new String(Base64.getDecoder().decode(bundle.extra()),
                StandardCharsets.UTF_8)), "the event the proof carries cannot be read");
    }

    private int consistency(String text, TrustedKeys trusted) {
        ConsistencyBundle bundle = valid(() -> ConsistencyBundle.parse(text), "not a valid consistency proof");
        String origin;
        Digest oldRoot;
        if (oldCheckpoint != null) {
            String note = read(oldCheckpoint, "the old checkpoint file");
            origin = keys.origin != null || log != null ? origin(null) : valid(() -> Checkpoint.parse(
                    SignedNote.parse(note).text()).origin(), "the old checkpoint cannot be read");
            SignedCheckpoint old = valid(() -> trusted.open(note, origin), "the old checkpoint is not accepted");
            if (old.size() != bundle.oldSize()) {
                throw CliException.damaged("the proof starts at tree size " + bundle.oldSize() + ", the old checkpoint"
                        + " is of size " + old.size());
            }
            oldRoot = old.checkpoint().root();
        } else if (bundle.oldSize() == 0) {
            origin = origin(null);
            oldRoot = TreeHasher.EMPTY_ROOT;
        } else {
            throw CliException.error("give the older signed checkpoint the proof starts from with --old-checkpoint");
        }
        SignedCheckpoint signed = valid(() -> bundle.verify(oldRoot, trusted, origin), "not valid");
        result("valid: " + signed + " extends the tree of size " + bundle.oldSize() + " with root " + oldRoot.base64(),
                g -> {
                    g.writeBooleanField("valid", true);
                    g.writeStringField("kind", "consistency");
                    g.writeNumberField("oldSize", bundle.oldSize());
                    g.writeStringField("oldRoot", oldRoot.base64());
                    checkpoint(g, "checkpoint", signed);
                });
        return Exit.OK;
    }

    /** The expected origin: --origin, else the default of --log, else of the event's log. */
    private String origin(String eventLog) {
        if (keys.origin != null) {
            return keys.origin;
        }
        String logId = log != null ? log : eventLog;
        if (logId == null) {
            throw CliException.error("name the log with --log or its origin with --origin");
        }
        return Checkpoint.defaultOrigin(logId);
    }

    /** The value, or exit 1 naming what is not valid. */
    private static <T> T valid(Supplier<T> step, String what) {
        try {
            return step.get();
        } catch (RejectedCheckpointException e) {
            throw CliException.damaged(what + ": the checkpoint is not accepted (" + e.reason() + "): " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.damaged(what + ": " + e.getMessage());
        }
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.error("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
