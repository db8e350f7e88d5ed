-- Delegation members without a portal account, and their logistics (drizzle/0019, decision 0028).
-- delegation_members.person_id becomes nullable: a table rebuild (SQLite cannot drop NOT NULL in place).
-- The rebuild keeps every row, its three indexes and its four foreign keys; nothing referenced the old
-- table. The migrator runs with foreign keys off (db/client.ts) and checks them all before it commits.
-- Edited by hand: the rebuild comes first and delegation_logistics, which references it, after it.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_delegation_members` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`person_id` text,
	`name` text,
	`title` text,
	`institution` text,
	`email` text,
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
	CONSTRAINT "delegation_members_role_check" CHECK("__new_delegation_members"."role" in ('head','alternate','adviser')),
	CONSTRAINT "delegation_members_rsvp_check" CHECK("__new_delegation_members"."rsvp" in ('pending','accepted','declined')),
	CONSTRAINT "delegation_members_attendance_check" CHECK("__new_delegation_members"."attendance" in ('not_recorded','present','absent')),
	CONSTRAINT "delegation_members_person_or_name" CHECK(("__new_delegation_members"."person_id" is not null and "__new_delegation_members"."name" is null and "__new_delegation_members"."title" is null and "__new_delegation_members"."institution" is null and "__new_delegation_members"."email" is null) or ("__new_delegation_members"."person_id" is null and "__new_delegation_members"."name" is not null and length(trim("__new_delegation_members"."name")) > 0))
);
--> statement-breakpoint
-- Edited by hand: drizzle-kit copied the new columns (name, title, institution, email) from the old
-- table, which does not have them. Every existing member has an account: the new columns stay null.
INSERT INTO `__new_delegation_members`("id", "meeting_id", "organization_id", "person_id", "name", "title", "institution", "email", "role", "rsvp", "attendance", "registered_by_id", "created_at", "updated_at") SELECT "id", "meeting_id", "organization_id", "person_id", NULL, NULL, NULL, NULL, "role", "rsvp", "attendance", "registered_by_id", "created_at", "updated_at" FROM `delegation_members`;--> statement-breakpoint
DROP TABLE `delegation_members`;--> statement-breakpoint
ALTER TABLE `__new_delegation_members` RENAME TO `delegation_members`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `delegation_members_person_unique` ON `delegation_members` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `delegation_members_org_idx` ON `delegation_members` (`meeting_id`,`organization_id`);--> statement-breakpoint
CREATE INDEX `delegation_members_person_idx` ON `delegation_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `delegation_logistics` (
	`member_id` text PRIMARY KEY NOT NULL,
	`arrival_at` integer,
	`departure_at` integer,
	`accessibility` text,
	`dietary` text,
	`updated_by_id` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `delegation_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "delegation_logistics_dates_order" CHECK("delegation_logistics"."arrival_at" is null or "delegation_logistics"."departure_at" is null or "delegation_logistics"."departure_at" >= "delegation_logistics"."arrival_at")
);

