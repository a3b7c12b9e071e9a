-- airlog schema v1 for MariaDB (10.6 or later), InnoDB. ${prefix} is the table prefix
-- (default airlog_). Every statement is idempotent: applying this script to a database that
-- already holds the schema changes nothing. See docs/database.md for the grants.
--
-- Text is utf8mb4 with the binary NO PAD collation, so that log ids, subjects and resources
-- compare exactly (the default collations ignore case and trailing spaces). Hex and UUID
-- columns are ascii. Long text (metadata, context) is TEXT / MEDIUMTEXT, stored off-page,
-- which keeps the row well inside InnoDB's 65,535-byte row limit.

-- The events: insert-only, one hash chain per log_id.
CREATE TABLE IF NOT EXISTS ${prefix}event (
    log_id             VARCHAR(128) COLLATE utf8mb4_nopad_bin NOT NULL,
    seq                BIGINT                                 NOT NULL,
    event_id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ts_nanos           BIGINT                                 NOT NULL,
    action             VARCHAR(256) COLLATE utf8mb4_nopad_bin NOT NULL,
    principal_subject  VARCHAR(256) COLLATE utf8mb4_nopad_bin NOT NULL,
    principal_auth     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    principal_metadata TEXT COLLATE utf8mb4_nopad_bin         NOT NULL,
    resource           VARCHAR(256) COLLATE utf8mb4_nopad_bin NULL,
    resource_id        VARCHAR(256) COLLATE utf8mb4_nopad_bin NULL,
    outcome            VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    correlation_id     VARCHAR(128) COLLATE utf8mb4_nopad_bin NULL,
    context            MEDIUMTEXT COLLATE utf8mb4_nopad_bin   NOT NULL,
    previous_checksum  CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    checksum           CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CONSTRAINT ${prefix}event_pk PRIMARY KEY (log_id, seq),
    CONSTRAINT ${prefix}event_event_id_uq UNIQUE (event_id),
    -- Secondary indexes for the viewer's filters; every one leads with log_id (many logs per
    -- database). Action and outcome have no index of their own (see docs/database.md).
    INDEX ${prefix}event_ts_idx (log_id, ts_nanos),
    INDEX ${prefix}event_principal_idx (log_id, principal_subject, seq),
    INDEX ${prefix}event_resource_idx (log_id, resource, resource_id, seq),
    INDEX ${prefix}event_correlation_idx (log_id, correlation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin ROW_FORMAT = DYNAMIC;

-- One row per log: its size and last checksum. The only mutable table.
CREATE TABLE IF NOT EXISTS ${prefix}head (
    log_id        VARCHAR(128) COLLATE utf8mb4_nopad_bin NOT NULL,
    size          BIGINT                                 NOT NULL,
    last_checksum CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    updated_at    DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT ${prefix}head_pk PRIMARY KEY (log_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin ROW_FORMAT = DYNAMIC;

-- Signed checkpoints: insert-only.
CREATE TABLE IF NOT EXISTS ${prefix}checkpoint (
    log_id        VARCHAR(128) COLLATE utf8mb4_nopad_bin NOT NULL,
    size          BIGINT                                 NOT NULL,
    last_checksum CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    merkle_root   CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    signature     VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    key_id        VARCHAR(128) COLLATE utf8mb4_nopad_bin NOT NULL,
    created_at    DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT ${prefix}checkpoint_pk PRIMARY KEY (log_id, size)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin ROW_FORMAT = DYNAMIC;

-- Positions up to which a log was verified (the start of the next incremental check): insert-only.
CREATE TABLE IF NOT EXISTS ${prefix}verification (
    log_id        VARCHAR(128) COLLATE utf8mb4_nopad_bin NOT NULL,
    size          BIGINT                                 NOT NULL,
    last_checksum CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    verified_at   DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT ${prefix}verification_pk PRIMARY KEY (log_id, size)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin ROW_FORMAT = DYNAMIC;

-- Insert-only: UPDATE and DELETE fail with a clear message. TRUNCATE fires no trigger in
-- MariaDB; it needs the DROP privilege, which the application user must not have.
CREATE TRIGGER IF NOT EXISTS ${prefix}event_no_update BEFORE UPDATE ON ${prefix}event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}event is insert-only; UPDATE is not allowed';
CREATE TRIGGER IF NOT EXISTS ${prefix}event_no_delete BEFORE DELETE ON ${prefix}event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}event is insert-only; DELETE is not allowed';
CREATE TRIGGER IF NOT EXISTS ${prefix}checkpoint_no_update BEFORE UPDATE ON ${prefix}checkpoint FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}checkpoint is insert-only; UPDATE is not allowed';
CREATE TRIGGER IF NOT EXISTS ${prefix}checkpoint_no_delete BEFORE DELETE ON ${prefix}checkpoint FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}checkpoint is insert-only; DELETE is not allowed';
CREATE TRIGGER IF NOT EXISTS ${prefix}verification_no_update BEFORE UPDATE ON ${prefix}verification FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}verification is insert-only; UPDATE is not allowed';
CREATE TRIGGER IF NOT EXISTS ${prefix}verification_no_delete BEFORE DELETE ON ${prefix}verification FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}verification is insert-only; DELETE is not allowed';
