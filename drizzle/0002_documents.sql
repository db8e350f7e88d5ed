CREATE TABLE `document_downloads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`language` text NOT NULL,
	`person_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_downloads_document_idx` ON `document_downloads` (`document_id`,`at`);--> statement-breakpoint
CREATE TABLE `document_files` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`language` text NOT NULL,
	`is_original` integer DEFAULT false NOT NULL,
	`storage_key` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`mime_type` text NOT NULL,
	`filename` text NOT NULL,
	`text_status` text DEFAULT 'pending' NOT NULL,
	`extracted_text` text,
	`uploaded_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "document_files_language_check" CHECK("document_files"."language" in ('es','en','fr','pt')),
	CONSTRAINT "document_files_text_status_check" CHECK("document_files"."text_status" in ('pending','done','failed','none')),
	CONSTRAINT "document_files_size_positive" CHECK("document_files"."size" > 0),
	CONSTRAINT "document_files_sha256_format" CHECK(length("document_files"."sha256") = 64 and "document_files"."storage_key" = "document_files"."sha256")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_files_version_language_unique` ON `document_files` (`version_id`,`language`);--> statement-breakpoint
CREATE INDEX `document_files_storage_idx` ON `document_files` (`storage_key`);--> statement-breakpoint
CREATE INDEX `document_files_language_idx` ON `document_files` (`language`,`version_id`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`number` integer NOT NULL,
	`note` text,
	`uploaded_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "document_versions_number_positive" CHECK("document_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_number_unique` ON `document_versions` (`document_id`,`number`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`search_rowid` integer NOT NULL,
	`title_es` text,
	`title_en` text,
	`original_language` text NOT NULL,
	`kind` text NOT NULL,
	`description` text,
	`document_date` text,
	`owner_organization_id` text NOT NULL,
	`uploaded_by_id` text NOT NULL,
	`visibility` text NOT NULL,
	`group_id` text,
	`embargo_until` integer,
	`meeting_id` text,
	`agenda_item_id` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`current_version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`deleted_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_kind_check" CHECK("documents"."kind" in ('declaration','decision','conclusions_recommendations','report','work_plan','guideline','concept_note','minutes','presentation','study','other')),
	CONSTRAINT "documents_visibility_check" CHECK("documents"."visibility" in ('public','participants','members','group','secretariat')),
	CONSTRAINT "documents_original_language_check" CHECK("documents"."original_language" in ('es','en','fr','pt')),
	CONSTRAINT "documents_group_required" CHECK("documents"."visibility" <> 'group' or "documents"."group_id" is not null),
	CONSTRAINT "documents_title_present" CHECK("documents"."title_es" is not null or "documents"."title_en" is not null),
	CONSTRAINT "documents_version_positive" CHECK("documents"."current_version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_reference_unique` ON `documents` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_search_rowid_unique` ON `documents` (`search_rowid`);--> statement-breakpoint
CREATE INDEX `documents_visibility_idx` ON `documents` (`visibility`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_owner_idx` ON `documents` (`owner_organization_id`);--> statement-breakpoint
CREATE INDEX `documents_group_idx` ON `documents` (`group_id`);--> statement-breakpoint
CREATE INDEX `documents_meeting_idx` ON `documents` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `documents_kind_date_idx` ON `documents` (`kind`,`document_date`);--> statement-breakpoint
CREATE INDEX `documents_date_idx` ON `documents` (`document_date`);--> statement-breakpoint
CREATE INDEX `documents_created_idx` ON `documents` (`created_at`);