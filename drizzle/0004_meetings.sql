CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`parent_id` text,
	`position` integer NOT NULL,
	`title_es` text,
	`title_en` text,
	`starts_at` integer,
	`duration_minutes` integer,
	`presenter` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agenda_items_title_present" CHECK("agenda_items"."title_es" is not null or "agenda_items"."title_en" is not null),
	CONSTRAINT "agenda_items_duration_positive" CHECK("agenda_items"."duration_minutes" is null or "agenda_items"."duration_minutes" > 0),
	CONSTRAINT "agenda_items_position_positive" CHECK("agenda_items"."position" >= 1)
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`meeting_id`,`parent_id`,`position`);--> statement-breakpoint
CREATE TABLE `calendar_feed_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_tokens_hash_unique` ON `calendar_feed_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feed_tokens_person_idx` ON `calendar_feed_tokens` (`person_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`agenda_item_id` text,
	`number` integer NOT NULL,
	`code` text NOT NULL,
	`text_es` text,
	`text_en` text,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decisions_number_positive" CHECK("decisions"."number" >= 1),
	CONSTRAINT "decisions_text_present" CHECK("decisions"."text_es" is not null or "decisions"."text_en" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_meeting_number_unique` ON `decisions` (`meeting_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_code_unique` ON `decisions` (`code`);--> statement-breakpoint
CREATE INDEX `decisions_agenda_item_idx` ON `decisions` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `delegation_members` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`rsvp` text DEFAULT 'pending' NOT NULL,
	`attendance` text DEFAULT 'not_recorded' NOT NULL,
	`registered_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "delegation_members_role_check" CHECK("delegation_members"."role" in ('head','alternate','adviser')),
	CONSTRAINT "delegation_members_rsvp_check" CHECK("delegation_members"."rsvp" in ('pending','accepted','declined')),
	CONSTRAINT "delegation_members_attendance_check" CHECK("delegation_members"."attendance" in ('not_recorded','present','absent'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delegation_members_person_unique` ON `delegation_members` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `delegation_members_org_idx` ON `delegation_members` (`meeting_id`,`organization_id`);--> statement-breakpoint
CREATE INDEX `delegation_members_person_idx` ON `delegation_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_invitations` (
	`meeting_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `organization_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_invitations_org_idx` ON `meeting_invitations` (`organization_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`number` text,
	`title_es` text NOT NULL,
	`title_en` text NOT NULL,
	`theme_es` text,
	`theme_en` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`place` text,
	`online_url` text,
	`host_organization_id` text,
	`group_id` text,
	`openness` text DEFAULT 'open' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`registration_deadline` integer,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`host_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_kind_check" CHECK("meetings"."kind" in ('vice_ministerial','rcgm','working_group','workshop','troika','other')),
	CONSTRAINT "meetings_status_check" CHECK("meetings"."status" in ('planned','confirmed','held','cancelled')),
	CONSTRAINT "meetings_openness_check" CHECK("meetings"."openness" in ('open','members_only')),
	CONSTRAINT "meetings_dates_order" CHECK("meetings"."ends_at" >= "meetings"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `meetings_starts_idx` ON `meetings` (`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_kind_starts_idx` ON `meetings` (`kind`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_status_starts_idx` ON `meetings` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_openness_starts_idx` ON `meetings` (`openness`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_group_idx` ON `meetings` (`group_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_kind_number_unique` ON `meetings` (`kind`,`number`);--> statement-breakpoint
CREATE TABLE `minutes` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`agenda_item_id` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`comment_deadline` integer,
	`circulated_at` integer,
	`adopted_at` integer,
	`updated_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "minutes_status_check" CHECK("minutes"."status" in ('draft','circulated','adopted')),
	CONSTRAINT "minutes_revision_positive" CHECK("minutes"."revision" >= 1),
	CONSTRAINT "minutes_circulated_deadline" CHECK("minutes"."status" <> 'circulated' or "minutes"."comment_deadline" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_agenda_item_unique` ON `minutes` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `minutes_meeting_idx` ON `minutes` (`meeting_id`,`status`);--> statement-breakpoint
CREATE TABLE `minutes_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`minutes_id` text NOT NULL,
	`person_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`revision` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_comments_minutes_idx` ON `minutes_comments` (`minutes_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `minutes_errata` (
	`id` text PRIMARY KEY NOT NULL,
	`minutes_id` text NOT NULL,
	`text` text NOT NULL,
	`person_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_errata_minutes_idx` ON `minutes_errata` (`minutes_id`,`created_at`);