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
