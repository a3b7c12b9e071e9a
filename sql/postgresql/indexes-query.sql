-- airlog index profile "query" (the default): the secondary indexes of the viewer's filters.
-- ${prefix} is the table prefix. Idempotent; applied by SchemaManager after the versioned
-- scripts when airlog.jdbc.index-profile=query (see docs/database.md, "Index profiles").
CREATE INDEX IF NOT EXISTS ${prefix}event_ts_idx ON ${prefix}event (log_id, ts_nanos);
CREATE INDEX IF NOT EXISTS ${prefix}event_principal_idx ON ${prefix}event (log_id, principal_subject, seq);
CREATE INDEX IF NOT EXISTS ${prefix}event_resource_idx ON ${prefix}event (log_id, resource, resource_id, seq);
CREATE INDEX IF NOT EXISTS ${prefix}event_correlation_idx ON ${prefix}event (log_id, correlation_id);
