PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_group_memberships` (
	`group_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`group_id`, `person_id`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "group_memberships_role_check" CHECK("__new_group_memberships"."role" in ('chair','member','drafter'))
);
--> statement-breakpoint
INSERT INTO `__new_group_memberships`("group_id", "person_id", "role", "created_at") SELECT "group_id", "person_id", "role", "created_at" FROM `group_memberships`;--> statement-breakpoint
DROP TABLE `group_memberships`;--> statement-breakpoint
ALTER TABLE `__new_group_memberships` RENAME TO `group_memberships`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `group_memberships_person_idx` ON `group_memberships` (`person_id`);--> statement-breakpoint
CREATE TABLE `__new_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`name_es` text NOT NULL,
	`name_en` text NOT NULL,
	`description_es` text,
	`description_en` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "groups_kind_check" CHECK("__new_groups"."kind" in ('working_group','network','ad_hoc','coalition','drafting_group'))
);
--> statement-breakpoint
INSERT INTO `__new_groups`("id", "slug", "kind", "name_es", "name_en", "description_es", "description_en", "active", "created_at") SELECT "id", "slug", "kind", "name_es", "name_en", "description_es", "description_en", "active", "created_at" FROM `groups`;--> statement-breakpoint
DROP TABLE `groups`;--> statement-breakpoint
ALTER TABLE `__new_groups` RENAME TO `groups`;--> statement-breakpoint
CREATE UNIQUE INDEX `groups_slug_unique` ON `groups` (`slug`);--> statement-breakpoint
CREATE TABLE `__new_documents` (
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
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`deleted_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_kind_check" CHECK("__new_documents"."kind" in ('declaration','decision','conclusions_recommendations','report','work_plan','guideline','concept_note','minutes','presentation','study','other')),
	CONSTRAINT "documents_visibility_check" CHECK("__new_documents"."visibility" in ('public','participants','members','group','secretariat')),
	CONSTRAINT "documents_original_language_check" CHECK("__new_documents"."original_language" in ('es','en','fr','pt')),
	CONSTRAINT "documents_group_required" CHECK("__new_documents"."visibility" <> 'group' or "__new_documents"."group_id" is not null),
	CONSTRAINT "documents_title_present" CHECK("__new_documents"."title_es" is not null or "__new_documents"."title_en" is not null),
	CONSTRAINT "documents_version_positive" CHECK("__new_documents"."current_version" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_documents`("id", "reference", "search_rowid", "title_es", "title_en", "original_language", "kind", "description", "document_date", "owner_organization_id", "uploaded_by_id", "visibility", "group_id", "embargo_until", "meeting_id", "agenda_item_id", "tags", "current_version", "deleted_at", "deleted_by_id", "created_at", "updated_at") SELECT "id", "reference", "search_rowid", "title_es", "title_en", "original_language", "kind", "description", "document_date", "owner_organization_id", "uploaded_by_id", "visibility", "group_id", "embargo_until", "meeting_id", "agenda_item_id", "tags", "current_version", "deleted_at", "deleted_by_id", "created_at", "updated_at" FROM `documents`;--> statement-breakpoint
DROP TABLE `documents`;--> statement-breakpoint
ALTER TABLE `__new_documents` RENAME TO `documents`;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_reference_unique` ON `documents` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_search_rowid_unique` ON `documents` (`search_rowid`);--> statement-breakpoint
CREATE INDEX `documents_visibility_idx` ON `documents` (`visibility`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_owner_idx` ON `documents` (`owner_organization_id`);--> statement-breakpoint
CREATE INDEX `documents_group_idx` ON `documents` (`group_id`);--> statement-breakpoint
CREATE INDEX `documents_meeting_idx` ON `documents` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `documents_kind_date_idx` ON `documents` (`kind`,`document_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_date_idx` ON `documents` (`document_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_created_idx` ON `documents` (`created_at`);--> statement-breakpoint
CREATE INDEX `documents_kind_created_idx` ON `documents` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_kind_reference_idx` ON `documents` (`kind`,`reference`);