-- Minutes keep every saved text: the database records a revision whenever minutes are created or get a
-- new revision number (saveMinutes raises it on every save; circulating and adopting change only the
-- status), and refuses to change or delete what it recorded.
CREATE TRIGGER minutes_revision_on_insert AFTER INSERT ON minutes
BEGIN
  INSERT INTO minutes_revisions (id, minutes_id, revision, text, saved_by_id, saved_at)
  VALUES (lower(hex(randomblob(8))), new.id, new.revision, new.text, new.updated_by_id, new.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER minutes_revision_on_update AFTER UPDATE OF revision ON minutes
WHEN new.revision <> old.revision
BEGIN
  INSERT INTO minutes_revisions (id, minutes_id, revision, text, saved_by_id, saved_at)
  VALUES (lower(hex(randomblob(8))), new.id, new.revision, new.text, new.updated_by_id, new.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER minutes_text_needs_revision BEFORE UPDATE OF text ON minutes
WHEN new.text IS NOT old.text AND new.revision = old.revision
BEGIN
  SELECT RAISE(ABORT, 'minutes text changes only with a new revision');
END;
--> statement-breakpoint
CREATE TRIGGER minutes_revisions_no_update BEFORE UPDATE ON minutes_revisions
BEGIN
  SELECT RAISE(ABORT, 'minutes_revisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER minutes_revisions_no_delete BEFORE DELETE ON minutes_revisions
BEGIN
  SELECT RAISE(ABORT, 'minutes_revisions is append-only');
END;
--> statement-breakpoint
-- Minutes written before this migration: their current text is their first recorded revision.
INSERT INTO minutes_revisions (id, minutes_id, revision, text, saved_by_id, saved_at)
SELECT lower(hex(randomblob(8))), id, revision, text, updated_by_id, updated_at FROM minutes;
