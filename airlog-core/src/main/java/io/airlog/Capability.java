package io.airlog;

/**
 * What an {@link AuditStream} supports beyond recording. A stream declares only what it
 * implements; the contract test kit checks the declaration.
 */
public enum Capability {
    /** It implements {@link AuditLogReader}: query and replay of its own log. */
    QUERY,
    /**
     * {@link AuditStream#recordAsync} hands the draft to a queue and returns without waiting
     * for it to be stored (a full queue may hold the caller back; the stream documents how).
     */
    ASYNC,
    /** It writes events in batches (group commit). */
    BATCHING,
    /**
     * A recorded event survives a crash of the process that stores it: the JVM for a file or
     * an embedded store, the database server for a database (for a JDBC stream, as the
     * database's durability settings promise). Whether it also survives a crash of the machine
     * depends on the store's flushing to disk.
     */
    DURABLE
}
