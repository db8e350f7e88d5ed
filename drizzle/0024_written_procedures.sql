CREATE TABLE `written_procedure_positions` (
	`id` text PRIMARY KEY NOT NULL,
	`procedure_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`version` integer NOT NULL,
	`position` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`person_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`procedure_id`) REFERENCES `written_procedures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "written_procedure_positions_position_check" CHECK("written_procedure_positions"."position" in ('agree','object','amend')),
	CONSTRAINT "written_procedure_positions_version_positive" CHECK("written_procedure_positions"."version" >= 1),
	CONSTRAINT "written_procedure_positions_reason_when_breaking" CHECK("written_procedure_positions"."position" = 'agree' or length(trim("written_procedure_positions"."reason")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `written_procedure_positions_version_unique` ON `written_procedure_positions` (`procedure_id`,`organization_id`,`version`);--> statement-breakpoint
CREATE TABLE `written_procedure_states` (
	`procedure_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`delegate_id` text,
	PRIMARY KEY(`procedure_id`, `organization_id`),
	FOREIGN KEY (`procedure_id`) REFERENCES `written_procedures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delegate_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `written_procedures` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`subject_es` text,
	`subject_en` text,
	`text_kind` text NOT NULL,
	`plan_id` text,
	`document_id` text,
	`document_version_id` text,
	`text_es` text,
	`text_en` text,
	`visibility` text DEFAULT 'members' NOT NULL,
	`deadline` integer NOT NULL,
	`original_deadline` integer NOT NULL,
	`extended_at` integer,
	`extension_reason` text,
	`status` text DEFAULT 'open' NOT NULL,
	`outcome` text,
	`closed_at` integer,
	`decision_year` integer,
	`decision_number` integer,
	`decision_code` text,
	`reminder_sent_at` integer,
	`previous_id` text,
	`launched_by_id` text NOT NULL,
	`launched_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_id`) REFERENCES `written_procedures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`launched_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "written_procedures_text_kind_check" CHECK("written_procedures"."text_kind" in ('plan','document_version','decision_text')),
	CONSTRAINT "written_procedures_visibility_check" CHECK("written_procedures"."visibility" in ('participants','members')),
	CONSTRAINT "written_procedures_status_check" CHECK("written_procedures"."status" in ('open','closed')),
	CONSTRAINT "written_procedures_outcome_check" CHECK("written_procedures"."outcome" in ('adopted','not_adopted')),
	CONSTRAINT "written_procedures_subject_present" CHECK("written_procedures"."subject_es" is not null or "written_procedures"."subject_en" is not null),
	CONSTRAINT "written_procedures_deadline_after_launch" CHECK("written_procedures"."deadline" > "written_procedures"."launched_at"),
	CONSTRAINT "written_procedures_outcome_when_closed" CHECK(("written_procedures"."status" = 'open' and "written_procedures"."outcome" is null) or ("written_procedures"."status" = 'closed' and "written_procedures"."outcome" is not null)),
	CONSTRAINT "written_procedures_text_source" CHECK(("written_procedures"."text_kind" = 'plan' and "written_procedures"."plan_id" is not null) or ("written_procedures"."text_kind" = 'document_version' and "written_procedures"."document_version_id" is not null) or ("written_procedures"."text_kind" = 'decision_text' and ("written_procedures"."text_es" is not null or "written_procedures"."text_en" is not null)))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `written_procedures_number_unique` ON `written_procedures` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `written_procedures_decision_code_unique` ON `written_procedures` (`decision_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `written_procedures_decision_number_unique` ON `written_procedures` (`decision_year`,`decision_number`);--> statement-breakpoint
CREATE INDEX `written_procedures_status_deadline_idx` ON `written_procedures` (`status`,`deadline`);