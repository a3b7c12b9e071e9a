package io.airlog.demo.audit;

import java.time.Instant;
import java.util.List;

/**
 * How far the audit log is signed and witnessed ({@code GET /api/audit/checkpoint}).
 *
 * @param logId the log
 * @param origin the origin line of its checkpoints
 * @param signing whether the log is signed (a signing key is configured)
 * @param checkpoint the newest checkpoint row the signing key signed; null when there is none
 * @param witness the log's witness file; null when the log is not signed
 */
public record CheckpointState(String logId, String origin, boolean signing, Signed checkpoint, Witness witness) {

    /**
     * A signed checkpoint as stored.
     *
     * @param size the number of events it covers
     * @param root the root of their Merkle tree, hex
     * @param storedAt when its row was stored (it is signed in the same transaction)
     * @param keys the keys whose signatures verified, as {@code <name>+<key id>}
     * @param note the signed note, as stored
     */
    public record Signed(long size, String root, Instant storedAt, List<String> keys, String note) {
    }

    /**
     * What the witness file holds.
     *
     * @param location the file
     * @param exists whether it exists
     * @param witnessedSize the tree size of its newest record the signing key signed (0 without one)
     */
    public record Witness(String location, boolean exists, long witnessedSize) {
    }
}
