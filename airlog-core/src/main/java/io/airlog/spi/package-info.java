/**
 * Extension points for backend authors: a base class for streams that own a log and seal
 * events under a single sequencer, verified replay, and {@link io.airlog.spi.CheckpointWitness},
 * where a log's newest signed checkpoint is kept outside its storage.
 */
package io.airlog.spi;
