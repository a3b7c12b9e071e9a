/**
 * The group-commit writer, for backend authors: a bounded queue of drafts drained by one
 * thread in batches, each handed to a {@link io.airlog.spi.batch.BatchAppender} that seals and
 * stores it. airlog-jdbc's stream is built on it; any backend that stores batches (a file
 * with one sync per batch, a message stream) can be too.
 */
package io.airlog.spi.batch;
