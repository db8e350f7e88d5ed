-- Written procedures (drizzle/0021): a state's positions are append-only and numbered in sequence, the
-- circulated text is frozen from launch on, and a closed procedure (its outcome, its decision code)
-- never changes again, so that no code path can rewrite what was circulated or decided.
CREATE TRIGGER written_procedure_positions_no_update BEFORE UPDATE ON written_procedure_positions
BEGIN
  SELECT RAISE(ABORT, 'written_procedure_positions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER written_procedure_positions_no_delete BEFORE DELETE ON written_procedure_positions
BEGIN
  SELECT RAISE(ABORT, 'written_procedure_positions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER written_procedure_positions_in_sequence BEFORE INSERT ON written_procedure_positions
WHEN new.version <> coalesce((SELECT max(version) FROM written_procedure_positions
  WHERE procedure_id = new.procedure_id AND organization_id = new.organization_id), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'written_procedure_positions: version out of sequence');
END;
--> statement-breakpoint
CREATE TRIGGER written_procedures_text_frozen BEFORE UPDATE OF text_kind, plan_id, document_id, document_version_id, text_es, text_en ON written_procedures
BEGIN
  SELECT RAISE(ABORT, 'written_procedures: the circulated text is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER written_procedures_closed_final BEFORE UPDATE ON written_procedures
WHEN old.status = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'written_procedures: a closed procedure is final');
END;
--> statement-breakpoint
CREATE TRIGGER written_procedures_no_delete BEFORE DELETE ON written_procedures
BEGIN
  SELECT RAISE(ABORT, 'written_procedures are never deleted');
END;
