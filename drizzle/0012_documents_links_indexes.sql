-- Completes 0011, which rebuilt `documents` (foreign keys for meeting_id and agenda_item_id) and
-- `groups` / `group_memberships` (CHECKs of their enumerations). Both run in one transaction with
-- foreign keys off (db/client.ts), as SQLite's table rebuild requires.
--
-- 1. Links that point at nothing are dropped, never the document: databases seeded before this
--    migration named meetings with labels such as 'vm-2023', which the new foreign key refuses.
UPDATE documents SET meeting_id = NULL
  WHERE meeting_id IS NOT NULL AND meeting_id NOT IN (SELECT id FROM meetings);
--> statement-breakpoint
UPDATE documents SET agenda_item_id = NULL
  WHERE agenda_item_id IS NOT NULL AND agenda_item_id NOT IN (SELECT id FROM agenda_items);
--> statement-breakpoint
-- 2. The expression indexes of 0009 (drizzle-kit does not know them, so its rebuild dropped them),
--    recreated exactly as they were.
CREATE INDEX documents_title_es_idx ON documents (coalesce(title_es, title_en) COLLATE NOCASE, reference);
--> statement-breakpoint
CREATE INDEX documents_title_en_idx ON documents (coalesce(title_en, title_es) COLLATE NOCASE, reference);
--> statement-breakpoint
CREATE INDEX documents_kind_title_es_idx ON documents (kind, coalesce(title_es, title_en) COLLATE NOCASE, reference);
--> statement-breakpoint
CREATE INDEX documents_kind_title_en_idx ON documents (kind, coalesce(title_en, title_es) COLLATE NOCASE, reference);
--> statement-breakpoint
CREATE INDEX documents_date_asc_idx ON documents (document_date IS NULL, document_date, created_at);
--> statement-breakpoint
CREATE INDEX documents_kind_date_asc_idx ON documents (kind, document_date IS NULL, document_date, created_at);
--> statement-breakpoint
-- 3. Nothing may dangle when this transaction commits: a violation fails the CHECK below and rolls the
--    whole migration back. (`documents_fts` needs nothing: its rowid is documents.search_rowid, a column
--    the rebuild copied; no trigger was defined on the rebuilt tables.)
CREATE TEMP TABLE migration_guard (
  dangling integer NOT NULL,
  CONSTRAINT no_dangling_references CHECK (dangling = 0)
);
--> statement-breakpoint
INSERT INTO migration_guard SELECT count(*) FROM pragma_foreign_key_check;
--> statement-breakpoint
DROP TABLE migration_guard;
