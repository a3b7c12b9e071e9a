package io.airlog.cli.internal;

import io.airlog.checkpoint.RejectedCheckpointException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The signed checkpoint a proof or an export leads to. */
final class AnchorOptions {
    @Option(names = "--checkpoint", paramLabel = "NOTE_FILE",
            description = "A file holding the signed checkpoint (a C2SP signed note) to use.")
    Path checkpoint;

    @Option(names = "--witness", paramLabel = "WITNESS_FILE",
            description = "Use the newest checkpoint of this witness file that a trusted key signed.")
    Path witness;

    /**
     * The checkpoint: the one in {@code --checkpoint}, else the witness's newest trusted one,
     * else the store's newest trusted one.
     *
     * @throws CliException if there is none, or the one named is not signed by a trusted key for {@code origin}
     */
    SignedCheckpoint choose(LogStore store, TrustedKeys keys, String origin) {
        if (checkpoint != null && witness != null) {
            throw CliException.error("name one checkpoint: --checkpoint or --witness");
        }
        if (checkpoint != null) {
            return open(checkpoint, keys, origin);
        }
        if (witness != null) {
            Witnessed w = Witnessed.of(Witnessed.read(witness, origin), keys, origin);
            if (w.newest() == null) {
                throw CliException.error("the witness " + witness + " holds no checkpoint of " + origin
                        + " that a trusted key signed" + (w.damages().isEmpty() ? "" : ": "
                        + w.damages().get(0).detail()));
            }
            return w.newest();
        }
        return store.newestCheckpoint(keys, origin).orElseThrow(() -> CliException.error("no signed checkpoint of "
                + origin + " to use: " + store.noCheckpointReason() + "; name one with --checkpoint NOTE_FILE or"
                + " --witness WITNESS_FILE"));
    }

    /**
     * Opens the signed checkpoint note in {@code file}.
     *
     * @throws CliException exit 2 if it cannot be read, exit 1 if it is not a checkpoint of
     *         {@code origin} that a trusted key signed
     */
    static SignedCheckpoint open(Path file, TrustedKeys keys, String origin) {
        String note;
        try {
            note = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.error("cannot read the checkpoint file " + file + ": " + e.getMessage(), e);
        }
        try {
            return keys.open(note, origin);
        } catch (RejectedCheckpointException e) {
            throw CliException.damaged("the checkpoint in " + file + " is not accepted (" + e.reason() + "): "
                    + e.getMessage());
        }
    }
}
