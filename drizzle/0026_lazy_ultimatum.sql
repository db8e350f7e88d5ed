CREATE TABLE `follows` (
	`person_id` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `record_type`, `record_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "follows_record_type_check" CHECK("follows"."record_type" in ('meeting','group','plan','document'))
);
--> statement-breakpoint
CREATE INDEX `follows_record_idx` ON `follows` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `notification_digests` (
	`person_id` text PRIMARY KEY NOT NULL,
	`last_day` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notification_events` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL,
	`dispatched_at` integer,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notification_events_kind_check" CHECK("notification_events"."kind" in ('document_new','document_version','meeting_created','meeting_changed','meeting_cancelled','minutes_circulated','minutes_adopted','action_assigned','action_validated','action_returned','round_opened','section_comment','comment_reply')),
	CONSTRAINT "notification_events_record_type_check" CHECK("notification_events"."record_type" in ('document','meeting','action','plan'))
);
--> statement-breakpoint
CREATE INDEX `notification_events_pending_idx` ON `notification_events` (`dispatched_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	PRIMARY KEY(`person_id`, `kind`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notification_preferences_kind_check" CHECK("notification_preferences"."kind" in ('document_new','document_version','meeting_created','meeting_changed','meeting_cancelled','minutes_circulated','minutes_adopted','action_assigned','action_validated','action_returned','round_opened','section_comment','comment_reply')),
	CONSTRAINT "notification_preferences_mode_check" CHECK("notification_preferences"."mode" in ('immediate','digest','off'))
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`event_id` text,
	`kind` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`mailed_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `notification_events`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notifications_kind_check" CHECK("notifications"."kind" in ('document_new','document_version','meeting_created','meeting_changed','meeting_cancelled','minutes_circulated','minutes_adopted','action_assigned','action_validated','action_returned','round_opened','section_comment','comment_reply')),
	CONSTRAINT "notifications_record_type_check" CHECK("notifications"."record_type" in ('document','meeting','action','plan'))
);
--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`person_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notifications_person_created_idx` ON `notifications` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_unmailed_idx` ON `notifications` (`mailed_at`,`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_event_person_unique` ON `notifications` (`event_id`,`person_id`);--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `failed_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `queued_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `message_id` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `headers` text;--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);