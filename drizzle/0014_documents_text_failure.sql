-- Why a file's text was not extracted. Written by hand instead of drizzle-kit's table rebuild
-- (which selected the new column from the old table): SQLite adds a column with its CHECK in place, and
-- the table keeps everything else (indexes, the FTS triggers of the documents).
ALTER TABLE `document_files` ADD `text_failure` text CONSTRAINT "document_files_text_failure_check" CHECK("document_files"."text_failure" in ('too_large','inflated_too_large','timeout','memory','unreadable','interrupted','text_truncated'));
