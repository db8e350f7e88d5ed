-- Decisions are never deleted, and a withdrawn one is final, its number and code included (it stays, so
-- its code is never given again: docs/decisions/0011); corrigenda are append-only; a corrigendum follows the
-- decision's last one. Reports written before each owner reported its own part are given the owner they
-- were written for (the author's organization, or the state of a national institution that owns it).
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
CREATE TRIGGER decision_corrigenda_no_update BEFORE UPDATE ON decision_corrigenda
BEGIN
  SELECT RAISE(ABORT, 'decision_corrigenda is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER decision_corrigenda_no_delete BEFORE DELETE ON decision_corrigenda
BEGIN
  SELECT RAISE(ABORT, 'decision_corrigenda is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER decision_corrigenda_in_sequence BEFORE INSERT ON decision_corrigenda
WHEN new.number <> coalesce((SELECT max(number) FROM decision_corrigenda WHERE decision_id = new.decision_id), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'decision_corrigenda: number out of sequence');
END;
--> statement-breakpoint
UPDATE action_updates SET owner_organization_id = coalesce(
  (SELECT o.organization_id FROM action_owners o
    WHERE o.action_id = action_updates.action_id AND o.kind = 'owner'
      AND o.organization_id = action_updates.organization_id),
  (SELECT o.organization_id FROM action_owners o
    JOIN organizations g ON g.id = o.organization_id
    WHERE o.action_id = action_updates.action_id AND o.kind = 'owner'
      AND g.parent_id = action_updates.organization_id
    LIMIT 1)
) WHERE owner_organization_id IS NULL;
--> statement-breakpoint
-- 0022 rebuilt `decisions` (to add its CHECK constraints), and dropping a table drops its triggers: the
-- search index's triggers of 0020_search_fts.sql are created again, as they were.
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
