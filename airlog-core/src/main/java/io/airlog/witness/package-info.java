/**
 * Witnesses of checkpoints: {@link io.airlog.witness.FileWitness}, the default
 * {@link io.airlog.spi.CheckpointWitness} (an append-only file per log), and
 * {@link io.airlog.witness.WitnessPublisher}, which publishes a log's newest checkpoint off
 * the writer's path within a configured window and shows its lag. What a check learns from a
 * witness: {@code docs/checkpoints.md}.
 */
package io.airlog.witness;
