CREATE TABLE `minutes_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`minutes_id` text NOT NULL,
	`revision` integer NOT NULL,
	`text` text NOT NULL,
	`saved_by_id` text,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`saved_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_revisions_unique` ON `minutes_revisions` (`minutes_id`,`revision`);