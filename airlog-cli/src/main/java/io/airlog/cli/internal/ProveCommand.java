package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.InclusionBundle;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.encoding.EventJson;
import io.airlog.merkle.Digest;
import io.airlog.merkle.InclusionProof;
import io.airlog.merkle.Proofs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlog prove}: the inclusion proof of one event, as a C2SP tlog-proof. */
@Command(name = "prove", sortOptions = false,
        description = {"Print the proof that an event is in the log: a C2SP tlog-proof (leaf index, inclusion path,"
                + " signed checkpoint) carrying the event, which `airlog check-proof` checks offline.",
            "The checkpoint is the store's newest one a trusted key signed, or the one named by --checkpoint or"
                + " --witness. The proof is checked before it is printed.",
            "Exit 0 printed, 1 the store does not match the checkpoint or the event is damaged, 2 usage, I/O or"
                + " connection error."})
public final class ProveCommand extends AirlogCommand {
    @Mixin
    StoreOptions store;

    @ArgGroup(multiplicity = "1")
    Which which;

    @Mixin
    KeyOptions keys;

    @Mixin
    AnchorOptions anchor;

    @Option(names = "--no-event", description = "Leave the event out of the proof (its checksum is then needed to"
            + " check it).")
    boolean noEvent;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the proof to this new file.")
    Path output;

    /** Which event. */
    static final class Which {
        @Option(names = "--event", paramLabel = "EVENT_ID", required = true, description = "The event's id.")
        UUID eventId;

        @Option(names = "--seq", paramLabel = "SEQUENCE", required = true, description = "The event's sequence.")
        Long sequence;
    }

    @Override
    public Integer call() {
        try (LogStore s = store.open()) {
            TrustedKeys trusted = keys.keys(true);
            String origin = keys.origin(s.logId());
            AuditEvent event = (which.eventId != null ? s.event(which.eventId) : s.eventAt(which.sequence))
                    .orElseThrow(() -> CliException.error("log '" + s.logId() + "' in " + s.label() + " holds no event "
                            + (which.eventId != null ? "with id " + which.eventId : "with sequence " + which.sequence)));
            if (!event.verify()) {
                throw CliException.damaged("the stored event " + event.eventId() + " (sequence " + event.sequence()
                        + ") does not match its checksum: it was changed; run `airlog verify` on " + s.label());
            }
            SignedCheckpoint checkpoint = anchor.choose(s, trusted, origin);
            if (event.sequence() > checkpoint.size()) {
                throw CliException.error("sequence " + event.sequence() + " is after " + checkpoint + ": it is not"
                        + " signed yet");
            }
            InclusionProof proof = Proofs.inclusion(event.sequence() - 1, checkpoint.size(), s.leaves());
            String extra = noEvent ? null : Base64.getEncoder().encodeToString(
                    EventJson.toJson(event).getBytes(StandardCharsets.UTF_8));
            InclusionBundle bundle = new InclusionBundle(proof.index(), proof.path(), extra, checkpoint.note());
            try {
                bundle.verify(Digest.fromHex(event.checksum()), trusted, origin);
            } catch (IllegalArgumentException e) {
                throw CliException.damaged("the stored log does not lead to the root of " + checkpoint + ": it was"
                        + " changed after it was signed; run `airlog verify` on " + s.label());
            }
            emitProof(bundle.format(), output, "proof of sequence " + event.sequence() + " (event " + event.eventId()
                    + ") of log '" + s.logId() + "' in " + checkpoint + ": checked", g -> {
                        g.writeStringField("log", s.logId());
                        g.writeNumberField("sequence", event.sequence());
                        g.writeStringField("eventId", event.eventId().toString());
                        g.writeStringField("checksum", event.checksum());
                        checkpoint(g, "checkpoint", checkpoint);
                    });
            return Exit.OK;
        }
    }
}
