/**
 * A backend written against airlog's SPI alone, for tests: a JSON-lines journal written by
 * core's group-commit writer (backend {@code journal}). Not part of the library.
 */
package io.airlog.testbackend;
