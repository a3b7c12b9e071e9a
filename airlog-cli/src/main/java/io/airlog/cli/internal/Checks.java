package io.airlog.cli.internal;

import io.airlog.checkpoint.TrustedKeys;
import io.airlog.spi.WitnessSnapshot;

/**
 * What a verification checks besides the hash chain.
 *
 * @param origin the origin the log's checkpoints must carry
 * @param keys the trusted verifier keys (none: checkpoints are not checked)
 * @param witness what the witness holds, or null for no witness
 * @param incremental for a database: start at the recorded verified position
 */
record Checks(String origin, TrustedKeys keys, WitnessSnapshot witness, boolean incremental) {
}
