package io.airlog.spi;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.TreeEdge;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a backend signs checkpoints of its log and where it publishes them: what the host
 * (airlog-cdi: {@code airlog.checkpoint.*}, {@code airlog.witness.*}) hands to a backend
 * through {@link BackendContext#checkpoints()}. A backend that signs says so with
 * {@link AuditBackendProvider#signsCheckpoints()}; see {@code docs/checkpoints.md}.
 *
 * @param signer signs the checkpoints (its {@code toString} never shows the key)
 * @param origin the origin line of the checkpoints
 * @param interval the longest time an event waits for a checkpoint; zero: one after every
 *                 event (or batch)
 * @param trustedKeys keys trusted besides the signer's own, for checkpoints signed before a
 *                    key rotation
 * @param witnessFile the {@link FileWitness} file the checkpoints are published to; empty: no
 *                    witness
 * @param witnessWindow how soon a checkpoint reaches the witness
 */
public record CheckpointSettings(NoteSigner signer, String origin, Duration interval, TrustedKeys trustedKeys,
                                 Optional<Path> witnessFile, Duration witnessWindow) {

    /** Checks the components. */
    public CheckpointSettings {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(trustedKeys, "trustedKeys");
        Objects.requireNonNull(witnessFile, "witnessFile");
        Objects.requireNonNull(witnessWindow, "witnessWindow");
        Checkpoint.of(origin, TreeEdge.empty());
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the checkpoint interval must not be negative: " + interval);
        }
    }

    /** Every key a check of this log trusts: the signer's own and {@link #trustedKeys()}. */
    public TrustedKeys allTrustedKeys() {
        return TrustedKeys.of(signer.verifierKey()).and(trustedKeys);
    }

    /**
     * Creates the witness file (with its header, see {@link FileWitness#create}) if a witness
     * is configured, for a backend whose builder takes a {@link CheckpointWitness}.
     *
     * @throws UncheckedIOException if it cannot be created or holds another log
     */
    public Optional<CheckpointWitness> createWitness() {
        if (witnessFile.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileWitness.create(witnessFile.get(), origin));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the witness file " + witnessFile.get() + ": " + e.getMessage(),
                    e);
        }
    }
}
