/**
 * An audit backend that writes chained JSON lines through SLF4J
 * ({@link io.airlog.slf4j.Slf4jAuditStream}, backend {@code slf4j}); the chain continues
 * across restarts through a chain state file.
 */
package io.airlog.slf4j;
