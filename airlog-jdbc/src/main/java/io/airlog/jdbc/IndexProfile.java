package io.airlog.jdbc;

import java.util.Locale;

/**
 * Which secondary indexes the event table carries ({@code airlog.jdbc.index-profile}). The
 * primary key {@code (log_id, seq)} and the unique {@code event_id} are in every profile: the
 * writer, the verifier, exports and the lookup of a repeated draft need them. The profile
 * changes what inserting a row costs and how fast the viewer's filters are, never what a
 * query returns.
 *
 * <p>{@link SchemaManager#create} applies the profile's bundled script
 * ({@code sql/<dialect>/indexes-<profile>.sql}) after the versioned scripts; both scripts are
 * idempotent, so switching profiles is a restart with {@code airlog.jdbc.schema=create} (or
 * the script applied by hand). {@code validate} and {@code none} leave the indexes as they are.
 */
public enum IndexProfile {
    /**
     * The four secondary indexes of schema version 1 (time, principal, resource, correlation
     * id, each after {@code log_id}): the viewer's filters read only matching rows. The default.
     */
    QUERY,
    /**
     * No secondary index: for logs that are written, verified and exported far more than they
     * are searched. A filter by time, principal, resource or correlation id then reads the
     * log's rows until its page is full (the cost grows with the log).
     */
    WRITE;

    /** The value of this profile in configuration, e.g. {@code write}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
