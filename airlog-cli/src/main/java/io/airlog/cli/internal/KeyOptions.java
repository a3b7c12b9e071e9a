package io.airlog.cli.internal;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.TrustedKeys;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The trusted verifier keys and the log's origin. */
final class KeyOptions {
    @Option(names = "--keys", paramLabel = "FILE",
            description = "Trusted verifier keys, one per line (<name>+<key id>+<base64>, as `airlog keygen` prints).")
    Path keys;

    @Option(names = "--origin", paramLabel = "ORIGIN",
            description = "The origin the log's checkpoints carry (default: airlog/<log id>).")
    String origin;

    /**
     * The trusted keys; none when not given and not {@code required}.
     *
     * @throws CliException if required and missing, or unreadable or malformed
     */
    TrustedKeys keys(boolean required) {
        if (keys == null) {
            if (required) {
                throw CliException.error("give the trusted verifier keys with --keys FILE");
            }
            return TrustedKeys.none();
        }
        try {
            return TrustedKeys.read(keys);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw CliException.error(e.getMessage(), e);
        }
    }

    /** The origin: the one given, else the default origin of {@code logId}. */
    String origin(String logId) {
        return origin != null ? origin : Checkpoint.defaultOrigin(logId);
    }
}
