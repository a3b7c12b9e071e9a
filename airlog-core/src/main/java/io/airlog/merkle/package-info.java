/**
 * The Merkle tree of a log (RFC 9162 section 2.1, the same as RFC 6962): leaf {@code i} is the
 * 32-byte checksum of the event with sequence {@code i + 1}, leaves are hashed as
 * SHA-256(0x00 ‖ leaf) and inner nodes as SHA-256(0x01 ‖ left ‖ right).
 *
 * <p>{@link io.airlog.merkle.CompactRange} and {@link io.airlog.merkle.TreeEdge} are the
 * right edge a writer keeps (the root at any size, appending without re-reading, a text form
 * to store beside a checkpoint); {@link io.airlog.merkle.Proofs} generates inclusion and
 * consistency proofs from a {@link io.airlog.merkle.LeafSource} in O(log n) memory; and
 * {@link io.airlog.merkle.InclusionProof} and {@link io.airlog.merkle.ConsistencyProof} verify
 * them with the RFC's own algorithms, so any RFC 6962 client agrees. Formats:
 * {@code docs/checkpoints.md}.
 */
package io.airlog.merkle;
