package io.airlog;

/**
 * What an {@link AuditStream} supports beyond recording. A stream declares only what it
 * implements; the contract test kit checks the declaration.
 */
public enum Capability {
    /** It implements {@link AuditLogReader}: query and replay of its own log. */
    QUERY,
    /** {@link AuditStream#recordAsync} hands the draft to a queue and returns at once. */
    ASYNC,
    /** It writes events in batches (group commit). */
    BATCHING,
    /** A recorded event survives a crash of the JVM (written to disk or a database). */
    DURABLE
}
