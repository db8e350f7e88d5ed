/**
 * Search beyond the library: meetings (and their agenda items), decisions, action items, plans (and
 * their sections) and people, over the FTS5 tables that the triggers of drizzle/0020_search_fts.sql
 * keep. Each type is one bounded query (LIMIT/OFFSET, counts capped) with the same visibility rule in
 * SQL as its lists: a hidden meeting, decision, action or plan never leaves the database, and people
 * (name and organization, never an e-mail or phone) only for signed-in viewers (can('person.list')).
 * Queries come only from toFtsQuery, never from what a person typed.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import { visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import { visibleMeetingsWhere } from '~/modules/access/meetings-visibility.server'
import { visiblePlansWhere, visibleProceduresWhere } from '~/modules/access/origins-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { readAll, runReads, toStatement } from '~/modules/core/read-pool.server'
import type { ActionStatus } from '~/modules/actions/constants'
import type { PlanStage } from '~/modules/plans/constants'
import { COUNT_CAP, SEARCH_TYPES, type SearchType } from './constants'
import {
  countDocumentsQuery,
  searchDocuments,
  snippetParts,
  toFtsQuery,
  yearRange,
  type SearchHit,
  type SnippetPart,
} from './search.server'

export interface Named {
  id: string
  titleEs: string | null
  titleEn: string | null
}

/** One hit of any type. `id` is the record's (for an agenda item, its meeting's; for a plan section,
 * its plan's), `url` the page that shows it. */
export interface RecordHit {
  type: SearchType
  id: string
  titleEs: string | null
  titleEn: string | null
  url: string
  /** YYYY-MM-DD: the document's date, the meeting's first day, the action's due day */
  date: string | null
  snippet: string
  parts: SnippetPart[]
  rank: number
  document?: SearchHit
  agendaItem?: Named | null
  meeting?: Named & { startsAt: string }
  /** the written procedure that adopted a decision between meetings (its subject) */
  procedure?: Named
  decision?: { code: string }
  action?: { status: ActionStatus; dueDate: string }
  plan?: { stage: PlanStage }
  section?: Named | null
  organization?: { code: string; nameEs: string; nameEn: string }
}

export interface TypeQuery {
  viewer: Viewer | null
  match: string
  year?: number | null
  /** the reader's language: a plan section's snippet comes from its text in that language when it
   * matches there */
  lang?: Lang
  now?: number
}

/** An index's name as SQL: only one of FTS_TABLES (names written in this file, never a request's). */
function indexName(table: FtsTable): SQL {
  if (!FTS_TABLES.includes(table)) throw new Error(`not an index: ${table}`)
  return sql.raw(table)
}

const snippetOf = (table: FtsTable, column = -1, tokens = 16) => {
  if (!Number.isInteger(column) || !Number.isInteger(tokens)) throw new Error('snippet: not a column')
  return sql`snippet(${indexName(table)}, ${sql.raw(String(column))}, char(57344), char(57345), '…', ${sql.raw(String(tokens))})`
}

/** The types a viewer can find at all: the public finds only public documents. */
export function searchableTypes(viewer: Viewer | null): SearchType[] {
  return SEARCH_TYPES.filter(
    (t) => t === 'document' || (viewer !== null && (t !== 'person' || can(viewer, 'person.list'))),
  )
}

const dayOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))

function msYearWhere(column: SQL, year: number | null | undefined): SQL {
  if (!year) return sql`1 = 1`
  const [from, to] = yearRange(year)
  return sql`(${column} >= ${from} and ${column} < ${to})`
}

const clean = (snippet: string) => snippet.replace(/[\uE000\uE001]/g, '')

// ---------------------------------------------------------------------------------------------------
// One query per type. Each part starts from the FTS match, finds the record through its key and keeps
// only what the viewer may see. `select` gives the rows, `count` the number of matches (capped).

interface Part {
  /** the index the part starts from (the many-matches order reads it newest first) */
  fts: FtsTable
  /** everything after `select` up to `from`, for the rows */
  columns: SQL
  /** from ... where ... (the match and the visibility) */
  body: SQL
}

function meetingParts(q: TypeQuery): Part[] {
  const visible = visibleMeetingsWhere(q.viewer)
  const year = msYearWhere(sql`meetings.starts_at`, q.year)
  return [
    {
      fts: 'meetings_fts',
      columns: sql`'meeting' as sub, meetings.id as id, null as sub_id, meetings.title_es as title_es,
        meetings.title_en as title_en, null as sub_es, null as sub_en, meetings.starts_at as at,
        k.id as fts_rowid, 'meetings_fts' as fts, bm25(meetings_fts, 5.0, 1.0) as rank`,
      body: sql`from meetings_fts
        cross join search_fts_keys k on k.id = meetings_fts.rowid and k.type = 'meeting'
        cross join meetings on meetings.id = k.record_id
        where meetings_fts match ${q.match} and ${visible} and ${year}`,
    },
    {
      fts: 'agenda_items_fts',
      columns: sql`'agenda_item' as sub, meetings.id as id, agenda_items.id as sub_id,
        meetings.title_es as title_es, meetings.title_en as title_en, agenda_items.title_es as sub_es,
        agenda_items.title_en as sub_en, meetings.starts_at as at,
        k.id as fts_rowid, 'agenda_items_fts' as fts, bm25(agenda_items_fts) as rank`,
      body: sql`from agenda_items_fts
        cross join search_fts_keys k on k.id = agenda_items_fts.rowid and k.type = 'agenda_item'
        cross join agenda_items on agenda_items.id = k.record_id
        cross join meetings on meetings.id = agenda_items.meeting_id
        where agenda_items_fts match ${q.match} and ${visible} and ${year}`,
    },
  ]
}

function decisionParts(q: TypeQuery): Part[] {
  return [
    {
      fts: 'decisions_fts',
      columns: sql`'decision' as sub, decisions.id as id, meetings.id as sub_id, decisions.code as title_es,
        decisions.code as title_en, meetings.title_es as sub_es, meetings.title_en as sub_en,
        meetings.starts_at as at, k.id as fts_rowid, 'decisions_fts' as fts,
        bm25(decisions_fts, 10.0, 1.0) as rank`,
      body: sql`from decisions_fts
        cross join search_fts_keys k on k.id = decisions_fts.rowid and k.type = 'decision'
        cross join decisions on decisions.id = k.record_id
        cross join meetings on meetings.id = decisions.meeting_id
        where decisions_fts match ${q.match} and ${visibleMeetingsWhere(q.viewer)}
          and ${msYearWhere(sql`meetings.starts_at`, q.year)}`,
    },
    {
      // adopted by written procedure, between meetings: the procedure's visibility
      fts: 'decisions_fts',
      columns: sql`'procedure_decision' as sub, decisions.id as id, written_procedures.id as sub_id,
        decisions.code as title_es, decisions.code as title_en, written_procedures.subject_es as sub_es,
        written_procedures.subject_en as sub_en, written_procedures.closed_at as at, k.id as fts_rowid,
        'decisions_fts' as fts, bm25(decisions_fts, 10.0, 1.0) as rank`,
      body: sql`from decisions_fts
        cross join search_fts_keys k on k.id = decisions_fts.rowid and k.type = 'decision'
        cross join decisions on decisions.id = k.record_id
        cross join written_procedures on written_procedures.id = decisions.procedure_id
        where decisions_fts match ${q.match} and ${visibleProceduresWhere(q.viewer)}
          and ${msYearWhere(sql`written_procedures.closed_at`, q.year)}`,
    },
  ]
}

function actionParts(q: TypeQuery): Part[] {
  const year = q.year
    ? sql`(action_items.due_date >= ${`${q.year}-01-01`} and action_items.due_date < ${`${q.year + 1}-01-01`})`
    : sql`1 = 1`
  return [
    {
      fts: 'action_items_fts',
      columns: sql`'action' as sub, action_items.id as id, action_items.status as sub_id,
        action_items.title_es as title_es, action_items.title_en as title_en,
        action_items.due_date as sub_es, null as sub_en, null as at,
        k.id as fts_rowid, 'action_items_fts' as fts, bm25(action_items_fts, 5.0, 1.0) as rank`,
      body: sql`from action_items_fts
        cross join search_fts_keys k on k.id = action_items_fts.rowid and k.type = 'action'
        cross join action_items on action_items.id = k.record_id
        where action_items_fts match ${q.match} and ${visibleActionsWhere(q.viewer)} and ${year}`,
    },
  ]
}

function planParts(q: TypeQuery): Part[] {
  const visible = visiblePlansWhere(q.viewer)
  const year = msYearWhere(sql`plans.created_at`, q.year)
  return [
    {
      fts: 'plans_fts',
      columns: sql`'plan' as sub, plans.id as id, plans.stage as sub_id, plans.title_es as title_es,
        plans.title_en as title_en, null as sub_es, null as sub_en, plans.created_at as at,
        k.id as fts_rowid, 'plans_fts' as fts, bm25(plans_fts) as rank`,
      body: sql`from plans_fts
        cross join search_fts_keys k on k.id = plans_fts.rowid and k.type = 'plan'
        cross join plans on plans.id = k.record_id
        where plans_fts match ${q.match} and ${visible} and ${year}`,
    },
    {
      fts: 'plan_sections_fts',
      columns: sql`'section:' || plan_sections.id as sub, plans.id as id, plans.stage as sub_id,
        plans.title_es as title_es, plans.title_en as title_en, plan_sections.title_es as sub_es,
        plan_sections.title_en as sub_en, plans.created_at as at, k.id as fts_rowid, 'plan_sections_fts' as fts,
        bm25(plan_sections_fts, 5.0, 1.0, 1.0) as rank`,
      body: sql`from plan_sections_fts
        cross join search_fts_keys k on k.id = plan_sections_fts.rowid and k.type = 'section'
        cross join plan_sections on plan_sections.id = k.record_id
        cross join plans on plans.id = plan_sections.plan_id
        where plan_sections_fts match ${q.match} and plan_sections.retired = 0 and ${visible} and ${year}`,
    },
  ]
}

function personParts(q: TypeQuery): Part[] {
  // people have no year; personal data only for those who may list people
  if (q.year || !can(q.viewer, 'person.list')) return []
  return [
    {
      fts: 'people_fts',
      columns: sql`'person' as sub, people.id as id, organizations.code as sub_id, people.name as title_es,
        people.name as title_en, organizations.name_es as sub_es, organizations.name_en as sub_en,
        null as at, k.id as fts_rowid, 'people_fts' as fts, bm25(people_fts, 5.0, 1.0) as rank`,
      body: sql`from people_fts
        cross join search_fts_keys k on k.id = people_fts.rowid and k.type = 'person'
        cross join people on people.id = k.record_id
        cross join organizations on organizations.id = coalesce(people.institution_id, people.organization_id)
        where people_fts match ${q.match} and people.status = 'active'`,
    },
  ]
}

const PARTS: Record<Exclude<SearchType, 'document'>, (q: TypeQuery) => Part[]> = {
  meeting: meetingParts,
  decision: decisionParts,
  action: actionParts,
  plan: planParts,
  person: personParts,
}

interface Row {
  sub: string
  id: string
  sub_id: string | null
  title_es: string | null
  title_en: string | null
  sub_es: string | null
  sub_en: string | null
  at: number | null
  fts_rowid: number
  fts: FtsTable
  rank: number
}

const FTS_TABLES = [
  'meetings_fts',
  'agenda_items_fts',
  'decisions_fts',
  'action_items_fts',
  'plans_fts',
  'plan_sections_fts',
  'people_fts',
] as const
type FtsTable = (typeof FTS_TABLES)[number]

/** The snippet of one index row (asked only for the rows of the page: building a snippet for every
 * match of a common word before ranking would cost more than the ranking). A plan section's comes from
 * its text in the reader's language when the words are there, else from the best column; a person's
 * from their name. */
function snippetExpression(table: FtsTable, q: TypeQuery): SQL {
  return table === 'plan_sections_fts'
    ? sql`case when instr(${snippetOf(table, q.lang === 'en' ? 2 : 1)}, char(57344)) > 0
          then ${snippetOf(table, q.lang === 'en' ? 2 : 1)} else ${snippetOf(table)} end`
    : table === 'people_fts'
      ? // a person's line is their name: the organization column indexes codes and acronyms too,
        // and the page names the organization beside it
        snippetOf(table, 0)
      : snippetOf(table)
}

/** better-sqlite3 binds every JavaScript number as a REAL, and FTS5 drops a `rowid = ?` beside a
 * MATCH when the value is a REAL (it answered every match, so each hit showed the first match's
 * snippet): the rowid is cast to an integer in SQL. */
const ftsRowid = (rowid: number): SQL => sql`cast(${rowid} as integer)`

function snippetQuery(table: FtsTable, rowid: number, q: TypeQuery): SQL {
  const index = indexName(table)
  return sql`select ${snippetExpression(table, q)} as snippet from ${index} where ${index} match ${q.match} and rowid = ${ftsRowid(rowid)}`
}

function toHit(type: SearchType, r: Row & { snippet: string }): RecordHit {
  const base = {
    type,
    id: r.id,
    titleEs: r.title_es,
    titleEn: r.title_en,
    date: dayOf(r.at),
    snippet: clean(r.snippet),
    parts: snippetParts(r.snippet),
    rank: r.rank,
  }
  switch (r.sub) {
    case 'meeting':
      return { ...base, url: `/meetings/${r.id}`, agendaItem: null }
    case 'agenda_item':
      return {
        ...base,
        url: `/meetings/${r.id}#agenda-${r.sub_id}`,
        agendaItem: { id: r.sub_id!, titleEs: r.sub_es, titleEn: r.sub_en },
      }
    case 'decision':
      return {
        ...base,
        url: `/meetings/${r.sub_id}/decisions#decision-${r.id}`,
        decision: { code: r.title_es ?? '' },
        meeting: { id: r.sub_id!, titleEs: r.sub_es, titleEn: r.sub_en, startsAt: base.date ?? '' },
      }
    case 'procedure_decision':
      return {
        ...base,
        url: `/procedures/${r.sub_id}`,
        decision: { code: r.title_es ?? '' },
        procedure: { id: r.sub_id!, titleEs: r.sub_es, titleEn: r.sub_en },
      }
    case 'action':
      return {
        ...base,
        date: r.sub_es,
        url: `/actions/${r.id}`,
        action: { status: r.sub_id as ActionStatus, dueDate: r.sub_es ?? '' },
      }
    case 'plan':
      return { ...base, url: `/plans/${r.id}`, plan: { stage: r.sub_id as PlanStage }, section: null }
    case 'person':
      return {
        ...base,
        date: null,
        url: `/members/${encodeURIComponent(r.sub_id ?? '')}`,
        organization: { code: r.sub_id ?? '', nameEs: r.sub_es ?? '', nameEn: r.sub_en ?? '' },
      }
    default: {
      // a plan section: 'section:<id>'
      const sectionId = r.sub.slice('section:'.length)
      return {
        ...base,
        url: `/plans/${r.id}/sections/${sectionId}`,
        plan: { stage: r.sub_id as PlanStage },
        section: { id: sectionId, titleEs: r.sub_es, titleEn: r.sub_en },
      }
    }
  }
}

function documentHit(h: SearchHit): RecordHit {
  return {
    type: 'document',
    id: h.id,
    titleEs: h.titleEs,
    titleEn: h.titleEn,
    url: `/documents/${h.id}`,
    date: h.documentDate,
    snippet: h.snippet,
    parts: h.parts,
    rank: h.rank,
    document: h,
  }
}

/** One page of hits of one type, best first, and whether more follow. `count`: the type's count when
 * the caller has it already (countAll), so that it is not read twice. */
export async function searchType(
  type: SearchType,
  q: TypeQuery,
  { limit, offset, count }: { limit: number; offset: number; count?: number },
): Promise<{ items: RecordHit[]; hasMore: boolean }> {
  if (!searchableTypes(q.viewer).includes(type)) return { items: [], hasMore: false }
  if (type === 'document') {
    const { items, hasMore } = await searchDocuments(q.viewer, q.match, {
      limit,
      offset,
      year: q.year,
      now: q.now,
      visibleCount: count,
    })
    return { items: items.map(documentHit), hasMore }
  }
  const parts = PARTS[type](q)
  if (!parts.length) return { items: [], hasMore: false }
  // More than COUNT_CAP matches (a word in nearly every record): ranking every match costs more than
  // it says, so the page is read newest first, each part straight off its index in descending rowid
  // order, stopping at the page (as the documents' second phase, search.server.ts). Up to COUNT_CAP: bm25.
  const many = (count ?? (await countType(type, q))) > COUNT_CAP
  const take = limit + 1 + offset
  // Read newest first, each part stops at `take` rows: their snippets are built in the same read (a
  // later lookup by rowid evaluates the match again, 2-3 ms each for a word in most records). Ranked:
  // every match is read to be ranked, so the snippets are looked up for the page's rows only.
  const union = sql.join(
    parts.map((p) =>
      many
        ? sql`select * from (select ${p.columns}, ${snippetExpression(p.fts, q)} as snippet ${p.body}
            order by ${indexName(p.fts)}.rowid desc limit ${take})`
        : sql`select ${p.columns}, null as snippet ${p.body}`,
    ),
    sql` union all `,
  )
  const order = many ? sql`fts_rowid desc` : sql`rank, id`
  const rows = await readAll<Row & { snippet: string | null }>(
    sql`select * from (${union}) order by ${order} limit ${limit + 1} offset ${offset}`,
  )
  const page = rows.slice(0, limit)
  const missing = page.filter((r) => r.snippet === null)
  const looked = (await runReads(
    missing.map((r) => toStatement(snippetQuery(r.fts, r.fts_rowid, q), 'get')),
  )) as ({ snippet: string } | undefined)[]
  const snippetOfRow = new Map(missing.map((r, i) => [r, looked[i]?.snippet ?? '']))
  return {
    items: page.map((r) => toHit(type, { ...r, snippet: r.snippet ?? snippetOfRow.get(r) ?? '' })),
    hasMore: rows.length > limit,
  }
}

/** The count query of one type (at most COUNT_CAP + 1, "more than 1000"), or null when the viewer
 * cannot find that type. */
function countQuery(type: SearchType, q: TypeQuery): SQL | null {
  if (!searchableTypes(q.viewer).includes(type)) return null
  if (type === 'document')
    return countDocumentsQuery(q.viewer, q.match, { year: q.year, now: q.now, cap: COUNT_CAP })
  const parts = PARTS[type](q)
  if (!parts.length) return null
  const counts = sql.join(
    parts.map((p) => sql`(select count(*) from (select 1 ${p.body} limit ${COUNT_CAP + 1}))`),
    sql` + `,
  )
  return sql`select ${counts} as n`
}

/** How many hits of one type the viewer may see; at most COUNT_CAP + 1 ("more than 1000"). */
export async function countType(type: SearchType, q: TypeQuery): Promise<number> {
  return (await countAll(q, [type]))[type]
}

export type Counts = Record<SearchType, number>

/** The count of every type (0 for the types the viewer cannot find), in one read (one snapshot, one
 * place in the read pool's queue). */
export async function countAll(q: TypeQuery, types: readonly SearchType[] = SEARCH_TYPES): Promise<Counts> {
  const queries = types.map((t) => [t, countQuery(t, q)] as const)
  const asked = queries.filter(([, query]) => query !== null)
  const rows = (await runReads(asked.map(([, query]) => toStatement(query!, 'get')))) as (
    | { n: number }
    | undefined
  )[]
  const counts = Object.fromEntries(SEARCH_TYPES.map((t) => [t, 0])) as Counts
  asked.forEach(([t], i) => (counts[t] = Math.min(rows[i]?.n ?? 0, COUNT_CAP + 1)))
  return counts
}

export interface SearchRequest {
  viewer: Viewer | null
  q: string | null | undefined
  type?: SearchType | null
  year?: number | null
  lang?: Lang
  now?: number
}

/** Safe match expression and the query every type shares; null when there is nothing to search for. */
export function typeQuery(r: SearchRequest): TypeQuery | null {
  const match = toFtsQuery(r.q)
  if (!match) return null
  return { viewer: r.viewer, match, year: r.year ?? null, lang: r.lang, now: r.now ?? Date.now() }
}

/** A position in the results of every type (for the API's cursor): a type and an offset in it. */
export interface Position {
  type: SearchType
  offset: number
}

export function encodePosition(p: Position): string {
  return Buffer.from(`${p.type}:${p.offset}`).toString('base64url')
}

export function decodePosition(cursor: string | null | undefined): Position | null {
  if (!cursor) return null
  const m = /^([a-z]+):(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!m || !(SEARCH_TYPES as readonly string[]).includes(m[1])) return null
  return { type: m[1] as SearchType, offset: Number(m[2]) }
}

/**
 * One page of hits across types (the API without `type`, or with it): the types in their order, each
 * one bounded query, from `from` on, until `limit` hits; `next` is where the following page starts.
 */
export async function searchAcross(
  q: TypeQuery,
  { types, from, limit }: { types: SearchType[]; from: Position | null; limit: number },
): Promise<{ items: RecordHit[]; next: Position | null }> {
  const start = from ? types.indexOf(from.type) : 0
  if (start < 0) return { items: [], next: null }
  const items: RecordHit[] = []
  for (let i = start; i < types.length; i++) {
    const offset = i === start && from ? from.offset : 0
    const page = await searchType(types[i], q, { limit: limit - items.length, offset })
    items.push(...page.items)
    if (page.hasMore) return { items, next: { type: types[i], offset: offset + page.items.length } }
    if (items.length >= limit) {
      const rest = types.slice(i + 1)
      return { items, next: rest.length ? { type: rest[0], offset: 0 } : null }
    }
  }
  return { items, next: null }
}
