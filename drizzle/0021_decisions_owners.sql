CREATE TABLE `action_report_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`person_id` text NOT NULL,
	`fields` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_report_drafts_person_idx` ON `action_report_drafts` (`person_id`,`action_id`);--> statement-breakpoint
CREATE TABLE `decision_corrigenda` (
	`id` text PRIMARY KEY NOT NULL,
	`decision_id` text NOT NULL,
	`number` integer NOT NULL,
	`previous_text_es` text,
	`previous_text_en` text,
	`text_es` text,
	`text_en` text,
	`reason` text NOT NULL,
	`person_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decision_corrigenda_number_positive" CHECK("decision_corrigenda"."number" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_corrigenda_number_unique` ON `decision_corrigenda` (`decision_id`,`number`);--> statement-breakpoint
DROP INDEX `action_updates_one_pending`;--> statement-breakpoint
ALTER TABLE `action_updates` ADD `owner_organization_id` text REFERENCES organizations(id);--> statement-breakpoint
CREATE UNIQUE INDEX `action_updates_one_pending_per_owner` ON `action_updates` (`action_id`,`owner_organization_id`) WHERE validation = 'pending';--> statement-breakpoint
CREATE INDEX `action_updates_owner_idx` ON `action_updates` (`action_id`,`owner_organization_id`,`revision`);--> statement-breakpoint
ALTER TABLE `decisions` ADD `status` text DEFAULT 'in_force' NOT NULL;--> statement-breakpoint
ALTER TABLE `decisions` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `decisions` ADD `withdrawn_by_id` text REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `decisions` ADD `withdrawal_reason` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `revision` integer DEFAULT 1 NOT NULL;