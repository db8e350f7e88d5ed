CREATE TABLE `plan_publications` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`document_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`stage` text NOT NULL,
	`visibility` text NOT NULL,
	`published_by_id` text NOT NULL,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_publications_stage_check" CHECK("plan_publications"."stage" in ('mandate','drafting','institutional_consultation','validation_workshop','consolidated_draft','approved','published')),
	CONSTRAINT "plan_publications_visibility_check" CHECK("plan_publications"."visibility" in ('public','participants','members','group','secretariat'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_publications_version_unique` ON `plan_publications` (`document_id`,`version_number`);--> statement-breakpoint
CREATE INDEX `plan_publications_plan_idx` ON `plan_publications` (`plan_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `plan_round_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`section_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`author_id` text NOT NULL,
	`quote` text,
	`body` text NOT NULL,
	`lang` text NOT NULL,
	`revision_number` integer,
	`created_at` integer NOT NULL,
	`response` text,
	`outcome` text,
	`responded_by_id` text,
	`responded_at` integer,
	FOREIGN KEY (`round_id`) REFERENCES `plan_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_round_comments_lang_check" CHECK("plan_round_comments"."lang" in ('es','en')),
	CONSTRAINT "plan_round_comments_outcome_check" CHECK("plan_round_comments"."outcome" is null or "plan_round_comments"."outcome" in ('incorporated','partially_incorporated','not_incorporated','noted')),
	CONSTRAINT "plan_round_comments_responded" CHECK(("plan_round_comments"."outcome" is null) = ("plan_round_comments"."responded_at" is null) and ("plan_round_comments"."responded_at" is null) = ("plan_round_comments"."responded_by_id" is null))
);
--> statement-breakpoint
CREATE INDEX `plan_round_comments_round_idx` ON `plan_round_comments` (`round_id`,`organization_id`);--> statement-breakpoint
CREATE INDEX `plan_round_comments_section_idx` ON `plan_round_comments` (`section_id`);--> statement-breakpoint
CREATE TABLE `plan_round_organizations` (
	`round_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`submitted_at` integer,
	`submitted_by_id` text,
	PRIMARY KEY(`round_id`, `organization_id`),
	FOREIGN KEY (`round_id`) REFERENCES `plan_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_round_organizations_submitted" CHECK(("plan_round_organizations"."submitted_at" is null) = ("plan_round_organizations"."submitted_by_id" is null))
);
--> statement-breakpoint
CREATE INDEX `plan_round_organizations_org_idx` ON `plan_round_organizations` (`organization_id`);--> statement-breakpoint
CREATE TABLE `plan_round_sections` (
	`round_id` text NOT NULL,
	`section_id` text NOT NULL,
	PRIMARY KEY(`round_id`, `section_id`),
	FOREIGN KEY (`round_id`) REFERENCES `plan_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plan_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`number` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`whole_plan` integer DEFAULT true NOT NULL,
	`deadline` integer NOT NULL,
	`opened_by_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	`closed_by_id` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_rounds_number_positive" CHECK("plan_rounds"."number" >= 1),
	CONSTRAINT "plan_rounds_deadline_after_opening" CHECK("plan_rounds"."deadline" > "plan_rounds"."opened_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_rounds_number_unique` ON `plan_rounds` (`plan_id`,`number`);--> statement-breakpoint
CREATE INDEX `plan_rounds_deadline_idx` ON `plan_rounds` (`deadline`);--> statement-breakpoint
CREATE TABLE `plan_section_responsibles` (
	`section_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`role` text DEFAULT 'lead' NOT NULL,
	PRIMARY KEY(`section_id`, `organization_id`),
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_section_responsibles_role_check" CHECK("plan_section_responsibles"."role" in ('lead','support'))
);
--> statement-breakpoint
CREATE INDEX `plan_section_responsibles_org_idx` ON `plan_section_responsibles` (`organization_id`);--> statement-breakpoint
-- plan_sections gains the implementation matrix's columns by ALTER TABLE (hand-written: the generated
-- table rebuild copied columns the old table does not have); the time frame is checked in order.
ALTER TABLE `plan_sections` ADD `indicator_es` text;--> statement-breakpoint
ALTER TABLE `plan_sections` ADD `indicator_en` text;--> statement-breakpoint
ALTER TABLE `plan_sections` ADD `start_date` text;--> statement-breakpoint
ALTER TABLE `plan_sections` ADD `end_date` text CONSTRAINT "plan_sections_time_frame" CHECK("start_date" is null or "end_date" is null or "start_date" <= "end_date");--> statement-breakpoint
ALTER TABLE `plans` ADD `document_id` text REFERENCES documents(id);--> statement-breakpoint
-- Publications are a record: never rewritten, never removed.
CREATE TRIGGER plan_publications_no_update BEFORE UPDATE ON plan_publications
BEGIN
  SELECT RAISE(ABORT, 'plan_publications is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER plan_publications_no_delete BEFORE DELETE ON plan_publications
BEGIN
  SELECT RAISE(ABORT, 'plan_publications is append-only');
END;
