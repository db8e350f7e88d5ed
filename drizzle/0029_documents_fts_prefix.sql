-- The document library's index with prefix indexes of 3 and 4 characters (docs/decisions/0039): a
-- search word of 3+ characters is a prefix query ("migr"*), which without them merges the lists of
-- every indexed word that starts so (a 4-letter prefix of a common word: 90-200 ms over 100,000
-- documents; with them 0.1 ms). Same columns, tokenizer and rowids (documents.search_rowid): the rows
-- are copied over, so that nothing needs indexing again.
CREATE VIRTUAL TABLE documents_fts_new USING fts5(
  title,
  description,
  reference,
  tags,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3 4'
);
--> statement-breakpoint
INSERT INTO documents_fts_new (rowid, title, description, reference, tags, body)
  SELECT rowid, title, description, reference, tags, body FROM documents_fts;
--> statement-breakpoint
DROP TABLE documents_fts;
--> statement-breakpoint
ALTER TABLE documents_fts_new RENAME TO documents_fts;
