-- airlog schema v2 for MariaDB (10.6 or later): migrates a v1 schema in place (run
-- V1__airlog.sql first on an empty database). ${prefix} is the table prefix (default airlog_).
-- Every statement is idempotent: applying this script again changes nothing and restores a
-- dropped insert-only trigger. See docs/database.md.

-- The encoding version of each event (docs/encoding.md); every v1 event is encoding 1.
ALTER TABLE ${prefix}event ADD COLUMN IF NOT EXISTS encoding SMALLINT DEFAULT 1 NOT NULL;

-- Signed checkpoints (never written by v1): the tree edge at the checkpoint's size and the
-- signed note, verbatim. Checks trust the note only; the other columns are for queries.
ALTER TABLE ${prefix}checkpoint ADD COLUMN IF NOT EXISTS edge TEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE ${prefix}checkpoint ADD COLUMN IF NOT EXISTS note TEXT COLLATE utf8mb4_nopad_bin NOT NULL;

-- Insert-only (as in v1): UPDATE and DELETE fail with a clear message. TRUNCATE fires no
-- trigger in MariaDB; it needs the DROP privilege, which the application user must not have.
CREATE TRIGGER IF NOT EXISTS ${prefix}event_no_update BEFORE UPDATE ON ${prefix}event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}event is insert-only; UPDATE is not allowed';
CREATE TRIGGER IF NOT EXISTS ${prefix}event_no_delete BEFORE DELETE ON ${prefix}event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}event is insert-only; DELETE is not allowed';
CREATE TRIGGER IF NOT EXISTS ${prefix}checkpoint_no_update BEFORE UPDATE ON ${prefix}checkpoint FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}checkpoint is insert-only; UPDATE is not allowed';
CREATE TRIGGER IF NOT EXISTS ${prefix}checkpoint_no_delete BEFORE DELETE ON ${prefix}checkpoint FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'airlog: table ${prefix}checkpoint is insert-only; DELETE is not allowed';

-- The verification table of v1 (positions an incremental check started from) is gone: nothing
-- the application role inserts is trusted; an incremental check starts at the newest signed
-- checkpoint instead.
DROP TABLE IF EXISTS ${prefix}verification;
