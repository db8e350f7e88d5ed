PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_mail_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`next_attempt_at` integer,
	`lease_until` integer,
	`failed_at` integer,
	`queued_at` integer,
	`message_id` text,
	`headers` text,
	CONSTRAINT "mail_outbox_status_check" CHECK("__new_mail_outbox"."status" in ('pending','sending','sent','failed'))
);
--> statement-breakpoint
INSERT INTO `__new_mail_outbox`("id", "to", "subject", "text", "html", "kind", "created_at", "sent_at", "attempts", "last_error", "status", "next_attempt_at", "lease_until", "failed_at", "queued_at", "message_id", "headers") SELECT "id", "to", "subject", "text", "html", "kind", "created_at", "sent_at", "attempts", "last_error", "status", "next_attempt_at", "lease_until", "failed_at", "queued_at", "message_id", "headers" FROM `mail_outbox`;--> statement-breakpoint
DROP TABLE `mail_outbox`;--> statement-breakpoint
ALTER TABLE `__new_mail_outbox` RENAME TO `mail_outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `mail_outbox_created_idx` ON `mail_outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);