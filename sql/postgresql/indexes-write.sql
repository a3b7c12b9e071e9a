-- airlog index profile "write": no secondary index on the event table (the primary key and
-- the unique event_id stay). ${prefix} is the table prefix. Idempotent; applied by
-- SchemaManager after the versioned scripts when airlog.jdbc.index-profile=write (see
-- docs/database.md, "Index profiles").
DROP INDEX IF EXISTS ${prefix}event_ts_idx;
DROP INDEX IF EXISTS ${prefix}event_principal_idx;
DROP INDEX IF EXISTS ${prefix}event_resource_idx;
DROP INDEX IF EXISTS ${prefix}event_correlation_idx;
