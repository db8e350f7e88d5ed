-- API tokens get a scope (read: GET only; write: also changes) and every token an expiry. Written by
-- hand instead of drizzle-kit's table rebuild: SQLite adds a column with its CHECK in place. Tokens made
-- before scopes keep what they could do (write); those that never expired now expire 90 days from here.
ALTER TABLE `api_tokens` ADD `scope` text DEFAULT 'write' NOT NULL CONSTRAINT "api_tokens_scope_check" CHECK("api_tokens"."scope" in ('read','write'));--> statement-breakpoint
UPDATE `api_tokens` SET `expires_at` = CAST(unixepoch('subsec') * 1000 AS integer) + 90 * 86400000 WHERE `expires_at` IS NULL;
