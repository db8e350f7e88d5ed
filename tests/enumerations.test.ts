// Each enumeration is written once (app/modules/<area>/constants.ts): the database's CHECK constraints,
// as the migrations really left them, allow exactly the values of those arrays, and every enum column
// of the schema has its CHECK.
import { getTableColumns, getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { rawSqlite } from '@db/client'
import { oneOf } from '@db/checks'
import * as schema from '@db/schema'
import { LANGS } from '~/i18n/core'
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ORIGIN_TYPES,
  OWNER_KINDS,
  REMINDER_KINDS,
  VALIDATIONS,
} from '~/modules/actions/constants'
import { AUDIT_OUTCOMES } from '~/modules/audit/constants'
import { API_TOKEN_SCOPES, ONE_TIME_TOKEN_KINDS } from '~/modules/auth/constants'
import {
  DOCUMENT_KINDS,
  FILE_LANGUAGES,
  TEXT_FAILURES,
  TEXT_STATUSES,
  VISIBILITIES,
} from '~/modules/documents/constants'
import { GROUP_KINDS, GROUP_ROLES } from '~/modules/groups/constants'
import { MAIL_STATUSES } from '~/modules/mail/constants'
import {
  DELIVERY_MODES,
  FOLLOW_TYPES,
  NOTIFICATION_KINDS,
  NOTIFICATION_RECORD_TYPES,
} from '~/modules/notifications/constants'
import {
  ATTENDANCE_STATUSES,
  DECISION_STATUSES,
  DELEGATION_ROLES,
  MEETING_KINDS,
  MEETING_OPENNESS,
  MEETING_STATUSES,
  MINUTES_STATUSES,
  RSVP_STATUSES,
} from '~/modules/meetings/constants'
import { ORGANIZATION_KINDS, PERSON_ROLES, PERSON_STATUSES } from '~/modules/members/constants'
import {
  PLAN_STAGES,
  RESPONSIBLE_ROLES,
  ROUND_OUTCOMES,
  SECTION_KINDS,
  SECTION_LANGS,
  SECTION_STATUSES,
  SUGGESTION_STATUSES,
} from '~/modules/plans/constants'
import {
  PROCEDURE_OUTCOMES,
  PROCEDURE_POSITIONS,
  PROCEDURE_STATUSES,
  PROCEDURE_TEXT_KINDS,
  PROCEDURE_VISIBILITIES,
} from '~/modules/procedures/constants'
import { freshEmptyDb } from './helpers/db'

/** table.column -> the constants array its CHECK must allow. */
const EXPECTED: Record<string, readonly string[]> = {
  'organizations.kind': ORGANIZATION_KINDS,
  'people.role': PERSON_ROLES,
  'people.status': PERSON_STATUSES,
  'people.language': LANGS,
  'one_time_tokens.kind': ONE_TIME_TOKEN_KINDS,
  'audit_log.outcome': AUDIT_OUTCOMES,
  'groups.kind': GROUP_KINDS,
  'group_memberships.role': GROUP_ROLES,
  'documents.kind': DOCUMENT_KINDS,
  'documents.visibility': VISIBILITIES,
  'documents.original_language': FILE_LANGUAGES,
  'document_files.language': FILE_LANGUAGES,
  'document_files.text_status': TEXT_STATUSES,
  'document_files.text_failure': TEXT_FAILURES,
  'api_tokens.scope': API_TOKEN_SCOPES,
  'meetings.kind': MEETING_KINDS,
  'meetings.status': MEETING_STATUSES,
  'meetings.openness': MEETING_OPENNESS,
  'delegation_members.role': DELEGATION_ROLES,
  'delegation_members.rsvp': RSVP_STATUSES,
  'delegation_members.attendance': ATTENDANCE_STATUSES,
  'minutes.status': MINUTES_STATUSES,
  'decisions.status': DECISION_STATUSES,
  'action_items.status': ACTION_STATUSES,
  'action_items.priority': ACTION_PRIORITIES,
  'action_items.origin_type': ORIGIN_TYPES,
  'action_owners.kind': OWNER_KINDS,
  'action_updates.status': ACTION_STATUSES,
  'action_updates.validation': VALIDATIONS,
  'action_reminders.kind': REMINDER_KINDS,
  'plans.stage': PLAN_STAGES,
  'plans.original_language': SECTION_LANGS,
  'plan_stage_history.stage': PLAN_STAGES,
  'plan_stage_history.from_stage': PLAN_STAGES,
  'plan_sections.kind': SECTION_KINDS,
  'plan_sections.status': SECTION_STATUSES,
  'plan_section_revisions.lang': SECTION_LANGS,
  'plan_comments.lang': SECTION_LANGS,
  'plan_suggestions.lang': SECTION_LANGS,
  'plan_suggestions.status': SUGGESTION_STATUSES,
  'plan_round_comments.lang': SECTION_LANGS,
  'plan_round_comments.outcome': ROUND_OUTCOMES,
  'plan_section_responsibles.role': RESPONSIBLE_ROLES,
  'plan_publications.stage': PLAN_STAGES,
  'plan_publications.visibility': VISIBILITIES,
  'written_procedures.text_kind': PROCEDURE_TEXT_KINDS,
  'written_procedures.visibility': PROCEDURE_VISIBILITIES,
  'written_procedures.status': PROCEDURE_STATUSES,
  'written_procedures.outcome': PROCEDURE_OUTCOMES,
  'written_procedure_positions.position': PROCEDURE_POSITIONS,
  // notifications and the mail queue
  'mail_outbox.status': MAIL_STATUSES,
  'notification_events.kind': NOTIFICATION_KINDS,
  'notification_events.record_type': NOTIFICATION_RECORD_TYPES,
  'notifications.kind': NOTIFICATION_KINDS,
  'notifications.record_type': NOTIFICATION_RECORD_TYPES,
  'notification_preferences.kind': NOTIFICATION_KINDS,
  'notification_preferences.mode': DELIVERY_MODES,
  'notification_timers.kind': NOTIFICATION_KINDS,
  'follows.record_type': FOLLOW_TYPES,
}

/** Every `"table"."column" in ('a','b')` of the CHECK constraints in the live database. */
function checkedLists(): Map<string, string[][]> {
  const tables = rawSqlite()
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[]
  const found = new Map<string, string[][]>()
  for (const { name, sql } of tables) {
    for (const m of sql.matchAll(/"(\w+)"\."(\w+)" in \(([^)]*)\)/g)) {
      expect(m[1], `a CHECK of ${name} names another table`).toBe(name)
      const values = m[3].split(',').map((v) => v.trim().replace(/^'(.*)'$/, '$1'))
      const key = `${m[1]}.${m[2]}`
      found.set(key, [...(found.get(key) ?? []), values])
    }
  }
  return found
}

describe('enumerations', () => {
  let found: Map<string, string[][]>
  beforeAll(() => {
    freshEmptyDb()
    found = checkedLists()
  })

  it('every CHECK list in the database is the constants array, in its order', () => {
    expect(found.size).toBeGreaterThan(20)
    for (const [column, lists] of found) {
      expect(EXPECTED[column], `${column} has a CHECK list but no constants array here`).toBeDefined()
      for (const values of lists) expect(values, column).toEqual([...EXPECTED[column]])
    }
  })

  it('every enumeration expected here has its CHECK in the database', () => {
    for (const column of Object.keys(EXPECTED)) expect(found.has(column), column).toBe(true)
  })

  it('every enum column of the schema is checked by the database with the same values', () => {
    let columns = 0
    for (const table of Object.values(schema)) {
      if (!is(table, SQLiteTable)) continue
      for (const column of Object.values(getTableColumns(table))) {
        const values = (column as { enumValues?: string[] }).enumValues
        if (!values) continue
        columns++
        const key = `${getTableName(table)}.${column.name}`
        expect(EXPECTED[key], `${key} is an enum column without a CHECK expectation`).toBeDefined()
        expect(values, key).toEqual([...EXPECTED[key]])
      }
    }
    expect(columns).toBe(Object.keys(EXPECTED).length)
  })

  it('the database refuses a value outside the list', () => {
    expect(() =>
      rawSqlite()
        .prepare(
          "INSERT INTO groups (id, slug, kind, name_es, name_en, created_at) VALUES ('g', 'g', 'club', 'G', 'G', 0)",
        )
        .run(),
    ).toThrow(/CHECK constraint failed: groups_kind_check/)
  })

  it('oneOf writes only plain lower-case words into the SQL', () => {
    const column = schema.groups.kind
    for (const bad of ["a'b", 'A', 'a b', 'a;drop', '', 'é', "x') or ('1'='1"]) {
      expect(() => oneOf(column, [bad]), JSON.stringify(bad)).toThrow(/unsafe value/)
    }
    expect(() => oneOf(column, [])).toThrow(/no values/)
    expect(() => oneOf(column, ['ok', 'not_ok'])).not.toThrow()
  })
})
