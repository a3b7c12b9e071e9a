package io.airlog.cli.internal;

import io.airlog.checkpoint.TrustedKeys;
import io.airlog.spi.WitnessSnapshot;
import java.nio.file.Path;

/**
 * What a verification checks besides the hash chain.
 *
 * @param origin the origin the log's checkpoints must carry
 * @param keys the trusted verifier keys (none: checkpoints are not checked)
 * @param witness what the witness holds, or null for no witness
 * @param witnessFile the witness file read into {@code witness}, or null
 * @param incremental for a database: start at the newest checkpoint row a trusted key signed
 * @param requireSigned every event must be covered by a trusted signed checkpoint
 */
record Checks(String origin, TrustedKeys keys, WitnessSnapshot witness, Path witnessFile, boolean incremental,
              boolean requireSigned) {
}
