-- Plans keep every saved text: section revisions and the stage history are append-only, and a
-- revision's number must follow the section's last one (no gap, no reuse), so that no code path can
-- replace a text without keeping the one it replaces.
CREATE TRIGGER plan_section_revisions_no_update BEFORE UPDATE ON plan_section_revisions
BEGIN
  SELECT RAISE(ABORT, 'plan_section_revisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER plan_section_revisions_no_delete BEFORE DELETE ON plan_section_revisions
BEGIN
  SELECT RAISE(ABORT, 'plan_section_revisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER plan_section_revisions_in_sequence BEFORE INSERT ON plan_section_revisions
WHEN new.number <> coalesce((SELECT max(number) FROM plan_section_revisions WHERE section_id = new.section_id), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'plan_section_revisions: number out of sequence');
END;
--> statement-breakpoint
CREATE TRIGGER plan_stage_history_no_update BEFORE UPDATE ON plan_stage_history
BEGIN
  SELECT RAISE(ABORT, 'plan_stage_history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER plan_stage_history_no_delete BEFORE DELETE ON plan_stage_history
BEGIN
  SELECT RAISE(ABORT, 'plan_stage_history is append-only');
END;
--> statement-breakpoint
-- 0013 rebuilt `action_items` (the plan_section_id foreign key) and `group_memberships` (the new roles);
-- neither had triggers or expression indexes to recreate. Nothing may dangle when this transaction
-- commits: a violation fails the CHECK below and rolls the whole migration back.
CREATE TEMP TABLE migration_guard (
  dangling integer NOT NULL,
  CONSTRAINT no_dangling_references CHECK (dangling = 0)
);
--> statement-breakpoint
INSERT INTO migration_guard SELECT count(*) FROM pragma_foreign_key_check;
--> statement-breakpoint
DROP TABLE migration_guard;
