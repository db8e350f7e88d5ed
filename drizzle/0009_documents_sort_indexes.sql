-- The library's other sorts (app/modules/documents/documents.server.ts orderFor), alone and after a kind
-- filter, so that a page is read in order instead of sorting every visible document: the title in either
-- language, and oldest first with undated documents last. Expression indexes are written here by hand
-- (drizzle-kit splits expressions with commas); each expression is exactly the ORDER BY's, or SQLite
-- cannot use it.
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
