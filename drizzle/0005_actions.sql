CREATE TABLE `action_items` (
	`id` text PRIMARY KEY NOT NULL,
	`title_es` text,
	`title_en` text,
	`description_es` text,
	`description_en` text,
	`origin_type` text DEFAULT 'none' NOT NULL,
	`decision_id` text,
	`agenda_item_id` text,
	`meeting_id` text,
	`group_id` text,
	`plan_section_id` text,
	`due_date` text NOT NULL,
	`priority` text DEFAULT 'medium' NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`completed_at` integer,
	`created_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_items_status_check" CHECK("action_items"."status" in ('not_started','in_progress','blocked','done','cancelled')),
	CONSTRAINT "action_items_priority_check" CHECK("action_items"."priority" in ('low','medium','high')),
	CONSTRAINT "action_items_origin_check" CHECK("action_items"."origin_type" in ('decision','agenda_item','group','plan_section','none')),
	CONSTRAINT "action_items_origin_ids" CHECK(("action_items"."origin_type" <> 'decision' or "action_items"."decision_id" is not null)
        and ("action_items"."origin_type" <> 'agenda_item' or "action_items"."agenda_item_id" is not null)
        and ("action_items"."origin_type" <> 'group' or "action_items"."group_id" is not null)
        and ("action_items"."origin_type" <> 'plan_section' or "action_items"."plan_section_id" is not null)),
	CONSTRAINT "action_items_progress_range" CHECK("action_items"."progress" between 0 and 100),
	CONSTRAINT "action_items_done_complete" CHECK("action_items"."status" <> 'done' or "action_items"."progress" = 100),
	CONSTRAINT "action_items_revision_positive" CHECK("action_items"."revision" >= 1),
	CONSTRAINT "action_items_due_date_format" CHECK("action_items"."due_date" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' and date("action_items"."due_date") = "action_items"."due_date"),
	CONSTRAINT "action_items_title_present" CHECK("action_items"."title_es" is not null or "action_items"."title_en" is not null)
);
--> statement-breakpoint
CREATE INDEX `action_items_status_due_idx` ON `action_items` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `action_items_due_idx` ON `action_items` (`due_date`);--> statement-breakpoint
CREATE INDEX `action_items_meeting_idx` ON `action_items` (`meeting_id`,`status`);--> statement-breakpoint
CREATE INDEX `action_items_group_idx` ON `action_items` (`group_id`);--> statement-breakpoint
CREATE INDEX `action_items_decision_idx` ON `action_items` (`decision_id`);--> statement-breakpoint
CREATE INDEX `action_items_agenda_item_idx` ON `action_items` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `action_items_updated_idx` ON `action_items` (`updated_at`);--> statement-breakpoint
CREATE TABLE `action_owners` (
	`action_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`focal_person_id` text,
	`kind` text NOT NULL,
	PRIMARY KEY(`action_id`, `organization_id`),
	FOREIGN KEY (`action_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`focal_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_owners_kind_check" CHECK("action_owners"."kind" in ('owner','supporting')),
	CONSTRAINT "action_owners_focal_owner_only" CHECK("action_owners"."kind" = 'owner' or "action_owners"."focal_person_id" is null)
);
--> statement-breakpoint
CREATE INDEX `action_owners_org_idx` ON `action_owners` (`organization_id`,`kind`,`action_id`);--> statement-breakpoint
CREATE TABLE `action_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` text NOT NULL,
	`kind` text NOT NULL,
	`sent_at` integer NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_reminders_kind_check" CHECK("action_reminders"."kind" in ('due_soon','overdue'))
);
--> statement-breakpoint
CREATE INDEX `action_reminders_action_idx` ON `action_reminders` (`action_id`,`kind`,`sent_at`);--> statement-breakpoint
CREATE TABLE `action_update_evidence` (
	`update_id` text NOT NULL,
	`document_id` text NOT NULL,
	PRIMARY KEY(`update_id`, `document_id`),
	FOREIGN KEY (`update_id`) REFERENCES `action_updates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_update_evidence_document_idx` ON `action_update_evidence` (`document_id`);--> statement-breakpoint
CREATE TABLE `action_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`author_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`revision` integer NOT NULL,
	`validation` text,
	`validated_by_id` text,
	`validated_at` integer,
	`validation_comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`validated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_updates_status_check" CHECK("action_updates"."status" in ('not_started','in_progress','blocked','done','cancelled')),
	CONSTRAINT "action_updates_progress_range" CHECK("action_updates"."progress" between 0 and 100),
	CONSTRAINT "action_updates_validation_check" CHECK("action_updates"."validation" is null or "action_updates"."validation" in ('pending','validated','returned')),
	CONSTRAINT "action_updates_validation_done_only" CHECK(("action_updates"."status" = 'done') = ("action_updates"."validation" is not null)),
	CONSTRAINT "action_updates_validated_by" CHECK("action_updates"."validation" is null or "action_updates"."validation" = 'pending' or ("action_updates"."validated_by_id" is not null and "action_updates"."validated_at" is not null))
);
--> statement-breakpoint
CREATE INDEX `action_updates_action_idx` ON `action_updates` (`action_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `action_updates_validation_idx` ON `action_updates` (`validation`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `action_updates_one_pending` ON `action_updates` (`action_id`) WHERE validation = 'pending';