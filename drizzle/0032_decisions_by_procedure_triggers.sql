-- 0029 rebuilt `decisions` (meeting_id nullable, procedure_id: a decision adopted by written procedure is
-- a row of the register like a meeting's), and dropping a table drops its triggers: the append-only rules
-- of 0023 and the search index's triggers of 0020 are created again, as they were. Then every procedure
-- adopted before this release becomes its decision row, keeping its code (`2026-PE/D.1`) and number: the
-- text of a draft decision, or the subject of a plan or document adopted. Nothing may dangle at the end.
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are never deleted: they are withdrawn');
END;
--> statement-breakpoint
CREATE TRIGGER decisions_withdrawn_final BEFORE UPDATE ON decisions
WHEN old.status = 'withdrawn'
BEGIN
  SELECT RAISE(ABORT, 'a withdrawn decision is final');
END;
--> statement-breakpoint
CREATE TRIGGER decisions_search_insert AFTER INSERT ON decisions
BEGIN
  INSERT OR IGNORE INTO search_fts_keys (type, record_id) VALUES ('decision', new.id);
  DELETE FROM decisions_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'decision' AND record_id = new.id);
  INSERT INTO decisions_fts (rowid, code, body) VALUES (
    (SELECT id FROM search_fts_keys WHERE type = 'decision' AND record_id = new.id),
    replace(replace(new.code, char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce(new.text_es, '') || char(10) || coalesce(new.text_en, ''), char(57344), ' '), char(57345), ' ')
  );
END;
--> statement-breakpoint
CREATE TRIGGER decisions_search_update AFTER UPDATE OF code, text_es, text_en ON decisions
BEGIN
  UPDATE decisions_fts SET
    code = replace(replace(new.code, char(57344), ' '), char(57345), ' '),
    body = replace(replace(coalesce(new.text_es, '') || char(10) || coalesce(new.text_en, ''), char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'decision' AND record_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER decisions_search_delete AFTER DELETE ON decisions
BEGIN
  DELETE FROM decisions_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'decision' AND record_id = old.id);
  DELETE FROM search_fts_keys WHERE type = 'decision' AND record_id = old.id;
END;
--> statement-breakpoint
-- the rebuild above dropped the cached counts' triggers of 0030 too (docs/decisions/0039)
CREATE TRIGGER decisions_actions_version_insert AFTER INSERT ON decisions
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER decisions_actions_version_update AFTER UPDATE OF meeting_id ON decisions
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER decisions_actions_version_delete AFTER DELETE ON decisions
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
INSERT INTO decisions (id, meeting_id, procedure_id, agenda_item_id, number, code, text_es, text_en,
  created_by_id, created_at, status, revision)
SELECT lower(hex(randomblob(8))), NULL, p.id, NULL, p.decision_number, p.decision_code,
  CASE WHEN p.text_kind = 'decision_text' THEN p.text_es ELSE p.subject_es END,
  CASE WHEN p.text_kind = 'decision_text' THEN p.text_en ELSE p.subject_en END,
  p.launched_by_id, p.closed_at, 'in_force', 1
FROM written_procedures p
WHERE p.decision_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.procedure_id = p.id)
ORDER BY p.decision_year, p.decision_number;
--> statement-breakpoint
CREATE TEMP TABLE migration_guard (
  dangling integer NOT NULL,
  CONSTRAINT no_dangling_references CHECK (dangling = 0)
);
--> statement-breakpoint
INSERT INTO migration_guard SELECT count(*) FROM pragma_foreign_key_check;
--> statement-breakpoint
DROP TABLE migration_guard;
