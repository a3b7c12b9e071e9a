package io.airlog.cli.internal;

import io.airlog.checkpoint.ConsistencyBundle;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Proofs;
import io.airlog.merkle.TreeEdge;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlog consistency}: the consistency proof between an older size and a signed checkpoint. */
@Command(name = "consistency", sortOptions = false,
        description = {"Print the proof that the log only grew from an older tree size (or an older signed"
                + " checkpoint) to a signed checkpoint: the body of a C2SP tlog-witness add-checkpoint request, which"
                + " `airlog check-proof --old-checkpoint` checks offline.",
            "With --old-checkpoint, the store must still hold the events that checkpoint signed.",
            "Exit 0 printed, 1 the store does not match a checkpoint, 2 usage, I/O or connection error."})
public final class ConsistencyCommand extends AirlogCommand {
    @Mixin
    StoreOptions store;

    @ArgGroup(multiplicity = "1")
    Old old;

    @Mixin
    KeyOptions keys;

    @Mixin
    AnchorOptions anchor;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the proof to this new file.")
    Path output;

    /** The older tree. */
    static final class Old {
        @Option(names = "--old", paramLabel = "SIZE", required = true, description = "The older tree size.")
        Long size;

        @Option(names = "--old-checkpoint", paramLabel = "NOTE_FILE", required = true,
                description = "An older signed checkpoint of the log (one an auditor kept, say).")
        Path checkpoint;
    }

    @Override
    public Integer call() {
        try (LogStore s = store.open()) {
            TrustedKeys trusted = keys.keys(true);
            String origin = keys.origin(s.logId());
            SignedCheckpoint newer = anchor.choose(s, trusted, origin);
            SignedCheckpoint older = old.checkpoint == null ? null : AnchorOptions.open(old.checkpoint, trusted,
                    origin);
            long oldSize = older != null ? older.size() : old.size;
            if (oldSize < 0 || oldSize > newer.size()) {
                throw CliException.error("the older size " + oldSize + " is not between 0 and the size of " + newer);
            }
            TreeEdge edge = Trees.edgeAt(s.leaves(), oldSize);
            if (older != null && !older.checkpoint().matches(edge)) {
                throw CliException.damaged("the stored events 1.." + oldSize + " of log '" + s.logId() + "' do not"
                        + " hash to the root of the older " + older + ": the log was rewritten since, or replaced");
            }
            ConsistencyBundle bundle = ConsistencyBundle.of(Proofs.consistency(edge.range(), newer.size(), s.leaves()),
                    newer.note());
            try {
                bundle.verify(edge.root(), trusted, origin);
            } catch (IllegalArgumentException e) {
                throw CliException.damaged("the stored events of log '" + s.logId() + "' do not hash to the root of "
                        + newer + ": the log was changed after it was signed; run `airlog verify` on " + s.label());
            }
            emitProof(bundle.format(), output, "consistency proof of log '" + s.logId() + "' from size " + oldSize
                    + " (root " + edge.root().base64() + ") to " + newer + ": checked", g -> {
                        g.writeStringField("log", s.logId());
                        g.writeNumberField("oldSize", oldSize);
                        g.writeStringField("oldRoot", edge.root().base64());
                        checkpoint(g, "checkpoint", newer);
                    });
            return Exit.OK;
        }
    }
}
