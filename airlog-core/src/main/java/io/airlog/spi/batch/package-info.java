/**
 * The group-commit writer, for backend authors: a queue of drafts, bounded with what is in
 * flight by the queue capacity, drained by one thread in batches, each handed to a
 * {@link io.airlog.spi.batch.BatchAppender} that seals and stores it; every caller's wait is
 * bounded by the write timeout, failures are followed by backoff, and batches whose outcome
 * was cut off are resolved when the appender can tell. airlog-jdbc's stream is built on it;
 * any backend that stores batches (a file with one sync per batch, a message stream) can be
 * too.
 */
package io.airlog.spi.batch;
