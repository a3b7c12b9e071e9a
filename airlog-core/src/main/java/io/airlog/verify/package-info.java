/**
 * Verification of logs: {@link io.airlog.verify.ChainVerifier}, a streaming verifier of the
 * hash chain that any storage feeds with its records in storage order;
 * {@link io.airlog.verify.CheckpointVerifier}, which checks the log's Merkle tree against signed
 * checkpoints and a witness; and the one report they produce,
 * {@link io.airlog.verify.VerificationReport}, with its damages, notices and anchors; and the
 * comparison of two stores' copies of one log ({@link io.airlog.verify.LogComparison}).
 */
package io.airlog.verify;
