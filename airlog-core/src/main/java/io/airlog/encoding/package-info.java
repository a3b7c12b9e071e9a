/**
 * The canonical encoding of audit events (version 1), specified in {@code docs/encoding.md}:
 * the byte string that an event's SHA-256 checksum is computed over, and RFC 8785 canonical
 * JSON for free-form values.
 */
package io.airlog.encoding;
