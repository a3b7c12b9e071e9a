/**
 * Extension points for backend authors: a base class for streams that own a log and seal
 * events under a single sequencer, and verified replay.
 */
package io.airlog.spi;
