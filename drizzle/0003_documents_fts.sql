-- Full-text index of the document library. One row per document, rowid = documents.search_rowid.
-- Maintained by app/modules/search (title, description, reference, tags, and the text extracted from
-- the files of the current version). unicode61 with remove_diacritics 2 folds accents in the index and
-- in queries alike: "trafico" finds "tráfico".
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title,
  description,
  reference,
  tags,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);
