-- airlog schema v1 for PostgreSQL (14 or later: CREATE OR REPLACE TRIGGER).
-- ${prefix} is the table prefix (default airlog_). Every statement is idempotent: applying
-- this script to a database that already holds the schema changes nothing.
-- See docs/database.md for the grants to give the application role.

-- The events: insert-only, one hash chain per log_id.
CREATE TABLE IF NOT EXISTS ${prefix}event (
    log_id             VARCHAR(128)  NOT NULL,
    seq                BIGINT        NOT NULL,
    event_id           CHAR(36)      NOT NULL,
    ts_nanos           BIGINT        NOT NULL,
    action             VARCHAR(256)  NOT NULL,
    principal_subject  VARCHAR(256)  NOT NULL,
    principal_auth     VARCHAR(16)   NOT NULL,
    principal_metadata VARCHAR(8192) NOT NULL,
    resource           VARCHAR(256),
    resource_id        VARCHAR(256),
    outcome            VARCHAR(16)   NOT NULL,
    correlation_id     VARCHAR(128),
    context            TEXT          NOT NULL,
    previous_checksum  CHAR(64)      NOT NULL,
    checksum           CHAR(64)      NOT NULL,
    CONSTRAINT ${prefix}event_pk PRIMARY KEY (log_id, seq),
    CONSTRAINT ${prefix}event_event_id_uq UNIQUE (event_id)
);

-- Secondary indexes for the viewer's filters; every one leads with log_id (many logs per
-- database). Action and outcome have no index of their own (see docs/database.md).
CREATE INDEX IF NOT EXISTS ${prefix}event_ts_idx ON ${prefix}event (log_id, ts_nanos);
CREATE INDEX IF NOT EXISTS ${prefix}event_principal_idx ON ${prefix}event (log_id, principal_subject, seq);
CREATE INDEX IF NOT EXISTS ${prefix}event_resource_idx ON ${prefix}event (log_id, resource, resource_id, seq);
CREATE INDEX IF NOT EXISTS ${prefix}event_correlation_idx ON ${prefix}event (log_id, correlation_id);

-- One row per log: its size and last checksum. The only mutable table.
CREATE TABLE IF NOT EXISTS ${prefix}head (
    log_id        VARCHAR(128)             NOT NULL,
    size          BIGINT                   NOT NULL,
    last_checksum CHAR(64)                 NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ${prefix}head_pk PRIMARY KEY (log_id)
);

-- Signed checkpoints: insert-only.
CREATE TABLE IF NOT EXISTS ${prefix}checkpoint (
    log_id        VARCHAR(128)             NOT NULL,
    size          BIGINT                   NOT NULL,
    last_checksum CHAR(64)                 NOT NULL,
    merkle_root   CHAR(64),
    signature     VARCHAR(512)             NOT NULL,
    key_id        VARCHAR(128)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ${prefix}checkpoint_pk PRIMARY KEY (log_id, size)
);

-- Positions up to which a log was verified (the start of the next incremental check): insert-only.
CREATE TABLE IF NOT EXISTS ${prefix}verification (
    log_id        VARCHAR(128)             NOT NULL,
    size          BIGINT                   NOT NULL,
    last_checksum CHAR(64)                 NOT NULL,
    verified_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ${prefix}verification_pk PRIMARY KEY (log_id, size)
);

-- Insert-only: UPDATE, DELETE and TRUNCATE fail with a clear message.
CREATE OR REPLACE FUNCTION ${prefix}reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'airlog: table % is insert-only; % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'P0001', HINT = 'audit rows are never changed or removed (see docs/database.md)';
END
$$;

CREATE OR REPLACE TRIGGER ${prefix}event_insert_only
    BEFORE UPDATE OR DELETE ON ${prefix}event
    FOR EACH ROW EXECUTE FUNCTION ${prefix}reject_change();
CREATE OR REPLACE TRIGGER ${prefix}event_no_truncate
    BEFORE TRUNCATE ON ${prefix}event
    FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}reject_change();
CREATE OR REPLACE TRIGGER ${prefix}checkpoint_insert_only
    BEFORE UPDATE OR DELETE ON ${prefix}checkpoint
    FOR EACH ROW EXECUTE FUNCTION ${prefix}reject_change();
CREATE OR REPLACE TRIGGER ${prefix}checkpoint_no_truncate
    BEFORE TRUNCATE ON ${prefix}checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}reject_change();
CREATE OR REPLACE TRIGGER ${prefix}verification_insert_only
    BEFORE UPDATE OR DELETE ON ${prefix}verification
    FOR EACH ROW EXECUTE FUNCTION ${prefix}reject_change();
CREATE OR REPLACE TRIGGER ${prefix}verification_no_truncate
    BEFORE TRUNCATE ON ${prefix}verification
    FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}reject_change();
