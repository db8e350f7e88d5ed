PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text,
	`procedure_id` text,
	`agenda_item_id` text,
	`number` integer NOT NULL,
	`code` text NOT NULL,
	`text_es` text,
	`text_en` text,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`status` text DEFAULT 'in_force' NOT NULL,
	`withdrawn_at` integer,
	`withdrawn_by_id` text,
	`withdrawal_reason` text,
	`revision` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`procedure_id`) REFERENCES `written_procedures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decisions_status_check" CHECK("__new_decisions"."status" in ('in_force','withdrawn')),
	CONSTRAINT "decisions_withdrawal_reason" CHECK(("__new_decisions"."status" = 'withdrawn') = ("__new_decisions"."withdrawal_reason" is not null and "__new_decisions"."withdrawn_at" is not null)),
	CONSTRAINT "decisions_number_positive" CHECK("__new_decisions"."number" >= 1),
	CONSTRAINT "decisions_text_present" CHECK("__new_decisions"."text_es" is not null or "__new_decisions"."text_en" is not null),
	CONSTRAINT "decisions_origin" CHECK(("__new_decisions"."meeting_id" is null) <> ("__new_decisions"."procedure_id" is null))
);
--> statement-breakpoint
INSERT INTO `__new_decisions`("id", "meeting_id", "procedure_id", "agenda_item_id", "number", "code", "text_es", "text_en", "created_by_id", "created_at", "status", "withdrawn_at", "withdrawn_by_id", "withdrawal_reason", "revision") SELECT "id", "meeting_id", NULL, "agenda_item_id", "number", "code", "text_es", "text_en", "created_by_id", "created_at", "status", "withdrawn_at", "withdrawn_by_id", "withdrawal_reason", "revision" FROM `decisions`;--> statement-breakpoint
DROP TABLE `decisions`;--> statement-breakpoint
ALTER TABLE `__new_decisions` RENAME TO `decisions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_meeting_number_unique` ON `decisions` (`meeting_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_code_unique` ON `decisions` (`code`);--> statement-breakpoint
CREATE INDEX `decisions_agenda_item_idx` ON `decisions` (`agenda_item_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_procedure_unique` ON `decisions` (`procedure_id`);