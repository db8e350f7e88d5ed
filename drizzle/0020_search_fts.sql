-- Full-text indexes of everything /search finds besides documents (those are in documents_fts, kept by
-- app/modules/search): meetings, agenda items, decisions, action items, plans, plan sections, people.
-- Kept by the triggers below, so that no code path can forget them. FTS5 needs integer rowids and these
-- tables have text ids (their implicit rowids change on VACUUM or a table rebuild), so
-- search_fts_keys gives each record a stable integer key, which is the rowid of its index row.
-- unicode61 with remove_diacritics 2 folds accents, as documents_fts does. The private-use characters
-- U+E000/U+E001 (char(57344), char(57345)) mark the highlighted words of snippets: they are replaced
-- by spaces on the way in, so that a stored text cannot forge a highlight.
-- A plan section's row holds only the latest text of each language (an insert of a revision replaces
-- that language's text), so the index stays as small as the plans, whatever their history.
-- Visibility is not here: the queries (app/modules/search/records.server.ts) apply the same SQL rules
-- as the lists, and people never carry their e-mail or phone into the index.
CREATE TABLE search_fts_keys (
  id integer PRIMARY KEY,
  type text NOT NULL,
  record_id text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX search_fts_keys_record_unique ON search_fts_keys (type, record_id);
--> statement-breakpoint
CREATE VIRTUAL TABLE meetings_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE agenda_items_fts USING fts5(title, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE decisions_fts USING fts5(code, body, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE action_items_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE plans_fts USING fts5(title, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE plan_sections_fts USING fts5(title, text_es, text_en, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE people_fts USING fts5(name, organization, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
-- Meetings: number and titles; theme and place.
CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings
BEGIN
  INSERT OR IGNORE INTO search_fts_keys (type, record_id) VALUES ('meeting', new.id);
  DELETE FROM meetings_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'meeting' AND record_id = new.id);
  INSERT INTO meetings_fts (rowid, title, body) VALUES (
    (SELECT id FROM search_fts_keys WHERE type = 'meeting' AND record_id = new.id),
    replace(replace(trim(coalesce(new.number, '') || ' ' || coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, '')), char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce(new.theme_es, '') || char(10) || coalesce(new.theme_en, '') || char(10) || coalesce(new.place, ''), char(57344), ' '), char(57345), ' ')
  );
END;
--> statement-breakpoint
CREATE TRIGGER meetings_search_update AFTER UPDATE OF number, title_es, title_en, theme_es, theme_en, place ON meetings
BEGIN
  UPDATE meetings_fts SET
    title = replace(replace(trim(coalesce(new.number, '') || ' ' || coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, '')), char(57344), ' '), char(57345), ' '),
    body = replace(replace(coalesce(new.theme_es, '') || char(10) || coalesce(new.theme_en, '') || char(10) || coalesce(new.place, ''), char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'meeting' AND record_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings
BEGIN
  DELETE FROM meetings_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'meeting' AND record_id = old.id);
  DELETE FROM search_fts_keys WHERE type = 'meeting' AND record_id = old.id;
END;
--> statement-breakpoint
-- Agenda items: titles (a hit names its meeting).
CREATE TRIGGER agenda_items_search_insert AFTER INSERT ON agenda_items
BEGIN
  INSERT OR IGNORE INTO search_fts_keys (type, record_id) VALUES ('agenda_item', new.id);
  DELETE FROM agenda_items_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'agenda_item' AND record_id = new.id);
  INSERT INTO agenda_items_fts (rowid, title) VALUES (
    (SELECT id FROM search_fts_keys WHERE type = 'agenda_item' AND record_id = new.id),
    replace(replace(coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, ''), char(57344), ' '), char(57345), ' ')
  );
END;
--> statement-breakpoint
CREATE TRIGGER agenda_items_search_update AFTER UPDATE OF title_es, title_en ON agenda_items
BEGIN
  UPDATE agenda_items_fts SET
    title = replace(replace(coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, ''), char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'agenda_item' AND record_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER agenda_items_search_delete AFTER DELETE ON agenda_items
BEGIN
  DELETE FROM agenda_items_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'agenda_item' AND record_id = old.id);
  DELETE FROM search_fts_keys WHERE type = 'agenda_item' AND record_id = old.id;
END;
--> statement-breakpoint
-- Decisions: code; text in both languages.
CREATE TRIGGER decisions_search_insert AFTER INSERT ON decisions
BEGIN
  INSERT OR IGNORE INTO search_fts_keys (type, record_id) VALUES ('decision', new.id);
  DELETE FROM decisions_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'decision' AND record_id = new.id);
  INSERT INTO decisions_fts (rowid, code, body) VALUES (
    (SELECT id FROM search_fts_keys WHERE type = 'decision' AND record_id = new.id),
    replace(replace(new.code, char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce(new.text_es, '') || char(10) || coalesce(new.text_en, ''), char(57344), ' '), char(57345), ' ')
  );
END;
--> statement-breakpoint
CREATE TRIGGER decisions_search_update AFTER UPDATE OF code, text_es, text_en ON decisions
BEGIN
  UPDATE decisions_fts SET
    code = replace(replace(new.code, char(57344), ' '), char(57345), ' '),
    body = replace(replace(coalesce(new.text_es, '') || char(10) || coalesce(new.text_en, ''), char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'decision' AND record_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER decisions_search_delete AFTER DELETE ON decisions
BEGIN
  DELETE FROM decisions_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'decision' AND record_id = old.id);
  DELETE FROM search_fts_keys WHERE type = 'decision' AND record_id = old.id;
END;
--> statement-breakpoint
-- Action items: titles; descriptions and tags.
CREATE TRIGGER action_items_search_insert AFTER INSERT ON action_items
BEGIN
  INSERT OR IGNORE INTO search_fts_keys (type, record_id) VALUES ('action', new.id);
  DELETE FROM action_items_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'action' AND record_id = new.id);
  INSERT INTO action_items_fts (rowid, title, body) VALUES (
    (SELECT id FROM search_fts_keys WHERE type = 'action' AND record_id = new.id),
    replace(replace(coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, ''), char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce(new.description_es, '') || char(10) || coalesce(new.description_en, '') || char(10) || coalesce(new.tags, ''), char(57344), ' '), char(57345), ' ')
  );
END;
--> statement-breakpoint
CREATE TRIGGER action_items_search_update AFTER UPDATE OF title_es, title_en, description_es, description_en, tags ON action_items
BEGIN
  UPDATE action_items_fts SET
    title = replace(replace(coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, ''), char(57344), ' '), char(57345), ' '),
    body = replace(replace(coalesce(new.description_es, '') || char(10) || coalesce(new.description_en, '') || char(10) || coalesce(new.tags, ''), char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'action' AND record_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER action_items_search_delete AFTER DELETE ON action_items
BEGIN
  DELETE FROM action_items_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'action' AND record_id = old.id);
  DELETE FROM search_fts_keys WHERE type = 'action' AND record_id = old.id;
END;
--> statement-breakpoint
-- Plans: titles in both languages.
CREATE TRIGGER plans_search_insert AFTER INSERT ON plans
BEGIN
  INSERT OR IGNORE INTO search_fts_keys (type, record_id) VALUES ('plan', new.id);
  DELETE FROM plans_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'plan' AND record_id = new.id);
  INSERT INTO plans_fts (rowid, title) VALUES (
    (SELECT id FROM search_fts_keys WHERE type = 'plan' AND record_id = new.id),
    replace(replace(coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, ''), char(57344), ' '), char(57345), ' ')
  );
END;
--> statement-breakpoint
CREATE TRIGGER plans_search_update AFTER UPDATE OF title_es, title_en ON plans
BEGIN
  UPDATE plans_fts SET
    title = replace(replace(coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, ''), char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'plan' AND record_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER plans_search_delete AFTER DELETE ON plans
BEGIN
  DELETE FROM plans_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'plan' AND record_id = old.id);
  DELETE FROM search_fts_keys WHERE type = 'plan' AND record_id = old.id;
END;
--> statement-breakpoint
-- Plan sections: titles, and the latest text of each language.
CREATE TRIGGER plan_sections_search_insert AFTER INSERT ON plan_sections
BEGIN
  INSERT OR IGNORE INTO search_fts_keys (type, record_id) VALUES ('section', new.id);
  DELETE FROM plan_sections_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'section' AND record_id = new.id);
  INSERT INTO plan_sections_fts (rowid, title, text_es, text_en) VALUES (
    (SELECT id FROM search_fts_keys WHERE type = 'section' AND record_id = new.id),
    replace(replace(coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, ''), char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce((SELECT r.text FROM plan_section_revisions r WHERE r.section_id = new.id AND r.lang = 'es' ORDER BY r.number DESC LIMIT 1), ''), char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce((SELECT r.text FROM plan_section_revisions r WHERE r.section_id = new.id AND r.lang = 'en' ORDER BY r.number DESC LIMIT 1), ''), char(57344), ' '), char(57345), ' ')
  );
END;
--> statement-breakpoint
CREATE TRIGGER plan_sections_search_update AFTER UPDATE OF title_es, title_en ON plan_sections
BEGIN
  UPDATE plan_sections_fts SET
    title = replace(replace(coalesce(new.title_es, '') || char(10) || coalesce(new.title_en, ''), char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'section' AND record_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER plan_sections_search_delete AFTER DELETE ON plan_sections
BEGIN
  DELETE FROM plan_sections_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'section' AND record_id = old.id);
  DELETE FROM search_fts_keys WHERE type = 'section' AND record_id = old.id;
END;
--> statement-breakpoint
-- A new revision is the latest of its language (plan_section_revisions_in_sequence): its text replaces
-- that language's text of the section's row; older texts leave the index.
CREATE TRIGGER plan_section_revisions_search_es AFTER INSERT ON plan_section_revisions
WHEN new.lang = 'es'
BEGIN
  UPDATE plan_sections_fts SET text_es = replace(replace(new.text, char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'section' AND record_id = new.section_id);
END;
--> statement-breakpoint
CREATE TRIGGER plan_section_revisions_search_en AFTER INSERT ON plan_section_revisions
WHEN new.lang = 'en'
BEGIN
  UPDATE plan_sections_fts SET text_en = replace(replace(new.text, char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'section' AND record_id = new.section_id);
END;
--> statement-breakpoint
-- People: name (never the e-mail or phone); the codes and names of their organization and institution.
CREATE TRIGGER people_search_insert AFTER INSERT ON people
BEGIN
  INSERT OR IGNORE INTO search_fts_keys (type, record_id) VALUES ('person', new.id);
  DELETE FROM people_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'person' AND record_id = new.id);
  INSERT INTO people_fts (rowid, name, organization) VALUES (
    (SELECT id FROM search_fts_keys WHERE type = 'person' AND record_id = new.id),
    replace(replace(new.name, char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce((SELECT o.code || ' ' || coalesce(o.acronym, '') || ' ' || o.name_es || ' ' || o.name_en FROM organizations o WHERE o.id = new.organization_id), '') || char(10) || coalesce((SELECT o.code || ' ' || coalesce(o.acronym, '') || ' ' || o.name_es || ' ' || o.name_en FROM organizations o WHERE o.id = new.institution_id), ''), char(57344), ' '), char(57345), ' ')
  );
END;
--> statement-breakpoint
CREATE TRIGGER people_search_update AFTER UPDATE OF name, organization_id, institution_id ON people
BEGIN
  UPDATE people_fts SET
    name = replace(replace(new.name, char(57344), ' '), char(57345), ' '),
    organization = replace(replace(coalesce((SELECT o.code || ' ' || coalesce(o.acronym, '') || ' ' || o.name_es || ' ' || o.name_en FROM organizations o WHERE o.id = new.organization_id), '') || char(10) || coalesce((SELECT o.code || ' ' || coalesce(o.acronym, '') || ' ' || o.name_es || ' ' || o.name_en FROM organizations o WHERE o.id = new.institution_id), ''), char(57344), ' '), char(57345), ' ')
  WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'person' AND record_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER people_search_delete AFTER DELETE ON people
BEGIN
  DELETE FROM people_fts WHERE rowid = (SELECT id FROM search_fts_keys WHERE type = 'person' AND record_id = old.id);
  DELETE FROM search_fts_keys WHERE type = 'person' AND record_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER organizations_search_update AFTER UPDATE OF code, acronym, name_es, name_en ON organizations
BEGIN
  UPDATE people_fts SET
    organization = (SELECT replace(replace(coalesce((SELECT o.code || ' ' || coalesce(o.acronym, '') || ' ' || o.name_es || ' ' || o.name_en FROM organizations o WHERE o.id = p.organization_id), '') || char(10) || coalesce((SELECT o.code || ' ' || coalesce(o.acronym, '') || ' ' || o.name_es || ' ' || o.name_en FROM organizations o WHERE o.id = p.institution_id), ''), char(57344), ' '), char(57345), ' ') FROM people p
      WHERE p.id = (SELECT record_id FROM search_fts_keys WHERE id = people_fts.rowid))
  WHERE rowid IN (SELECT k.id FROM search_fts_keys k JOIN people p ON p.id = k.record_id
    WHERE k.type = 'person' AND (p.organization_id = new.id OR p.institution_id = new.id));
END;
--> statement-breakpoint
-- Backfill: every existing record, in one pass per table.
INSERT OR IGNORE INTO search_fts_keys (type, record_id)
  SELECT 'meeting', id FROM meetings UNION ALL
  SELECT 'agenda_item', id FROM agenda_items UNION ALL
  SELECT 'decision', id FROM decisions UNION ALL
  SELECT 'action', id FROM action_items UNION ALL
  SELECT 'plan', id FROM plans UNION ALL
  SELECT 'section', id FROM plan_sections UNION ALL
  SELECT 'person', id FROM people;
--> statement-breakpoint
INSERT INTO meetings_fts (rowid, title, body)
  SELECT k.id,
    replace(replace(trim(coalesce(m.number, '') || ' ' || coalesce(m.title_es, '') || char(10) || coalesce(m.title_en, '')), char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce(m.theme_es, '') || char(10) || coalesce(m.theme_en, '') || char(10) || coalesce(m.place, ''), char(57344), ' '), char(57345), ' ')
  FROM meetings m JOIN search_fts_keys k ON k.type = 'meeting' AND k.record_id = m.id;
--> statement-breakpoint
INSERT INTO agenda_items_fts (rowid, title)
  SELECT k.id, replace(replace(coalesce(a.title_es, '') || char(10) || coalesce(a.title_en, ''), char(57344), ' '), char(57345), ' ')
  FROM agenda_items a JOIN search_fts_keys k ON k.type = 'agenda_item' AND k.record_id = a.id;
--> statement-breakpoint
INSERT INTO decisions_fts (rowid, code, body)
  SELECT k.id, replace(replace(d.code, char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce(d.text_es, '') || char(10) || coalesce(d.text_en, ''), char(57344), ' '), char(57345), ' ')
  FROM decisions d JOIN search_fts_keys k ON k.type = 'decision' AND k.record_id = d.id;
--> statement-breakpoint
INSERT INTO action_items_fts (rowid, title, body)
  SELECT k.id,
    replace(replace(coalesce(a.title_es, '') || char(10) || coalesce(a.title_en, ''), char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce(a.description_es, '') || char(10) || coalesce(a.description_en, '') || char(10) || coalesce(a.tags, ''), char(57344), ' '), char(57345), ' ')
  FROM action_items a JOIN search_fts_keys k ON k.type = 'action' AND k.record_id = a.id;
--> statement-breakpoint
INSERT INTO plans_fts (rowid, title)
  SELECT k.id, replace(replace(coalesce(p.title_es, '') || char(10) || coalesce(p.title_en, ''), char(57344), ' '), char(57345), ' ')
  FROM plans p JOIN search_fts_keys k ON k.type = 'plan' AND k.record_id = p.id;
--> statement-breakpoint
INSERT INTO plan_sections_fts (rowid, title, text_es, text_en)
  SELECT k.id,
    replace(replace(coalesce(s.title_es, '') || char(10) || coalesce(s.title_en, ''), char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce((SELECT r.text FROM plan_section_revisions r WHERE r.section_id = s.id AND r.lang = 'es' ORDER BY r.number DESC LIMIT 1), ''), char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce((SELECT r.text FROM plan_section_revisions r WHERE r.section_id = s.id AND r.lang = 'en' ORDER BY r.number DESC LIMIT 1), ''), char(57344), ' '), char(57345), ' ')
  FROM plan_sections s JOIN search_fts_keys k ON k.type = 'section' AND k.record_id = s.id;
--> statement-breakpoint
INSERT INTO people_fts (rowid, name, organization)
  SELECT k.id, replace(replace(p.name, char(57344), ' '), char(57345), ' '),
    replace(replace(coalesce((SELECT o.code || ' ' || coalesce(o.acronym, '') || ' ' || o.name_es || ' ' || o.name_en FROM organizations o WHERE o.id = p.organization_id), '') || char(10) || coalesce((SELECT o.code || ' ' || coalesce(o.acronym, '') || ' ' || o.name_es || ' ' || o.name_en FROM organizations o WHERE o.id = p.institution_id), ''), char(57344), ' '), char(57345), ' ')
  FROM people p JOIN search_fts_keys k ON k.type = 'person' AND k.record_id = p.id;
