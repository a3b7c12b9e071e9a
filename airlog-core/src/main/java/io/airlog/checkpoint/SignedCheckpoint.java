package io.airlog.checkpoint;

import java.util.List;

/**
 * A checkpoint whose note carries a valid signature by a trusted key: only
 * {@link TrustedKeys#open} makes one, so holding one means the check was done.
 */
public final class SignedCheckpoint {
    private final Checkpoint checkpoint;
    private final SignedNote note;
    private final List<VerifierKey> signedBy;

    SignedCheckpoint(Checkpoint checkpoint, SignedNote note, List<VerifierKey> signedBy) {
        this.checkpoint = checkpoint;
        this.note = note;
        this.signedBy = List.copyOf(signedBy);
    }

    /** The checkpoint. */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The note, every signature line included. */
    public SignedNote note() {
        return note;
    }

    /** The trusted keys whose signatures verified (at least one). */
    public List<VerifierKey> signedBy() {
        return signedBy;
    }

    /** The tree size. */
    public long size() {
        return checkpoint.size();
    }

    /** A short description: origin, size, signing keys. */
    @Override
    public String toString() {
        return "checkpoint " + checkpoint.origin() + " @" + checkpoint.size() + " signed by "
                + signedBy.stream().map(k -> k.name() + "+" + k.keyIdHex()).toList();
    }
}
