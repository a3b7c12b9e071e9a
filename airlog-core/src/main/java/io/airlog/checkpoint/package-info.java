/**
 * Signed checkpoints: C2SP {@code tlog-checkpoint} bodies ({@link io.airlog.checkpoint.Checkpoint})
 * signed as C2SP {@code signed-note}s ({@link io.airlog.checkpoint.SignedNote}) with Ed25519 from
 * the JDK, the keys that sign them ({@link io.airlog.checkpoint.NoteSigner},
 * {@link io.airlog.checkpoint.SigningKeys}) and the keys a check trusts
 * ({@link io.airlog.checkpoint.VerifierKey}, {@link io.airlog.checkpoint.TrustedKeys}, several
 * at once for rotation). A {@link io.airlog.checkpoint.SignedCheckpoint} exists only once a
 * trusted key's signature verified. Formats: {@code docs/checkpoints.md}.
 */
package io.airlog.checkpoint;
