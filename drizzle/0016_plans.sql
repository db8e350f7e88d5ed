CREATE TABLE `plan_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`section_id` text NOT NULL,
	`parent_id` text,
	`quote` text,
	`lang` text NOT NULL,
	`revision_number` integer,
	`body` text NOT NULL,
	`author_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by_id` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `plan_comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_comments_lang_check" CHECK("plan_comments"."lang" in ('es','en')),
	CONSTRAINT "plan_comments_reply_not_resolved" CHECK("plan_comments"."parent_id" is null or "plan_comments"."resolved_at" is null)
);
--> statement-breakpoint
CREATE INDEX `plan_comments_section_idx` ON `plan_comments` (`section_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `plan_comments_plan_idx` ON `plan_comments` (`plan_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `plan_comments_parent_idx` ON `plan_comments` (`parent_id`);--> statement-breakpoint
CREATE TABLE `plan_section_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`section_id` text NOT NULL,
	`number` integer NOT NULL,
	`lang` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text,
	`organization_id` text,
	`note` text DEFAULT '' NOT NULL,
	`base_number` integer,
	`merged` integer DEFAULT false NOT NULL,
	`translates_number` integer,
	`suggestion_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_section_revisions_lang_check" CHECK("plan_section_revisions"."lang" in ('es','en')),
	CONSTRAINT "plan_section_revisions_number_positive" CHECK("plan_section_revisions"."number" >= 1),
	CONSTRAINT "plan_section_revisions_base_before" CHECK("plan_section_revisions"."base_number" is null or ("plan_section_revisions"."base_number" >= 1 and "plan_section_revisions"."base_number" < "plan_section_revisions"."number"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_section_revisions_number_unique` ON `plan_section_revisions` (`section_id`,`number`);--> statement-breakpoint
CREATE INDEX `plan_section_revisions_lang_idx` ON `plan_section_revisions` (`section_id`,`lang`,`number`);--> statement-breakpoint
CREATE TABLE `plan_sections` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`parent_id` text,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title_es` text,
	`title_en` text,
	`lead_drafter_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_drafter_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_sections_kind_check" CHECK("plan_sections"."kind" in ('chapter','objective','line','activity')),
	CONSTRAINT "plan_sections_status_check" CHECK("plan_sections"."status" in ('draft','in_consultation','agreed_ad_referendum','agreed')),
	CONSTRAINT "plan_sections_position_positive" CHECK("plan_sections"."position" >= 1),
	CONSTRAINT "plan_sections_not_own_parent" CHECK("plan_sections"."parent_id" is null or "plan_sections"."parent_id" <> "plan_sections"."id")
);
--> statement-breakpoint
CREATE INDEX `plan_sections_plan_idx` ON `plan_sections` (`plan_id`,`parent_id`,`position`);--> statement-breakpoint
CREATE INDEX `plan_sections_parent_idx` ON `plan_sections` (`parent_id`);--> statement-breakpoint
CREATE TABLE `plan_stage_history` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`from_stage` text,
	`stage` text NOT NULL,
	`by_id` text,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_stage_history_stage_check" CHECK("plan_stage_history"."stage" in ('mandate','drafting','institutional_consultation','validation_workshop','consolidated_draft','approved','published')),
	CONSTRAINT "plan_stage_history_from_check" CHECK("plan_stage_history"."from_stage" is null or "plan_stage_history"."from_stage" in ('mandate','drafting','institutional_consultation','validation_workshop','consolidated_draft','approved','published'))
);
--> statement-breakpoint
CREATE INDEX `plan_stage_history_plan_idx` ON `plan_stage_history` (`plan_id`,`at`);--> statement-breakpoint
CREATE TABLE `plan_suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`section_id` text NOT NULL,
	`lang` text NOT NULL,
	`base_number` integer NOT NULL,
	`quote` text,
	`replacement` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`author_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by_id` text,
	`decided_at` integer,
	`reason` text,
	`revision_number` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_suggestions_lang_check" CHECK("plan_suggestions"."lang" in ('es','en')),
	CONSTRAINT "plan_suggestions_status_check" CHECK("plan_suggestions"."status" in ('pending','accepted','rejected')),
	CONSTRAINT "plan_suggestions_decided" CHECK("plan_suggestions"."status" = 'pending' or ("plan_suggestions"."decided_by_id" is not null and "plan_suggestions"."decided_at" is not null)),
	CONSTRAINT "plan_suggestions_rejected_reason" CHECK("plan_suggestions"."status" <> 'rejected' or ("plan_suggestions"."reason" is not null and length(trim("plan_suggestions"."reason")) > 0))
);
--> statement-breakpoint
CREATE INDEX `plan_suggestions_section_idx` ON `plan_suggestions` (`section_id`,`status`);--> statement-breakpoint
CREATE INDEX `plan_suggestions_plan_idx` ON `plan_suggestions` (`plan_id`,`status`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`title_es` text,
	`title_en` text,
	`stage` text DEFAULT 'drafting' NOT NULL,
	`original_language` text DEFAULT 'es' NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plans_stage_check" CHECK("plans"."stage" in ('mandate','drafting','institutional_consultation','validation_workshop','consolidated_draft','approved','published')),
	CONSTRAINT "plans_original_language_check" CHECK("plans"."original_language" in ('es','en')),
	CONSTRAINT "plans_title_present" CHECK("plans"."title_es" is not null or "plans"."title_en" is not null)
);
--> statement-breakpoint
CREATE INDEX `plans_group_idx` ON `plans` (`group_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_group_memberships` (
	`group_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text DEFAULT 'reader' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`group_id`, `person_id`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "group_memberships_role_check" CHECK("__new_group_memberships"."role" in ('chair','drafter','commenter','reader'))
);
--> statement-breakpoint
-- Edited by hand: the roles were chair, member, drafter; a member becomes a commenter (what members
-- could do, reading and commenting, without gaining the right to edit texts).
INSERT INTO `__new_group_memberships`("group_id", "person_id", "role", "created_at") SELECT "group_id", "person_id", CASE "role" WHEN 'member' THEN 'commenter' ELSE "role" END, "created_at" FROM `group_memberships`;--> statement-breakpoint
DROP TABLE `group_memberships`;--> statement-breakpoint
ALTER TABLE `__new_group_memberships` RENAME TO `group_memberships`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `group_memberships_person_idx` ON `group_memberships` (`person_id`);--> statement-breakpoint
CREATE TABLE `__new_action_items` (
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
	FOREIGN KEY (`plan_section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_items_status_check" CHECK("__new_action_items"."status" in ('not_started','in_progress','blocked','done','cancelled')),
	CONSTRAINT "action_items_priority_check" CHECK("__new_action_items"."priority" in ('low','medium','high')),
	CONSTRAINT "action_items_origin_check" CHECK("__new_action_items"."origin_type" in ('decision','agenda_item','group','plan_section','none')),
	CONSTRAINT "action_items_origin_ids" CHECK(("__new_action_items"."origin_type" <> 'decision' or "__new_action_items"."decision_id" is not null)
        and ("__new_action_items"."origin_type" <> 'agenda_item' or "__new_action_items"."agenda_item_id" is not null)
        and ("__new_action_items"."origin_type" <> 'group' or "__new_action_items"."group_id" is not null)
        and ("__new_action_items"."origin_type" <> 'plan_section' or "__new_action_items"."plan_section_id" is not null)),
	CONSTRAINT "action_items_progress_range" CHECK("__new_action_items"."progress" between 0 and 100),
	CONSTRAINT "action_items_done_complete" CHECK("__new_action_items"."status" <> 'done' or "__new_action_items"."progress" = 100),
	CONSTRAINT "action_items_revision_positive" CHECK("__new_action_items"."revision" >= 1),
	CONSTRAINT "action_items_due_date_format" CHECK("__new_action_items"."due_date" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' and date("__new_action_items"."due_date") = "__new_action_items"."due_date"),
	CONSTRAINT "action_items_title_present" CHECK("__new_action_items"."title_es" is not null or "__new_action_items"."title_en" is not null)
);
--> statement-breakpoint
-- Edited by hand: no plan existed before this migration, so every plan_section_id points at nothing
-- and the new foreign key would refuse it. The reference is kept as a tag (plan-section:<old value>)
-- and the action's origin becomes none; nothing else changes.
INSERT INTO `__new_action_items`("id", "title_es", "title_en", "description_es", "description_en", "origin_type", "decision_id", "agenda_item_id", "meeting_id", "group_id", "plan_section_id", "due_date", "priority", "status", "progress", "tags", "revision", "completed_at", "created_by_id", "created_at", "updated_at") SELECT "id", "title_es", "title_en", "description_es", "description_en", CASE WHEN "plan_section_id" IS NOT NULL AND "origin_type" = 'plan_section' THEN 'none' ELSE "origin_type" END, "decision_id", "agenda_item_id", "meeting_id", "group_id", NULL, "due_date", "priority", "status", "progress", CASE WHEN "plan_section_id" IS NOT NULL THEN json_insert("tags", '$[#]', 'plan-section:' || "plan_section_id") ELSE "tags" END, "revision", "completed_at", "created_by_id", "created_at", "updated_at" FROM `action_items`;--> statement-breakpoint
DROP TABLE `action_items`;--> statement-breakpoint
ALTER TABLE `__new_action_items` RENAME TO `action_items`;--> statement-breakpoint
CREATE INDEX `action_items_status_due_idx` ON `action_items` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `action_items_due_idx` ON `action_items` (`due_date`);--> statement-breakpoint
CREATE INDEX `action_items_meeting_idx` ON `action_items` (`meeting_id`,`status`);--> statement-breakpoint
CREATE INDEX `action_items_group_idx` ON `action_items` (`group_id`);--> statement-breakpoint
CREATE INDEX `action_items_decision_idx` ON `action_items` (`decision_id`);--> statement-breakpoint
CREATE INDEX `action_items_agenda_item_idx` ON `action_items` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `action_items_plan_section_idx` ON `action_items` (`plan_section_id`);--> statement-breakpoint
CREATE INDEX `action_items_updated_idx` ON `action_items` (`updated_at`);--> statement-breakpoint
CREATE INDEX `action_items_board_idx` ON `action_items` (`id`,`status`,`due_date`,`meeting_id`);