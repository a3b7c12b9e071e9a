-- airlog schema v2 for PostgreSQL (14 or later): migrates a v1 schema in place (run
-- V1__airlog.sql first on an empty database). ${prefix} is the table prefix (default airlog_).
-- Every statement is idempotent: applying this script again changes nothing and restores a
-- dropped insert-only trigger. See docs/database.md.

-- The encoding version of each event (docs/encoding.md); every v1 event is encoding 1.
-- PostgreSQL 11+ adds a column with a constant default without rewriting the table.
ALTER TABLE ${prefix}event ADD COLUMN IF NOT EXISTS encoding SMALLINT NOT NULL DEFAULT 1;

-- Signed checkpoints (never written by v1): the tree edge at the checkpoint's size and the
-- signed note, verbatim. Checks trust the note only; the other columns are for queries.
ALTER TABLE ${prefix}checkpoint ADD COLUMN IF NOT EXISTS edge TEXT NOT NULL;
ALTER TABLE ${prefix}checkpoint ADD COLUMN IF NOT EXISTS note TEXT NOT NULL;

-- Insert-only (as in v1): UPDATE, DELETE and TRUNCATE fail with a clear message.
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

-- The verification table of v1 (positions an incremental check started from) is gone: nothing
-- the application role inserts is trusted; an incremental check starts at the newest signed
-- checkpoint instead.
DROP TABLE IF EXISTS ${prefix}verification;
