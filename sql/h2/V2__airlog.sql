-- airlog schema v2 for H2 (2.x): migrates a v1 schema in place (run V1__airlog.sql first on an
-- empty database). ${prefix} is the table prefix (default airlog_). Every statement is
-- idempotent: applying this script again changes nothing and restores a dropped insert-only
-- trigger. See docs/database.md.

-- The encoding version of each event (docs/encoding.md); every v1 event is encoding 1.
ALTER TABLE ${prefix}event ADD COLUMN IF NOT EXISTS encoding SMALLINT DEFAULT 1 NOT NULL;

-- Signed checkpoints (never written by v1): the tree edge at the checkpoint's size and the
-- signed note, verbatim. Checks trust the note only; the other columns are for queries.
ALTER TABLE ${prefix}checkpoint ADD COLUMN IF NOT EXISTS edge VARCHAR(8192) NOT NULL;
ALTER TABLE ${prefix}checkpoint ADD COLUMN IF NOT EXISTS note VARCHAR(8192) NOT NULL;

-- Insert-only (as in v1): UPDATE, DELETE and MERGE fail with a clear message. Dropped and
-- created again: H2 rebuilds a table for ADD COLUMN, and a trigger kept across it names the
-- temporary copy in its message.
DROP TRIGGER IF EXISTS ${prefix}event_insert_only;
CREATE TRIGGER ${prefix}event_insert_only BEFORE UPDATE, DELETE ON ${prefix}event
    FOR EACH ROW CALL 'io.airlog.jdbc.internal.H2InsertOnlyTrigger';
DROP TRIGGER IF EXISTS ${prefix}checkpoint_insert_only;
CREATE TRIGGER ${prefix}checkpoint_insert_only BEFORE UPDATE, DELETE ON ${prefix}checkpoint
    FOR EACH ROW CALL 'io.airlog.jdbc.internal.H2InsertOnlyTrigger';

-- The verification table of v1 (positions an incremental check started from) is gone: nothing
-- the application role inserts is trusted; an incremental check starts at the newest signed
-- checkpoint instead.
DROP TABLE IF EXISTS ${prefix}verification;
