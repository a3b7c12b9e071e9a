package io.airlog.witness;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.TestKeys;
import io.airlog.merkle.Digest;
import java.nio.ByteBuffer;

/** Signed checkpoints of one test log whose root at each size is a fixed function of the size. */
final class WitnessFixtures {
    static final String ORIGIN = "airlog/app";
    static final NoteSigner SIGNER = TestKeys.rfc8032Test1("example.com/app");

    private WitnessFixtures() {
    }

    /** The checkpoint of size {@code size}: every publisher agrees on its root. */
    static Checkpoint checkpoint(long size) {
        return new Checkpoint(ORIGIN, size, Digest.sha256(ByteBuffer.allocate(8).putLong(size).array()));
    }

    static SignedNote note(long size) {
        return SIGNER.sign(checkpoint(size));
    }
}
