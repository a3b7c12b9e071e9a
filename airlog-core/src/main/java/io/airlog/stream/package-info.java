/**
 * Streams of airlog-core: in memory, and JSON lines to a file, a writer or standard output,
 * with signed checkpoint lines and a witness for files, and the reader and verifier of
 * JSON-lines files.
 */
package io.airlog.stream;
