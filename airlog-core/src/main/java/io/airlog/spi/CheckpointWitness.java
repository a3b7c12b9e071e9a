package io.airlog.spi;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedNote;
import java.io.IOException;

/**
 * Where the newest signed checkpoint of one log is kept outside the log's own storage, so that
 * a check can tell a log that lost its newest events (cut, rolled back to an older backup,
 * re-created) from one that never had them. See {@code docs/checkpoints.md} ("Witnesses").
 *
 * <p>The default is {@code io.airlog.witness.FileWitness}, an append-only file per log.
 * Another implementation might write to another database, an object store with retention
 * locks, or a C2SP witness. A witness is worth as much as it is out of reach of whoever can
 * change the log: put it where the database owner cannot write.
 *
 * <p>Implementations are safe for concurrent use, also by several JVMs publishing the same
 * log's checkpoints; a witness never goes back to an older tree size.
 */
public interface CheckpointWitness extends AutoCloseable {

    /** Where the checkpoints are kept, for messages (a file path, a URL, a table). */
    String location();

    /**
     * Stores a signed checkpoint durably before returning, unless the witness already holds
     * one of at least the same tree size.
     *
     * @param checkpoint the checkpoint (its size decides what is newer)
     * @param note the signed note of that checkpoint, as it is to be kept
     * @return whether it was stored (false: the witness already holds a newer or equal size)
     * @throws IOException if it could not be stored; the caller retries later
     */
    boolean publish(Checkpoint checkpoint, SignedNote note) throws IOException;

    /**
     * What the witness holds now: its newest records, newest first. Records are returned as
     * stored, unverified; the check verifies them.
     *
     * @throws IOException if the witness cannot be read
     */
    WitnessSnapshot read() throws IOException;

    /** Releases resources; the default does nothing. */
    @Override
    default void close() throws IOException {
    }
}
