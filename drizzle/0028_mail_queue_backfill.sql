-- The mail queue (docs/decisions/0031-mail-queue.md): messages sent before it existed are 'sent';
-- the unsent ones wait for their next attempt now (the old loop gave up after 5 tries and said nothing),
-- with a fresh retry window.
UPDATE `mail_outbox` SET `status` = 'sent' WHERE `sent_at` IS NOT NULL;--> statement-breakpoint
UPDATE `mail_outbox` SET `status` = 'pending', `next_attempt_at` = NULL, `attempts` = 0, `queued_at` = unixepoch('subsec') * 1000 WHERE `sent_at` IS NULL;
