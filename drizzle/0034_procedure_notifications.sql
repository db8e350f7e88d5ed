PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notification_events` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL,
	`dispatched_at` integer,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notification_events_kind_check" CHECK("__new_notification_events"."kind" in ('document_new','document_version','meeting_created','meeting_changed','meeting_cancelled','minutes_circulated','minutes_adopted','action_assigned','action_validated','action_returned','round_opened','section_comment','comment_reply','document_translation','document_embargo_lifted','meeting_registration_near','action_due_soon','action_overdue','round_deadline_near','procedure_launched','procedure_deadline_near','procedure_closed')),
	CONSTRAINT "notification_events_record_type_check" CHECK("__new_notification_events"."record_type" in ('document','meeting','action','plan','procedure'))
);
--> statement-breakpoint
INSERT INTO `__new_notification_events`("id", "kind", "record_type", "record_id", "params", "actor_id", "created_at", "dispatched_at") SELECT "id", "kind", "record_type", "record_id", "params", "actor_id", "created_at", "dispatched_at" FROM `notification_events`;--> statement-breakpoint
DROP TABLE `notification_events`;--> statement-breakpoint
ALTER TABLE `__new_notification_events` RENAME TO `notification_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notification_events_pending_idx` ON `notification_events` (`dispatched_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_notification_preferences` (
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	PRIMARY KEY(`person_id`, `kind`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notification_preferences_kind_check" CHECK("__new_notification_preferences"."kind" in ('document_new','document_version','meeting_created','meeting_changed','meeting_cancelled','minutes_circulated','minutes_adopted','action_assigned','action_validated','action_returned','round_opened','section_comment','comment_reply','document_translation','document_embargo_lifted','meeting_registration_near','action_due_soon','action_overdue','round_deadline_near','procedure_launched','procedure_deadline_near','procedure_closed')),
	CONSTRAINT "notification_preferences_mode_check" CHECK("__new_notification_preferences"."mode" in ('immediate','digest','off'))
);
--> statement-breakpoint
INSERT INTO `__new_notification_preferences`("person_id", "kind", "mode") SELECT "person_id", "kind", "mode" FROM `notification_preferences`;--> statement-breakpoint
DROP TABLE `notification_preferences`;--> statement-breakpoint
ALTER TABLE `__new_notification_preferences` RENAME TO `notification_preferences`;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
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
	CONSTRAINT "notifications_kind_check" CHECK("__new_notifications"."kind" in ('document_new','document_version','meeting_created','meeting_changed','meeting_cancelled','minutes_circulated','minutes_adopted','action_assigned','action_validated','action_returned','round_opened','section_comment','comment_reply','document_translation','document_embargo_lifted','meeting_registration_near','action_due_soon','action_overdue','round_deadline_near','procedure_launched','procedure_deadline_near','procedure_closed')),
	CONSTRAINT "notifications_record_type_check" CHECK("__new_notifications"."record_type" in ('document','meeting','action','plan','procedure'))
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "person_id", "event_id", "kind", "record_type", "record_id", "params", "created_at", "read_at", "mailed_at") SELECT "id", "person_id", "event_id", "kind", "record_type", "record_id", "params", "created_at", "read_at", "mailed_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`person_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notifications_person_created_idx` ON `notifications` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_unmailed_idx` ON `notifications` (`mailed_at`,`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_event_person_unique` ON `notifications` (`event_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `__new_notification_timers` (
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`due_at` integer NOT NULL,
	`fired_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `record_id`, `due_at`),
	CONSTRAINT "notification_timers_kind_check" CHECK("__new_notification_timers"."kind" in ('document_new','document_version','meeting_created','meeting_changed','meeting_cancelled','minutes_circulated','minutes_adopted','action_assigned','action_validated','action_returned','round_opened','section_comment','comment_reply','document_translation','document_embargo_lifted','meeting_registration_near','action_due_soon','action_overdue','round_deadline_near','procedure_launched','procedure_deadline_near','procedure_closed'))
);
--> statement-breakpoint
INSERT INTO `__new_notification_timers`("kind", "record_id", "due_at", "fired_at") SELECT "kind", "record_id", "due_at", "fired_at" FROM `notification_timers`;--> statement-breakpoint
DROP TABLE `notification_timers`;--> statement-breakpoint
ALTER TABLE `__new_notification_timers` RENAME TO `notification_timers`;