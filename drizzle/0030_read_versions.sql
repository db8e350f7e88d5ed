-- Versions of what cached reads are computed from (docs/decisions/0039): the follow-up board's and the
-- dashboard's counts of action items are kept per version, per visibility bucket (the member side, or
-- the organization an observer speaks for) and per day (overdue depends on it), and computed again only
-- when a write below changed the version. Kept by triggers, so that no write path can forget them; one
-- row per name, read in one lookup, shared by every process over the file.
CREATE TABLE read_versions (
  name text PRIMARY KEY NOT NULL,
  version integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO read_versions (name, version) VALUES ('actions', 0);
--> statement-breakpoint
CREATE TRIGGER action_items_actions_version_insert AFTER INSERT ON action_items
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER action_items_actions_version_update AFTER UPDATE ON action_items
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER action_items_actions_version_delete AFTER DELETE ON action_items
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER action_owners_actions_version_insert AFTER INSERT ON action_owners
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER action_owners_actions_version_update AFTER UPDATE ON action_owners
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER action_owners_actions_version_delete AFTER DELETE ON action_owners
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER action_updates_actions_version_insert AFTER INSERT ON action_updates
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER action_updates_actions_version_update AFTER UPDATE OF validation, action_id ON action_updates
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER action_updates_actions_version_delete AFTER DELETE ON action_updates
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER meetings_actions_version_insert AFTER INSERT ON meetings
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER meetings_actions_version_update AFTER UPDATE OF openness, group_id ON meetings
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER meetings_actions_version_delete AFTER DELETE ON meetings
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER decisions_actions_version_insert AFTER INSERT ON decisions
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER decisions_actions_version_update AFTER UPDATE OF meeting_id ON decisions
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER decisions_actions_version_delete AFTER DELETE ON decisions
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER organizations_actions_version_insert AFTER INSERT ON organizations
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER organizations_actions_version_update AFTER UPDATE OF parent_id, kind ON organizations
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
--> statement-breakpoint
CREATE TRIGGER organizations_actions_version_delete AFTER DELETE ON organizations
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = 'actions';
END;
