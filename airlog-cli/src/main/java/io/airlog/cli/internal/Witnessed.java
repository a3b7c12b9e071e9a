package io.airlog.cli.internal;

import io.airlog.checkpoint.RejectedCheckpointException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.verify.Damage;
import io.airlog.verify.DamageKind;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a witness file holds for a check: its newest record that a trusted key signed, and the
 * damaged newer records passed over on the way.
 *
 * @param snapshot the records as read
 * @param newest the newest record a trusted key signed for the origin, or null
 * @param damages one {@link DamageKind#WITNESS_DAMAGED} per newer record that was passed over
 * @param notices {@link DamageKind#WITNESS_NOTICE}s (an incomplete last record left by a crash)
 */
record Witnessed(WitnessSnapshot snapshot, SignedCheckpoint newest, List<Damage> damages, List<Damage> notices) {

    /**
     * Reads a witness file of the log with {@code origin}.
     *
     * @throws CliException if it cannot be read
     */
    static WitnessSnapshot read(Path file, String origin) {
        try {
            return FileWitness.open(file, origin).read();
        } catch (IOException | RuntimeException e) {
            throw CliException.error("cannot read the witness file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The newest trusted record of {@code snapshot}. */
    static Witnessed of(WitnessSnapshot snapshot, TrustedKeys keys, String origin) {
        List<Damage> damages = new ArrayList<>();
        List<Damage> notices = new ArrayList<>();
        for (String n : snapshot.notices()) {
            notices.add(new Damage(DamageKind.WITNESS_NOTICE, 0, 0, 0, n));
        }
        for (WitnessSnapshot.Record r : snapshot.newestFirst()) {
            String problem = r.problem();
            if (problem == null) {
                try {
                    return new Witnessed(snapshot, keys.open(r.note(), origin), damages, notices);
                } catch (RejectedCheckpointException e) {
                    problem = e.getMessage();
                }
            }
            damages.add(new Damage(DamageKind.WITNESS_DAMAGED, 0, 0, 0, "witness " + snapshot.location() + ", "
                    + r.where() + ": " + problem));
        }
        return new Witnessed(snapshot, null, damages, notices);
    }
}
