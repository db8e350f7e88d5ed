/**
 * The large dataset of `npm run bench` (the size the portal must serve quickly): the real RCM
 * structure, 2,000 people,
 * 1,500 meetings with agendas, minutes and decisions, 100,000 documents with versions, files in both
 * working languages and extracted text in the search index, and 50,000 action items with their owners,
 * progress reports and reminders. Generated from word lists with a seeded random generator, so every run
 * holds the same data and searches have realistic selectivity (a few words are in most documents, most
 * words in few, some place names in a handful).
 *
 * Speed matters more here than in the demo data: after the structure (seedStructure, through Drizzle),
 * rows go in through prepared better-sqlite3 statements inside the one transaction. The statements are
 * built from the Drizzle tables and their typed property names (`inserter`), so a renamed column fails
 * the typecheck and a new required column fails tests/bench-seed.test.ts, which seeds a small scale of
 * this same code into an empty database. File rows all point at a few real files stored once through the
 * storage module (content addressed, so that is all 100,000 documents need).
 *
 * Plans do not exist yet: `seedPlans` does nothing until their tables land (then it becomes one function
 * of the same shape as `seedActionItems`, which could then also give some actions a plan-section origin).
 */
import type Database from 'better-sqlite3'
import { getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { actionsToday, addDays } from '../../app/modules/actions/overdue.server'
import { hashPassword } from '../../app/modules/auth/password.server'
import { storeBytes } from '../../app/modules/documents/storage.server'
import { searchRowidOf } from '../../app/modules/search/rowid'
import { db, rawSqlite, type Tx } from '../client'
import { newId } from '../ids'
import {
  actionItems,
  actionOwners,
  actionReminders,
  actionUpdateEvidence,
  actionUpdates,
  agendaItems,
  decisions,
  delegationMembers,
  documentFiles,
  documentVersions,
  documents,
  groupMemberships,
  meetingInvitations,
  meetings,
  minutes,
  people,
  planSectionRevisions,
  planSections,
  planStageHistory,
  plans,
} from '../schema'
import type { ActionStatus, OriginType } from '../../app/modules/actions/constants'
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type Visibility as DocumentVisibility,
} from '../../app/modules/documents/constants'
import type { MeetingKind } from '../../app/modules/meetings/constants'
import type { PersonRole, PersonStatus } from '../../app/modules/members/constants'
import { seedStructure } from './demo'
import { buildPdf } from './documents'
import {
  CIVIL_SOCIETY,
  GROUPS,
  MEMBER_STATES,
  NATIONAL_INSTITUTIONS,
  OBSERVER_ORGANIZATIONS,
  OBSERVER_STATES,
  SECRETARIAT,
  type OrgSeed,
} from './structure'

/** The full dataset, the scale the portal is measured at; `seedBench({ scale })` multiplies the counts
 * (tests use 0.002). */
export const BENCH_FULL = {
  users: 2000,
  meetings: 1500,
  documents: 100_000,
  actionItems: 50_000,
  plans: 200,
  sectionsPerPlan: 50,
  revisionsPerSection: 20,
} as const

/** Accounts the benchmark signs in as (sessions are created directly; the password is BENCH_PASSWORD). */
export const BENCH_ACCOUNTS = {
  secretariat: 'secretariat@rcm.example',
  /** a member-state delegate (Panama) in two working groups */
  delegate: 'pa.delegate@rcm.example',
} as const
export const BENCH_PASSWORD = 'rcm-bench-2026'

/** What `npm run bench` reports as `dataset`: counted in the database after seeding. */
export interface BenchDataset {
  memberStates: number
  observerStates: number
  organizations: number
  users: number
  meetings: number
  agendaItems: number
  decisions: number
  documents: number
  documentVersions: number
  documentFiles: number
  actionItems: number
  plans: number
  planSections: number
  sectionRevisions: number
}

/** Records the benchmark measures pages of: known to exist and to be visible to the delegate. */
export interface BenchSamples {
  /** a participants document with two versions, both languages and a meeting */
  documentId: string
  /** an open, held meeting with agenda, minutes, decisions and documents */
  meetingId: string
  /** a plan of 50 sections (the secretariat sees it) */
  planId: string | null
  /** a word in most documents (Spanish, with an accent) */
  commonWord: string
  /** terms of every selectivity, with and without accents, for the search latency run */
  searchTerms: string[]
}

// ---------------------------------------------------------------------------------------------------
// Random but reproducible

function mulberry32(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))

/** Picks by weight: `[[value, weight], ...]`. */
function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let r = rng() * total
  for (const [v, w] of table) {
    r -= w
    if (r < 0) return v
  }
  return table[table.length - 1][0]
}

/** Zipf-like sampler: the word of rank r is drawn with probability proportional to 1/(r+1). */
function zipf(words: readonly string[]) {
  const cumulative: number[] = []
  let sum = 0
  words.forEach((_, r) => cumulative.push((sum += 1 / (r + 1))))
  return (rng: Rng) => {
    const x = rng() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return words[lo]
  }
}

// ---------------------------------------------------------------------------------------------------
// Words: ordered from most to least frequent

const ES_WORDS = `migración personas migrantes protección países regional conferencia derechos cooperación
frontera gestión información trabajo grupo plan acciones seguimiento nacional instituciones retorno asistencia
atención niñez adolescencia trata tráfico ilícito refugiados asilo laboral integración desarrollo seguridad
consular regularización documentación datos estadísticas capacitación coordinación políticas acuerdos
recomendaciones informe reunión viceministerial secretaría presidencia mecanismos vulnerabilidad mujeres
familias comunidades origen tránsito destino salud educación empleo remesas desplazamiento climático
humanitaria respuesta albergues identificación perfiles referencia víctimas investigación fiscalía policía
enlace funcionarios talleres seminario evaluación indicadores presupuesto financiamiento fondo organizaciones
sociedad civil observadores consenso compromiso responsabilidad compartida ordenada segura regular irregular
masiva flujos rutas corredores terrestre marítima aérea visas pasaportes registro censo encuestas análisis
estudio diagnóstico lineamientos protocolo procedimiento reintegración repatriación detención alternativas
discriminación inclusión género indígenas afrodescendientes juventud trabajadores temporales agrícolas
contratación empleadores salarios vivienda alimentación agua saneamiento violencia pandillas extorsión
reunificación familiar tutela representación legal intérpretes consulados notificación emergencia
desastres huracanes sequía inundaciones reasentamiento solidaridad buenas prácticas lecciones aprendidas`
  .split(/\s+/)
  .filter(Boolean)

const EN_WORDS = `migration people migrants protection countries regional conference rights cooperation border
management information work group plan actions follow-up national institutions return assistance care
children adolescents trafficking smuggling refugees asylum labour integration development security consular
regularization documentation data statistics training coordination policies agreements recommendations
report meeting vice-ministerial secretariat presidency mechanisms vulnerability women families communities
origin transit destination health education employment remittances displacement climate humanitarian
response shelters identification profiles referral victims investigation prosecutors police liaison
officials workshops seminar evaluation indicators budget funding fund organizations society civil observers
consensus commitment responsibility shared orderly safe regular irregular mass flows routes corridors land
maritime air visas passports registration census surveys analysis study assessment guidelines protocol
procedure reintegration repatriation detention alternatives discrimination inclusion gender indigenous
afro-descendant youth workers temporary agricultural recruitment employers wages housing food water
sanitation violence gangs extortion reunification guardianship legal representation interpreters consulates
notification emergency disasters hurricanes drought floods resettlement solidarity good practices lessons`
  .split(/\s+/)
  .filter(Boolean)

/** Each in roughly 0.5% of the documents. */
const RARE = `Darién Chiriquí Tapachula Tecún Umán Peñas Blancas Paso Canoas Corinto Belmopán Omoa Tegucigalpa
Managua Montevideo Puebla Tijuana Ciudad Juárez Quetzaltenango Bluefields Dajabón Tabasco Chiapas Izabal
Guanacaste Limón Colón Metetí Bocas biometría apatridia trashumancia ciberdelito sargazo telemedicina
microcréditos pasarela interoperabilidad geolocalización reforestación acuicultura cafetaleros maquila
remesadoras criptoactivos teletrabajo guardería`
  .split(/\s+/)
  .filter(Boolean)

/** Each in a few dozen documents of the full dataset. */
const VERY_RARE = `Yaviza Lajas Blancas Bajo Chiquito Canaán Membrillo Nicanor Tinajitas Agua Fría Anapal
Chepo Cupica Jaqué Garachiné Sambú Tucutí Pucuro Paya Boca de Cupe Púcuro`
  .split(/\s+/)
  .filter(Boolean)

const esWord = zipf(ES_WORDS)
const enWord = zipf(EN_WORDS)

/** A paragraph of `n` words in a language, in sentences of 8 to 16 words. */
function paragraph(rng: Rng, lang: 'es' | 'en', n: number): string {
  const word = lang === 'es' ? esWord : enWord
  const out: string[] = []
  let sentence = 0
  let length = between(rng, 8, 16)
  for (let i = 0; i < n; i++) {
    let w = word(rng)
    if (rng() < 0.004) w = pick(rng, RARE)
    if (sentence === 0) w = w[0].toUpperCase() + w.slice(1)
    sentence++
    if (sentence >= length || i === n - 1) {
      w += '.'
      sentence = 0
      length = between(rng, 8, 16)
    }
    out.push(w)
  }
  return out.join(' ')
}

const TOPICS: [string, string][] = [
  ['protección de la niñez migrante', 'protection of migrant children'],
  ['tráfico ilícito de migrantes', 'migrant smuggling'],
  ['trata de personas', 'trafficking in persons'],
  ['migración laboral', 'labour migration'],
  ['gestión integral de fronteras', 'integrated border management'],
  ['retorno y reintegración', 'return and reintegration'],
  ['migración irregular y masiva', 'irregular and mass migration'],
  ['protección consular', 'consular protection'],
  ['desplazamiento por desastres', 'disaster displacement'],
  ['regularización migratoria', 'migration regularization'],
  ['personas refugiadas y solicitantes de asilo', 'refugees and asylum seekers'],
  ['estadísticas migratorias', 'migration statistics'],
  ['integración de personas migrantes', 'integration of migrants'],
  ['mujeres migrantes', 'migrant women'],
  ['remesas y desarrollo', 'remittances and development'],
  ['salud de las personas migrantes', 'health of migrants'],
]

const KIND_TITLES: Record<DocumentKind, [string, string]> = {
  declaration: ['Declaración sobre', 'Declaration on'],
  decision: ['Decisión sobre', 'Decision on'],
  conclusions_recommendations: ['Conclusiones y recomendaciones sobre', 'Conclusions and recommendations on'],
  report: ['Informe sobre', 'Report on'],
  work_plan: ['Plan de trabajo en materia de', 'Work plan on'],
  guideline: ['Lineamientos regionales de', 'Regional guidelines on'],
  concept_note: ['Nota conceptual sobre', 'Concept note on'],
  minutes: ['Acta de la sesión sobre', 'Minutes of the session on'],
  presentation: ['Presentación sobre', 'Presentation on'],
  study: ['Estudio sobre', 'Study on'],
  other: ['Nota de la Secretaría sobre', 'Secretariat note on'],
}
const KIND_CODES: Record<DocumentKind, string> = {
  declaration: 'DECL',
  decision: 'DEC',
  conclusions_recommendations: 'CR',
  report: 'REP',
  work_plan: 'WP',
  guideline: 'GL',
  concept_note: 'CN',
  minutes: 'MIN',
  presentation: 'PRES',
  study: 'STU',
  other: 'DOC',
}
const TAGS = [
  'niñez',
  'protección',
  'tráfico ilícito',
  'trata',
  'fronteras',
  'laboral',
  'retorno',
  'asilo',
  'datos',
  'género',
  'children',
  'smuggling',
  'borders',
  'labour',
]

const AGENDA: [string, string][] = [
  ['Apertura y palabras de bienvenida', 'Opening and words of welcome'],
  ['Aprobación de la agenda', 'Adoption of the agenda'],
  ['Informe de la Presidencia Pro Tempore', 'Report of the Pro-Tempore Presidency'],
  ['Informe de la Secretaría Ejecutiva', 'Report of the Executive Secretariat'],
  ['Informes de los grupos de trabajo', 'Reports of the working groups'],
  ['Intervenciones de los países observadores', 'Statements of the observer countries'],
  ['Intervenciones de los organismos internacionales', 'Statements of the international organizations'],
  ['Diálogo con la sociedad civil', 'Dialogue with civil society'],
  ['Plan de acción regional', 'Regional plan of action'],
  ['Presupuesto y Fondo de la Conferencia', 'Budget and Conference Fund'],
  ['Asuntos varios', 'Other matters'],
  ['Clausura', 'Closing'],
]

const ZONES: Record<string, string> = {
  BZ: 'America/Belize',
  CA: 'America/Toronto',
  CR: 'America/Costa_Rica',
  SV: 'America/El_Salvador',
  US: 'America/New_York',
  GT: 'America/Guatemala',
  HN: 'America/Tegucigalpa',
  MX: 'America/Mexico_City',
  NI: 'America/Managua',
  PA: 'America/Panama',
  DO: 'America/Santo_Domingo',
}

const MEETING_KINDS: readonly (readonly [MeetingKind, number])[] = [
  ['working_group', 40],
  ['workshop', 20],
  ['rcgm', 10],
  ['vice_ministerial', 5],
  ['troika', 10],
  ['other', 15],
]
const MEETING_KIND_CODES: Record<MeetingKind, string> = {
  vice_ministerial: 'VM',
  rcgm: 'RCGM',
  working_group: 'WG',
  workshop: 'WS',
  troika: 'TR',
  other: 'M',
}
const MEETING_NAMES: Record<MeetingKind, [string, string]> = {
  vice_ministerial: ['Reunión Viceministerial', 'Vice-Ministerial Meeting'],
  rcgm: [
    'Reunión del Grupo Regional de Consulta sobre Migración',
    'Meeting of the Regional Consultation Group',
  ],
  working_group: ['Reunión del grupo de trabajo', 'Working group meeting'],
  workshop: ['Taller regional', 'Regional workshop'],
  troika: ['Reunión de la Troika', 'Troika meeting'],
  other: ['Seminario web', 'Webinar'],
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let out = ''
  for (const [v, s] of table) {
    while (n >= v) {
      out += s
      n -= v
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------
// Typed bulk inserts

type Raw = string | number | null
type RowOf<T extends SQLiteTable, K extends keyof T['$inferInsert']> = { [P in K]: Raw }

/** A prepared insert for some columns of a Drizzle table, named by their (type-checked) property names.
 * Values are raw SQLite values: timestamps in ms, booleans 0/1, JSON as text. */
function inserter<T extends SQLiteTable, K extends keyof T['$inferInsert'] & string>(
  sqlite: Database.Database,
  table: T,
  keys: readonly K[],
) {
  const columns = keys.map((k) => (table as unknown as Record<string, { name: string }>)[k].name)
  const statement = sqlite.prepare(
    `insert into "${getTableName(table)}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  )
  return (row: RowOf<T, K>) => statement.run(keys.map((k) => row[k]))
}

// ---------------------------------------------------------------------------------------------------
// The seed

const DAY = 24 * 3600 * 1000

interface Person {
  id: string
  orgCode: string
  /** the national institution's id, for its people */
  institutionId: string | null
  role: PersonRole
  active: boolean
}

interface Context {
  sqlite: Database.Database
  tx: Tx
  rng: Rng
  now: number
  scale: number
  ids: Map<string, string>
  people: Person[]
  byOrg: Map<string, Person[]>
  secretariatIds: string[]
}

interface SeededMeeting {
  id: string
  startsAt: number
  agendaIds: string[]
}

interface StoredFile {
  storageKey: string
  sha256: string
  size: number
  mimeType: string
  extension: string
}

const count = (full: number, scale: number, min = 1) => Math.max(min, Math.round(full * scale))

const ENGLISH_SPEAKING = new Set(['BZ', 'CA', 'US', 'JM'])
const WORKING_GROUPS = ['border-management', 'labor-migration', 'irregular-mass-migration', 'protection']

function seedPeople(ctx: Context, total: number, passwordHash: string) {
  const insert = inserter(ctx.sqlite, people, [
    'id',
    'email',
    'name',
    'title',
    'organizationId',
    'institutionId',
    'role',
    'language',
    'status',
    'passwordHash',
    'totpExempt',
    'createdAt',
    'updatedAt',
  ])
  const member = inserter(ctx.sqlite, groupMemberships, ['groupId', 'personId', 'role', 'createdAt'])
  const { rng, ids, now } = ctx
  const institutions = new Map<string, OrgSeed[]>()
  for (const i of NATIONAL_INSTITUTIONS)
    institutions.set(i.parent!, [...(institutions.get(i.parent!) ?? []), i])
  const add = (
    email: string,
    org: OrgSeed,
    role: Person['role'],
    opts: { groups?: string[]; status?: PersonStatus; institution?: string } = {},
  ) => {
    const id = newId()
    const status = opts.status ?? 'active'
    const english = ENGLISH_SPEAKING.has(org.code) || org.kind === 'international_organization'
    const n = ctx.people.length
    insert({
      id,
      email,
      name: `${english ? 'Bench' : 'Prueba'} ${org.code} ${n}`,
      title: role === 'secretariat' ? 'Programme Officer' : english ? 'Policy Adviser' : 'Asesor/a',
      organizationId: ids.get(org.code)!,
      institutionId: opts.institution ? ids.get(opts.institution)! : null,
      role,
      language: english ? 'en' : 'es',
      status,
      passwordHash: status === 'invited' ? null : passwordHash,
      totpExempt: role === 'secretariat' ? 1 : 0,
      createdAt: now - 400 * DAY,
      updatedAt: now - 400 * DAY,
    })
    for (const slug of opts.groups ?? []) {
      member({ groupId: ids.get(`group:${slug}`)!, personId: id, role: 'commenter', createdAt: now })
    }
    const person: Person = {
      id,
      orgCode: org.code,
      institutionId: opts.institution ? ids.get(opts.institution)! : null,
      role,
      active: status === 'active',
    }
    ctx.people.push(person)
    ctx.byOrg.set(org.code, [...(ctx.byOrg.get(org.code) ?? []), person])
    if (role === 'secretariat') ctx.secretariatIds.push(id)
  }

  const pa = MEMBER_STATES.find((s) => s.code === 'PA')!
  add(BENCH_ACCOUNTS.secretariat, SECRETARIAT, 'secretariat')
  add(BENCH_ACCOUNTS.delegate, pa, 'delegate', {
    groups: ['border-management', 'protection'],
    institution: 'PA-SNM',
  })
  // The rest by weight: most people belong to member states; one focal point per organization first.
  const orgs: (readonly [OrgSeed, number])[] = [
    ...MEMBER_STATES.map((o) => [o, 60 / MEMBER_STATES.length] as const),
    ...OBSERVER_STATES.map((o) => [o, 10 / OBSERVER_STATES.length] as const),
    ...OBSERVER_ORGANIZATIONS.map((o) => [o, 24 / OBSERVER_ORGANIZATIONS.length] as const),
    ...CIVIL_SOCIETY.map((o) => [o, 3] as const),
    [SECRETARIAT, 3] as const,
  ]
  let n = ctx.people.length
  while (n < total) {
    const org = weighted(rng, orgs)
    const first = !ctx.byOrg.has(org.code)
    const role: Person['role'] =
      org.kind === 'secretariat' ? 'secretariat' : first ? 'focal_point' : 'delegate'
    const r = rng()
    const status = r < 0.04 ? 'invited' : r < 0.05 ? 'disabled' : 'active'
    const groups =
      org.kind === 'member_state' && rng() < 0.5
        ? [pick(rng, WORKING_GROUPS), ...(rng() < 0.2 ? [pick(rng, GROUPS).slug] : [])]
        : []
    add(`u${n}.${org.code.toLowerCase()}@bench.rcm.example`, org, role, {
      status,
      groups: [...new Set(groups)],
      institution:
        institutions.has(org.code) && rng() < 0.5 ? pick(rng, institutions.get(org.code)!).code : undefined,
    })
    n++
  }
}

function seedMeetings(ctx: Context, total: number): SeededMeeting[] {
  const { sqlite, rng, ids, now } = ctx
  const insertMeeting = inserter(sqlite, meetings, [
    'id',
    'kind',
    'number',
    'titleEs',
    'titleEn',
    'themeEs',
    'themeEn',
    'startsAt',
    'endsAt',
    'timeZone',
    'place',
    'hostOrganizationId',
    'groupId',
    'openness',
    'status',
    'registrationDeadline',
    'createdById',
    'createdAt',
    'updatedAt',
  ])
  const invite = inserter(sqlite, meetingInvitations, ['meetingId', 'organizationId', 'createdAt'])
  const insertAgenda = inserter(sqlite, agendaItems, [
    'id',
    'meetingId',
    'parentId',
    'position',
    'titleEs',
    'titleEn',
    'startsAt',
    'durationMinutes',
    'presenter',
    'createdAt',
  ])
  const insertMinutes = inserter(sqlite, minutes, [
    'id',
    'meetingId',
    'agendaItemId',
    'text',
    'revision',
    'status',
    'adoptedAt',
    'updatedById',
    'createdAt',
    'updatedAt',
  ])
  const insertDecision = inserter(sqlite, decisions, [
    'id',
    'meetingId',
    'agendaItemId',
    'number',
    'code',
    'textEs',
    'textEn',
    'createdById',
    'createdAt',
  ])
  const delegate = inserter(sqlite, delegationMembers, [
    'id',
    'meetingId',
    'organizationId',
    'personId',
    'role',
    'rsvp',
    'attendance',
    'registeredById',
    'createdAt',
    'updatedAt',
  ])
  const sec = ctx.secretariatIds[0]
  const numbers = new Map<MeetingKind, number>()
  const codes = new Set<string>()
  const first = Date.UTC(2000, 0, 1)
  const last = now + 540 * DAY
  const out: SeededMeeting[] = []
  const observers = [...OBSERVER_STATES, ...OBSERVER_ORGANIZATIONS, ...CIVIL_SOCIETY]
  for (let i = 0; i < total; i++) {
    // The first meeting is the showcase the benchmark opens: open, held a year ago, in Panama.
    const showcase = i === 0
    const kind: MeetingKind = showcase ? 'vice_ministerial' : weighted(rng, MEETING_KINDS)
    const seq = (numbers.get(kind) ?? 0) + 1
    numbers.set(kind, seq)
    const number = kind === 'vice_ministerial' || kind === 'rcgm' ? roman(seq) : null
    const host = showcase ? 'PA' : pick(rng, MEMBER_STATES).code
    const startsAt = showcase ? now - 365 * DAY : first + Math.floor(rng() * (last - first))
    const endsAt = startsAt + between(rng, 0, 2) * DAY + 8 * 3600 * 1000
    const held = endsAt < now
    const openness = !showcase && rng() < 0.2 ? 'members_only' : 'open'
    const status = held
      ? rng() < 0.05 && !showcase
        ? 'cancelled'
        : 'held'
      : rng() < 0.5
        ? 'confirmed'
        : 'planned'
    const topic = pick(rng, TOPICS)
    const [nameEs, nameEn] = MEETING_NAMES[kind]
    const id = newId()
    const hostName = MEMBER_STATES.find((s) => s.code === host)!
    insertMeeting({
      id,
      kind,
      number,
      titleEs: `${number ? `${number} ` : ''}${nameEs}, ${hostName.nameEs} ${new Date(startsAt).getUTCFullYear()}`,
      titleEn: `${number ? `${number} ` : ''}${nameEn}, ${hostName.nameEn} ${new Date(startsAt).getUTCFullYear()}`,
      themeEs: rng() < 0.5 ? topic[0] : null,
      themeEn: rng() < 0.5 ? topic[1] : null,
      startsAt,
      endsAt,
      timeZone: ZONES[host],
      place: hostName.nameEs,
      hostOrganizationId: ids.get(host)!,
      groupId: kind === 'working_group' ? ids.get(`group:${pick(rng, WORKING_GROUPS)}`)! : null,
      openness,
      status,
      registrationDeadline: held ? null : startsAt - 14 * DAY,
      createdById: sec,
      createdAt: Math.min(startsAt - 60 * DAY, now),
      updatedAt: Math.min(startsAt - 60 * DAY, now),
    })
    const invited = [
      ...MEMBER_STATES.map((s) => s.code),
      ...(openness === 'open' ? observers.filter(() => rng() < 0.6).map((o) => o.code) : []),
    ]
    for (const code of invited)
      invite({ meetingId: id, organizationId: ids.get(code)!, createdAt: startsAt - 90 * DAY })

    // Agenda: 4 to 9 items, some with sub-items; minutes and decisions once the meeting was held.
    const agendaIds: string[] = []
    const items = showcase ? 8 : between(rng, 4, 9)
    let decisionNumber = 0
    for (let p = 1; p <= items; p++) {
      const [tEs, tEn] = AGENDA[(p - 1) % AGENDA.length]
      const itemId = newId()
      insertAgenda({
        id: itemId,
        meetingId: id,
        parentId: null,
        position: p,
        titleEs: tEs,
        titleEn: tEn,
        startsAt: startsAt + p * 3600 * 1000,
        durationMinutes: between(rng, 2, 8) * 15,
        presenter: rng() < 0.5 ? pick(rng, MEMBER_STATES).nameEs : null,
        createdAt: startsAt - 30 * DAY,
      })
      agendaIds.push(itemId)
      const subs = rng() < 0.25 ? between(rng, 1, 3) : 0
      for (let s = 1; s <= subs; s++) {
        const subId = newId()
        const [sEs, sEn] = pick(rng, TOPICS)
        insertAgenda({
          id: subId,
          meetingId: id,
          parentId: itemId,
          position: s,
          titleEs: sEs,
          titleEn: sEn,
          startsAt: null,
          durationMinutes: null,
          presenter: null,
          createdAt: startsAt - 30 * DAY,
        })
        agendaIds.push(subId)
      }
      if (status !== 'held') continue
      insertMinutes({
        id: newId(),
        meetingId: id,
        agendaItemId: itemId,
        text: paragraph(rng, 'es', between(rng, 30, 90)),
        revision: between(rng, 1, 4),
        status: 'adopted',
        adoptedAt: endsAt + 30 * DAY,
        updatedById: sec,
        createdAt: endsAt,
        updatedAt: endsAt + 30 * DAY,
      })
      if (p > 2 && (showcase || rng() < 0.4)) {
        decisionNumber++
        let code = `${number ?? new Date(startsAt).toISOString().slice(0, 10)}-${MEETING_KIND_CODES[kind]}/D.${decisionNumber}`
        if (codes.has(code)) code = `${code}-${i}`
        codes.add(code)
        insertDecision({
          id: newId(),
          meetingId: id,
          agendaItemId: itemId,
          number: decisionNumber,
          code,
          textEs: paragraph(rng, 'es', between(rng, 20, 50)),
          textEn: rng() < 0.7 ? paragraph(rng, 'en', between(rng, 20, 50)) : null,
          createdById: sec,
          createdAt: endsAt,
        })
      }
    }
    // Delegations of a few member states.
    const delegations = showcase
      ? MEMBER_STATES.map((s) => s.code)
      : MEMBER_STATES.filter(() => rng() < 0.3).map((s) => s.code)
    for (const code of delegations) {
      const members = (ctx.byOrg.get(code) ?? []).filter((p) => p.active).slice(0, between(rng, 1, 3))
      members.forEach((m, k) =>
        delegate({
          id: newId(),
          meetingId: id,
          organizationId: ids.get(code)!,
          personId: m.id,
          role: k === 0 ? 'head' : 'alternate',
          rsvp: held ? 'accepted' : 'pending',
          attendance: status === 'held' ? 'present' : 'not_recorded',
          registeredById: m.id,
          createdAt: startsAt - 20 * DAY,
          updatedAt: startsAt - 20 * DAY,
        }),
      )
    }
    out.push({ id, startsAt, agendaIds })
  }
  return out
}

/** A few real files, stored once through the storage module; every file row points at one of them. */
async function storeSampleFiles(): Promise<StoredFile[]> {
  const pdf = await buildPdf(
    'Conferencia Regional sobre Migración: documento de prueba',
    'Documento de prueba del conjunto de datos de rendimiento. Benchmark sample document.',
  )
  const txt = new TextEncoder().encode(
    'Nota de prueba del conjunto de datos de rendimiento.\nBenchmark note.\n',
  )
  const csv = new TextEncoder().encode('País,Personas,Año\nPanamá,520000,2023\nMéxico,310000,2023\n')
  return [
    { bytes: pdf, name: 'bench.pdf', extension: 'pdf' },
    { bytes: txt, name: 'bench.txt', extension: 'txt' },
    { bytes: csv, name: 'bench.csv', extension: 'csv' },
  ].map(({ bytes, name, extension }) => {
    const s = storeBytes(bytes, name)
    return { storageKey: s.storageKey, sha256: s.sha256, size: s.size, mimeType: s.mimeType, extension }
  })
}

const VISIBILITY: readonly (readonly [DocumentVisibility, number])[] = [
  ['public', 30],
  ['participants', 40],
  ['members', 15],
  ['group', 10],
  ['secretariat', 5],
]

function seedDocuments(ctx: Context, total: number, meetingList: SeededMeeting[], files: StoredFile[]) {
  const { sqlite, rng, ids, now } = ctx
  const insertDocument = inserter(sqlite, documents, [
    'id',
    'reference',
    'searchRowid',
    'titleEs',
    'titleEn',
    'originalLanguage',
    'kind',
    'description',
    'documentDate',
    'ownerOrganizationId',
    'uploadedById',
    'visibility',
    'groupId',
    'embargoUntil',
    'meetingId',
    'agendaItemId',
    'tags',
    'currentVersion',
    'deletedAt',
    'deletedById',
    'createdAt',
    'updatedAt',
  ])
  const insertVersion = inserter(sqlite, documentVersions, [
    'id',
    'documentId',
    'number',
    'note',
    'uploadedById',
    'createdAt',
  ])
  const insertFile = inserter(sqlite, documentFiles, [
    'id',
    'versionId',
    'language',
    'isOriginal',
    'storageKey',
    'sha256',
    'size',
    'mimeType',
    'filename',
    'textStatus',
    'extractedText',
    'uploadedById',
    'createdAt',
  ])
  // The same columns and text as search.server.ts indexDocument writes (checked by the test).
  const index = sqlite.prepare(
    'insert into documents_fts (rowid, title, description, reference, tags, body) values (?, ?, ?, ?, ?, ?)',
  )
  const owners: (readonly [string, number])[] = [
    [SECRETARIAT.code, 35],
    ...MEMBER_STATES.map((s) => [s.code, 45 / MEMBER_STATES.length] as const),
    ...OBSERVER_STATES.map((s) => [s.code, 5 / OBSERVER_STATES.length] as const),
    ...OBSERVER_ORGANIZATIONS.map((s) => [s.code, 15 / OBSERVER_ORGANIZATIONS.length] as const),
  ]
  const sequences = new Map<string, number>()
  const perDay = new Map<string, number>()
  const firstDay = Date.UTC(2000, 0, 1)
  const lastDay = now - 2 * DAY
  // Written in the order of their dates, as a library fills up over the years (each is created the day
  // after its date): the table's order is the creation order, as in a real install.
  const days = Array.from({ length: total }, () => firstDay + Math.floor(rng() * (lastDay - firstDay))).sort(
    (a, b) => a - b,
  )
  for (let i = 0; i < total; i++) {
    // The first document is the showcase the benchmark opens (visible to the delegate).
    const showcase = i === 0
    const kind: DocumentKind = showcase ? 'report' : pick(rng, DOCUMENT_KINDS)
    const dated = showcase ? now - 300 * DAY : days[i]!
    const date = new Date(dated).toISOString().slice(0, 10)
    const year = Number(date.slice(0, 4))
    const key = `${year}/${KIND_CODES[kind]}`
    const seq = (sequences.get(key) ?? 0) + 1
    sequences.set(key, seq)
    const reference = `RCM/${key}/${String(seq).padStart(3, '0')}`
    const original: 'es' | 'en' = showcase || rng() < 0.7 ? 'es' : 'en'
    const other = original === 'es' ? 'en' : 'es'
    const bilingual = showcase || rng() < 0.8
    const topic = pick(rng, TOPICS)
    const country = pick(rng, MEMBER_STATES)
    const titleEs = `${KIND_TITLES[kind][0]} ${topic[0]}: ${country.nameEs}, ${year}`
    const titleEn = `${KIND_TITLES[kind][1]} ${topic[1]}: ${country.nameEn}, ${year}`
    const ownerCode = showcase ? 'PA' : weighted(rng, owners)
    const uploaders = (ctx.byOrg.get(ownerCode) ?? []).filter((p) => p.active)
    const uploader = uploaders.length ? pick(rng, uploaders).id : ctx.secretariatIds[0]
    const visibility: DocumentVisibility = showcase ? 'participants' : weighted(rng, VISIBILITY)
    const groupSlug = showcase
      ? 'protection'
      : visibility === 'group' || rng() < 0.15
        ? pick(rng, GROUPS).slug
        : null
    const meeting = showcase ? meetingList[0] : rng() < 0.15 ? pick(rng, meetingList) : null
    const versions = showcase
      ? 2
      : weighted(rng, [
          [1, 70],
          [2, 22],
          [3, 8],
        ] as const)
    const tags = TAGS.filter(() => rng() < 0.08)
    const description = rng() < 0.5 ? paragraph(rng, original, between(rng, 10, 30)) : null
    const created = Math.min(dated + DAY, now - DAY)
    const id = newId()
    const nthOfDay = (perDay.get(date) ?? 0) + 1
    perDay.set(date, nthOfDay)
    const searchRowid = searchRowidOf(date, nthOfDay)
    insertDocument({
      id,
      reference,
      searchRowid,
      titleEs: original === 'es' || bilingual ? titleEs : null,
      titleEn: original === 'en' || bilingual ? titleEn : null,
      originalLanguage: original,
      kind,
      description,
      documentDate: date,
      ownerOrganizationId: ids.get(ownerCode)!,
      uploadedById: uploader,
      visibility,
      groupId: groupSlug ? ids.get(`group:${groupSlug}`)! : null,
      embargoUntil: !showcase && rng() < 0.005 ? now + 30 * DAY : null,
      meetingId: meeting?.id ?? null,
      agendaItemId: meeting && rng() < 0.5 ? pick(rng, meeting.agendaIds) : null,
      tags: JSON.stringify(tags),
      currentVersion: versions,
      deletedAt: !showcase && rng() < 0.003 ? now - DAY : null,
      deletedById: null,
      createdAt: created,
      updatedAt: created,
    })
    let body: string[] = []
    for (let v = 1; v <= versions; v++) {
      const versionId = newId()
      const at = Math.min(created + (v - 1) * 90 * DAY, now - DAY)
      insertVersion({
        id: versionId,
        documentId: id,
        number: v,
        note: v > 1 ? paragraph(rng, original, between(rng, 5, 12)) : null,
        uploadedById: uploader,
        createdAt: at,
      })
      const file = showcase
        ? files[0]
        : weighted(rng, [
            [files[0], 75],
            [files[1], 15],
            [files[2], 10],
          ] as const)
      const languages: ('es' | 'en' | 'fr' | 'pt')[] = [original]
      // Translations: often in the first version only, so that later versions show them as outdated.
      if (bilingual && (v === 1 || rng() < 0.4)) languages.push(other)
      if (rng() < 0.02) languages.push(rng() < 0.5 ? 'fr' : 'pt')
      const texts: string[] = []
      languages.forEach((language, li) => {
        const text = paragraph(rng, language === 'en' ? 'en' : 'es', between(rng, 30, 110))
        // A handful of documents name a very rare place.
        const extracted = rng() < 0.002 ? `${text} ${pick(rng, VERY_RARE)}.` : text
        texts.push(extracted)
        insertFile({
          id: newId(),
          versionId,
          language,
          isOriginal: li === 0 ? 1 : 0,
          storageKey: file.storageKey,
          sha256: file.sha256,
          size: file.size,
          mimeType: file.mimeType,
          filename: `${reference.replace(/\//g, '-')}-v${v}-${language}.${file.extension}`,
          textStatus: 'done',
          extractedText: extracted,
          uploadedById: uploader,
          createdAt: at,
        })
      })
      if (v === versions) body = texts
    }
    const title = [
      original === 'es' || bilingual ? titleEs : null,
      original === 'en' || bilingual ? titleEn : null,
    ]
      .filter(Boolean)
      .join('\n')
    index.run(searchRowid, title, description ?? '', reference, tags.join(' '), body.join('\n'))
  }
}

// ---------------------------------------------------------------------------------------------------
// Action items

const ACTION_VERBS: [string, string][] = [
  ['Elaborar un informe sobre', 'Prepare a report on'],
  ['Organizar un taller regional sobre', 'Organize a regional workshop on'],
  ['Difundir los lineamientos regionales de', 'Disseminate the regional guidelines on'],
  ['Actualizar el protocolo nacional de', 'Update the national protocol on'],
  ['Presentar avances en materia de', 'Report progress on'],
  ['Designar un punto focal para', 'Appoint a focal point for'],
  ['Compartir datos y estadísticas sobre', 'Share data and statistics on'],
  ['Coordinar con la sociedad civil acciones de', 'Coordinate with civil society on'],
  ['Revisar el plan de trabajo de', 'Review the work plan on'],
  ['Realizar un diagnóstico sobre', 'Carry out an assessment of'],
  ['Capacitar a funcionarios en', 'Train officials in'],
]
const CANCEL_REASONS = [
  'Sustituida por una nueva acción acordada en la reunión siguiente.',
  'La Presidencia Pro Tempore retiró la propuesta.',
  'Superseded by a decision of the Vice-Ministerial Meeting.',
  'Sin financiamiento disponible.',
]
const RETURN_COMMENTS = [
  'Falta adjuntar el informe final.',
  'Please attach the signed protocol as evidence.',
  'El documento de evidencia corresponde a otra acción.',
]

/** How an action ends up: a status, or an open one awaiting validation (`awaiting`) or sent back after
 * a report of done (`returned`). Past due days are mostly done, and the rest open (overdue). */
type ActionPlan = 'not_started' | 'in_progress' | 'blocked' | 'done' | 'cancelled' | 'awaiting' | 'returned'
const PAST_PLANS: readonly (readonly [ActionPlan, number])[] = [
  ['done', 48],
  ['cancelled', 7],
  ['in_progress', 14],
  ['returned', 3],
  ['not_started', 9],
  ['blocked', 9],
  ['awaiting', 5],
]
const FUTURE_PLANS: readonly (readonly [ActionPlan, number])[] = [
  ['not_started', 34],
  ['in_progress', 36],
  ['returned', 2],
  ['blocked', 7],
  ['awaiting', 5],
  ['done', 12],
  ['cancelled', 4],
]
/** The first actions, owned by Panama and overdue if open, so that every case exists at any scale. */
const SHOWCASE_PLANS: ActionPlan[] = [
  'not_started',
  'in_progress',
  'blocked',
  'done',
  'cancelled',
  'awaiting',
  'returned',
]

/** A report in an action's history; `review` is the secretariat's later answer to an owner's done. */
interface Step {
  status: ActionStatus
  progress: number
  bySecretariat: boolean
  review?: 'validated' | 'returned'
}

function planSteps(rng: Rng, plan: ActionPlan): Step[] {
  const steps: Step[] = []
  let progress = 0
  const advance = (n: number, max: number) => {
    for (let i = 0; i < n; i++) {
      progress = Math.min(max, progress + 5 * between(rng, 1, 6))
      steps.push({ status: 'in_progress', progress, bySecretariat: false })
    }
  }
  switch (plan) {
    case 'not_started':
      if (rng() < 0.15) steps.push({ status: 'not_started', progress: 0, bySecretariat: false })
      break
    case 'in_progress':
      advance(between(rng, 1, 3), 95)
      break
    case 'blocked':
      advance(between(rng, 0, 2), 80)
      steps.push({ status: 'blocked', progress, bySecretariat: false })
      break
    case 'awaiting':
      advance(between(rng, 0, 2), 90)
      steps.push({ status: 'done', progress: 100, bySecretariat: false })
      break
    case 'returned':
      advance(between(rng, 0, 2), 90)
      steps.push({ status: 'done', progress: 100, bySecretariat: false, review: 'returned' })
      progress = 5 * between(rng, 12, 19)
      steps.push({ status: 'in_progress', progress, bySecretariat: false })
      break
    case 'done':
      advance(between(rng, 0, 3), 90)
      if (rng() < 0.7)
        steps.push({ status: 'done', progress: 100, bySecretariat: false, review: 'validated' })
      else steps.push({ status: 'done', progress: 100, bySecretariat: true })
      break
    case 'cancelled':
      advance(between(rng, 0, 2), 80)
      steps.push({ status: 'cancelled', progress, bySecretariat: true })
      break
  }
  return steps
}

/** The instant a due day ends in the secretariat's time zone (UTC-6, see overdue.server.ts). */
const dueDayEnds = (day: string) => Date.parse(`${day}T00:00:00Z`) + DAY + 6 * 3600 * 1000

/** The last index of a sorted list whose value is at most `x` (-1 when none). */
function lastAtMost(sorted: readonly number[], x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] <= x) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/**
 * `count(BENCH_FULL.actionItems)` action items as the portal's own services would have left them (the
 * demo seeder's replay, db/seed/actions.ts): owned by 1-3 member states, national institutions and
 * organizations, some supported by others; from decisions and agenda items of meetings held before they
 * were created, from working groups, or from nothing; due days over 2019-2028, so that most past ones
 * are done and about a third of all are overdue; histories of reports by the owners' people (a done by
 * an owner waits for validation, is validated or sent back), a revision per change, evidence from the
 * library, and the reminders the periodic sweep has already sent this week (so that the benchmark's
 * server does not start by mailing a backlog that a running install would not have).
 */
function seedActionItems(ctx: Context): void {
  const { sqlite, rng, ids, now } = ctx
  const total = count(BENCH_FULL.actionItems, ctx.scale)
  const insertAction = inserter(sqlite, actionItems, [
    'id',
    'titleEs',
    'titleEn',
    'descriptionEs',
    'descriptionEn',
    'originType',
    'decisionId',
    'agendaItemId',
    'meetingId',
    'groupId',
    'planSectionId',
    'dueDate',
    'priority',
    'status',
    'progress',
    'tags',
    'revision',
    'completedAt',
    'createdById',
    'createdAt',
    'updatedAt',
  ])
  const insertOwner = inserter(sqlite, actionOwners, ['actionId', 'organizationId', 'focalPersonId', 'kind'])
  const insertUpdate = inserter(sqlite, actionUpdates, [
    'id',
    'actionId',
    'authorId',
    'organizationId',
    'status',
    'progress',
    'note',
    'revision',
    'validation',
    'validatedById',
    'validatedAt',
    'validationComment',
    'createdAt',
  ])
  const insertEvidence = inserter(sqlite, actionUpdateEvidence, ['updateId', 'documentId'])
  const insertReminder = inserter(sqlite, actionReminders, ['actionId', 'kind', 'sentAt', 'recipients'])

  // Origins, by when they happened: an action comes from a meeting held before it was created.
  const decisionRows = sqlite
    .prepare(
      `select d.id, d.meeting_id as meetingId, d.agenda_item_id as agendaItemId, d.created_at as at
       from decisions d join meetings m on m.id = d.meeting_id where m.status <> 'cancelled' order by d.created_at`,
    )
    .all() as { id: string; meetingId: string; agendaItemId: string | null; at: number }[]
  const decisionTimes = decisionRows.map((d) => d.at)
  const itemRows = sqlite
    .prepare(
      `select a.id, a.meeting_id as meetingId, m.ends_at as at from agenda_items a
       join meetings m on m.id = a.meeting_id
       where a.parent_id is null and m.status = 'held' order by m.ends_at`,
    )
    .all() as { id: string; meetingId: string; at: number }[]
  const itemTimes = itemRows.map((i) => i.at)
  /** one of the last three years' records before `at`, or null */
  const recent = <T>(rows: T[], times: number[], at: number): T | null => {
    const hi = lastAtMost(times, at)
    const lo = Math.max(0, lastAtMost(times, at - 3 * 365 * DAY) + 1)
    return hi >= lo ? rows[between(rng, lo, hi)] : null
  }
  // Evidence: documents every participant may open.
  const evidencePool = (
    sqlite
      .prepare(
        `select id from documents where visibility in ('public', 'participants') and deleted_at is null
         and embargo_until is null limit 5000`,
      )
      .all() as { id: string }[]
  ).map((d) => d.id)

  const secretariat = ctx.people.filter((p) => p.role === 'secretariat' && p.active)
  const active = ctx.people.filter((p) => p.active)
  const activeOf = new Map<string, Person[]>()
  for (const p of active) {
    activeOf.set(p.orgCode, [...(activeOf.get(p.orgCode) ?? []), p])
    if (p.institutionId) activeOf.set(p.institutionId, [...(activeOf.get(p.institutionId) ?? []), p])
  }
  const parentOf = new Map(NATIONAL_INSTITUTIONS.map((i) => [i.code, i.parent!]))
  /** who speaks for an owner (can.ts speaksFor): its people, for an institution its state's people */
  const reporters = (code: string) =>
    code === SECRETARIAT.code ? secretariat : (activeOf.get(parentOf.get(code) ?? code) ?? [])
  /** a focal person of an owner: one of its own people (an institution's own officers) */
  const focalCandidates = (code: string) => activeOf.get(parentOf.has(code) ? ids.get(code)! : code) ?? []
  const orgOfPerson = (p: Person) => p.institutionId ?? ids.get(p.orgCode)!

  const ownerPool: (readonly [string, number])[] = [
    ...MEMBER_STATES.map((s) => [s.code, 58 / MEMBER_STATES.length] as const),
    ...NATIONAL_INSTITUTIONS.map((i) => [i.code, 20 / NATIONAL_INSTITUTIONS.length] as const),
    ...OBSERVER_ORGANIZATIONS.map((o) => [o.code, 17 / OBSERVER_ORGANIZATIONS.length] as const),
    [SECRETARIAT.code, 5],
  ]
  const supportPool: (readonly [string, number])[] = [
    ...OBSERVER_ORGANIZATIONS.map((o) => [o.code, 50 / OBSERVER_ORGANIZATIONS.length] as const),
    [SECRETARIAT.code, 20],
    ...CIVIL_SOCIETY.map((o) => [o.code, 10 / CIVIL_SOCIETY.length] as const),
    ...OBSERVER_STATES.map((o) => [o.code, 10 / OBSERVER_STATES.length] as const),
    ...MEMBER_STATES.map((o) => [o.code, 10 / MEMBER_STATES.length] as const),
  ]
  const groupSlugs = GROUPS.map((g) => g.slug)
  const today = actionsToday(now)
  const firstDue = Date.UTC(2019, 0, 1)
  const dueSpan = Date.UTC(2028, 11, 31) - firstDue
  const HOUR = 3600 * 1000

  for (let i = 0; i < total; i++) {
    const showcase = i < SHOWCASE_PLANS.length
    const dueDate = showcase
      ? addDays(today, -between(rng, 10, 400))
      : new Date(firstDue + Math.floor(rng() * (dueSpan / DAY)) * DAY).toISOString().slice(0, 10)
    const dueMs = Date.parse(`${dueDate}T00:00:00Z`)
    const past = dueDate < today
    const plan = showcase ? SHOWCASE_PLANS[i] : weighted(rng, past ? PAST_PLANS : FUTURE_PLANS)
    const createdAt =
      Math.min(dueMs - between(rng, 20, 540) * DAY, now - between(rng, 1, 90) * DAY) -
      between(rng, 0, 20) * HOUR

    // Origin
    let origin: {
      originType: OriginType
      decisionId: string | null
      agendaItemId: string | null
      meetingId: string | null
      groupId: string | null
    } = { originType: 'none', decisionId: null, agendaItemId: null, meetingId: null, groupId: null }
    const wanted = weighted(rng, [
      ['decision', 45],
      ['agenda_item', 15],
      ['group', 20],
      ['none', 20],
    ] as const)
    const decision = wanted === 'decision' ? recent(decisionRows, decisionTimes, createdAt) : null
    const item = wanted === 'agenda_item' ? recent(itemRows, itemTimes, createdAt) : null
    if (decision) {
      origin = {
        ...origin,
        originType: 'decision',
        decisionId: decision.id,
        agendaItemId: decision.agendaItemId,
        meetingId: decision.meetingId,
      }
    } else if (item) {
      origin = { ...origin, originType: 'agenda_item', agendaItemId: item.id, meetingId: item.meetingId }
    } else if (wanted === 'group') {
      origin = { ...origin, originType: 'group', groupId: ids.get(`group:${pick(rng, groupSlugs)}`)! }
    }

    // Owners and supporters
    const ownerCodes = new Set<string>(showcase ? ['PA'] : [])
    const owners = showcase
      ? 1
      : weighted(rng, [
          [1, 60],
          [2, 28],
          [3, 12],
        ] as const)
    while (ownerCodes.size < owners) ownerCodes.add(weighted(rng, ownerPool))
    const supportCodes = new Set<string>()
    const supporters = weighted(rng, [
      [0, 55],
      [1, 33],
      [2, 12],
    ] as const)
    for (let tries = 0; supportCodes.size < supporters && tries < 10; tries++) {
      const code = weighted(rng, supportPool)
      if (!ownerCodes.has(code)) supportCodes.add(code)
    }
    const authors = [...ownerCodes].flatMap(reporters)

    // The history, replayed as postUpdate / validateUpdate / cancelAction would have written it.
    const steps = planSteps(rng, plan)
    const events = steps.length + steps.filter((s) => s.review).length
    const closedBy = plan === 'done' || plan === 'cancelled' ? dueMs + 60 * DAY : dueMs + 120 * DAY
    const end = Math.max(createdAt + 2 * HOUR, Math.min(now - HOUR, closedBy))
    const times = Array.from({ length: events }, () => createdAt + HOUR + rng() * (end - createdAt - HOUR))
      .map(Math.floor)
      .sort((a, b) => a - b)
    const id = newId()
    let status: ActionStatus = 'not_started'
    let progress = 0
    let revision = 1
    let updatedAt = createdAt
    let completedAt: number | null = null
    const updates: RowOf<
      typeof actionUpdates,
      | 'id'
      | 'actionId'
      | 'authorId'
      | 'organizationId'
      | 'status'
      | 'progress'
      | 'note'
      | 'revision'
      | 'validation'
      | 'validatedById'
      | 'validatedAt'
      | 'validationComment'
      | 'createdAt'
    >[] = []
    const evidence: [string, string][] = []
    let t = 0
    for (const step of steps) {
      // a done action takes no more reports (only when the secretariat reported in the owners' place)
      if (status === 'done') break
      const at = times[t++]
      const byOwner = !step.bySecretariat && authors.length > 0
      const author = byOwner ? pick(rng, authors) : pick(rng, secretariat)
      // a report by the secretariat's own people is theirs to validate at once
      const bySecretariat = author.role === 'secretariat'
      const done = step.status === 'done'
      revision++
      const updateId = newId()
      const reported = done && bySecretariat ? 100 : step.progress
      const update: (typeof updates)[number] = {
        id: updateId,
        actionId: id,
        authorId: author.id,
        organizationId: orgOfPerson(author),
        status: step.status,
        progress: reported,
        note:
          step.status === 'cancelled'
            ? pick(rng, CANCEL_REASONS)
            : paragraph(rng, rng() < 0.75 ? 'es' : 'en', between(rng, 6, 24)),
        revision,
        validation: done ? (bySecretariat ? 'validated' : 'pending') : null,
        validatedById: done && bySecretariat ? author.id : null,
        validatedAt: done && bySecretariat ? at : null,
        validationComment: null,
        createdAt: at,
      }
      updates.push(update)
      if (evidencePool.length && step.status !== 'cancelled' && rng() < (done ? 0.5 : 0.1)) {
        const docs = new Set([pick(rng, evidencePool), pick(rng, evidencePool)].slice(0, between(rng, 1, 2)))
        for (const doc of docs) evidence.push([updateId, doc])
      }
      progress = reported
      status = done ? (bySecretariat ? 'done' : 'in_progress') : step.status
      completedAt = status === 'done' ? at : null
      updatedAt = at
      if (step.review && done && !bySecretariat) {
        const when = times[t++]
        revision++
        update.validation = step.review
        update.validatedById = pick(rng, secretariat).id
        update.validatedAt = when
        update.validationComment = step.review === 'returned' ? pick(rng, RETURN_COMMENTS) : null
        status = step.review === 'validated' ? 'done' : 'in_progress'
        if (status === 'done') {
          progress = 100
          completedAt = when
        }
        updatedAt = when
      } else if (step.review) {
        t++
      }
    }

    const [verbEs, verbEn] = pick(rng, ACTION_VERBS)
    const [topicEs, topicEn] = pick(rng, TOPICS)
    const english = [...ownerCodes].some((c) => ENGLISH_SPEAKING.has(c))
    const languages = rng() < 0.8 ? 'both' : english ? 'en' : 'es'
    insertAction({
      id,
      titleEs: languages === 'en' ? null : `${verbEs} ${topicEs}`,
      titleEn: languages === 'es' ? null : `${verbEn} ${topicEn}`,
      descriptionEs: languages !== 'en' && rng() < 0.4 ? paragraph(rng, 'es', between(rng, 15, 50)) : null,
      descriptionEn: languages !== 'es' && rng() < 0.3 ? paragraph(rng, 'en', between(rng, 15, 50)) : null,
      ...origin,
      planSectionId: null,
      dueDate,
      priority: weighted(rng, [
        ['low', 25],
        ['medium', 50],
        ['high', 25],
      ] as const),
      status,
      progress,
      tags: JSON.stringify(TAGS.filter(() => rng() < 0.1)),
      revision,
      completedAt,
      createdById: pick(rng, secretariat).id,
      createdAt,
      updatedAt,
    })
    for (const code of ownerCodes) {
      const focal = rng() < 0.35 ? focalCandidates(code) : []
      insertOwner({
        actionId: id,
        organizationId: ids.get(code)!,
        focalPersonId: focal.length ? pick(rng, focal).id : null,
        kind: 'owner',
      })
    }
    for (const code of supportCodes) {
      insertOwner({ actionId: id, organizationId: ids.get(code)!, focalPersonId: null, kind: 'supporting' })
    }
    for (const u of updates) insertUpdate(u)
    for (const [updateId, documentId] of evidence) insertEvidence({ updateId, documentId })

    // Reminders already sent: the last within the past week, some weekly ones before it.
    const open = status === 'not_started' || status === 'in_progress' || status === 'blocked'
    const kind = dueDate < today ? 'overdue' : dueDate <= addDays(today, 7) ? 'due_soon' : null
    if (open && kind) {
      const from = Math.max(now - 7 * DAY + HOUR, kind === 'overdue' ? dueDayEnds(dueDate) : createdAt)
      let sentAt = Math.min(now - 60_000, from + Math.floor(rng() * Math.max(0, now - from)))
      const recipients = between(rng, 1, 4)
      insertReminder({ actionId: id, kind, sentAt, recipients })
      for (let k = kind === 'overdue' ? between(rng, 0, 3) : 0; k > 0; k--) {
        sentAt -= 7 * DAY
        if (sentAt < dueDayEnds(dueDate)) break
        insertReminder({ actionId: id, kind, sentAt, recipients })
      }
    }
  }
}

/** `count(BENCH_FULL.plans, ctx.scale)` plans of the working groups, each of BENCH_FULL.sectionsPerPlan
 * sections (chapters with lines of action under them) with BENCH_FULL.revisionsPerSection revisions
 * each (one in five an English translation), some with wording in brackets. */
function seedPlans(ctx: Context): void {
  const { sqlite, rng, ids, now, people } = ctx
  const insertPlan = inserter(sqlite, plans, [
    'id',
    'groupId',
    'titleEs',
    'titleEn',
    'stage',
    'originalLanguage',
    'createdById',
    'createdAt',
    'updatedAt',
  ])
  const insertStage = inserter(sqlite, planStageHistory, [
    'id',
    'planId',
    'fromStage',
    'stage',
    'byId',
    'note',
    'at',
  ])
  const insertSection = inserter(sqlite, planSections, [
    'id',
    'planId',
    'parentId',
    'position',
    'kind',
    'titleEs',
    'titleEn',
    'leadDrafterId',
    'status',
    'retired',
    'createdAt',
    'updatedAt',
  ])
  const insertRevision = inserter(sqlite, planSectionRevisions, [
    'id',
    'sectionId',
    'number',
    'lang',
    'text',
    'authorId',
    'organizationId',
    'note',
    'baseNumber',
    'merged',
    'translatesNumber',
    'suggestionId',
    'createdAt',
  ])
  const active = people.filter((p) => p.active)
  const stages = [
    'drafting',
    'institutional_consultation',
    'validation_workshop',
    'consolidated_draft',
    'approved',
  ] as const
  const statuses = ['draft', 'in_consultation', 'agreed_ad_referendum', 'agreed'] as const
  const chapters = 5
  const perChapter = BENCH_FULL.sectionsPerPlan / chapters - 1
  for (let p = 0; p < count(BENCH_FULL.plans, ctx.scale); p++) {
    const planId = newId()
    const created = now - (400 - (p % 300)) * DAY
    const author = pick(rng, active)
    const stage = pick(rng, stages)
    insertPlan({
      id: planId,
      groupId: ids.get(`group:${WORKING_GROUPS[p % WORKING_GROUPS.length]}`)!,
      titleEs: `Plan de trabajo ${2020 + (p % 10)} n.º ${p + 1}`,
      titleEn: `Work plan ${2020 + (p % 10)} no. ${p + 1}`,
      stage,
      originalLanguage: 'es',
      createdById: author.id,
      createdAt: created,
      updatedAt: created + 30 * DAY,
    })
    insertStage({
      id: newId(),
      planId,
      fromStage: null,
      stage: 'drafting',
      byId: author.id,
      note: '',
      at: created,
    })
    if (stage !== 'drafting')
      insertStage({
        id: newId(),
        planId,
        fromStage: 'drafting',
        stage,
        byId: author.id,
        note: '',
        at: created + 20 * DAY,
      })
    let n = 0
    const section = (parentId: string | null, position: number, kind: 'chapter' | 'line') => {
      const id = newId()
      const lead = pick(rng, active)
      insertSection({
        id,
        planId,
        parentId,
        position,
        kind,
        titleEs: `${kind === 'chapter' ? 'Capítulo' : 'Línea de acción'} ${++n}`,
        titleEn: `${kind === 'chapter' ? 'Chapter' : 'Line of action'} ${n}`,
        leadDrafterId: lead.id,
        status: stage === 'approved' ? 'agreed' : pick(rng, statuses),
        retired: 0,
        createdAt: created,
        updatedAt: created + 30 * DAY,
      })
      let lastEs = 0
      for (let r = 1; r <= BENCH_FULL.revisionsPerSection; r++) {
        const by = pick(rng, active)
        const en = r % 5 === 0
        const bracket = rng() < 0.15 ? ` [${by.orgCode}: ${paragraph(rng, 'es', 3)}]` : ''
        insertRevision({
          id: newId(),
          sectionId: id,
          number: r,
          lang: en ? 'en' : 'es',
          text: en ? `${paragraph(rng, 'en', 30)}\n` : `${paragraph(rng, 'es', 30)}${bracket}\n`,
          authorId: by.id,
          organizationId: by.institutionId ?? ids.get(by.orgCode) ?? null,
          note: '',
          baseNumber: r > 1 ? r - 1 : null,
          merged: 0,
          translatesNumber: en ? lastEs || null : null,
          suggestionId: null,
          createdAt: created + r * DAY,
        })
        if (!en) lastEs = r
      }
      return id
    }
    for (let c = 1; c <= chapters; c++) {
      const chapter = section(null, c, 'chapter')
      for (let l = 1; l <= perChapter; l++) section(chapter, l, 'line')
    }
  }
}

function tableCount(sqlite: Database.Database, sql: string): number {
  return (sqlite.prepare(sql).get() as { n: number }).n
}

/** Counts what is in the database (so the report cannot claim rows that were not written). */
export function countBenchDataset(sqlite: Database.Database = rawSqlite()): BenchDataset {
  const exists = (table: string) =>
    tableCount(sqlite, `select count(*) as n from sqlite_master where type = 'table' and name = '${table}'`) >
    0
  const rows = (table: string) =>
    exists(table) ? tableCount(sqlite, `select count(*) as n from "${table}"`) : 0
  const orgs = (kinds: string) =>
    tableCount(sqlite, `select count(*) as n from organizations where kind in (${kinds})`)
  return {
    memberStates: orgs(`'member_state'`),
    observerStates: orgs(`'observer_state'`),
    organizations: orgs(`'international_organization', 'civil_society'`),
    users: rows('people'),
    meetings: rows('meetings'),
    agendaItems: rows('agenda_items'),
    decisions: rows('decisions'),
    documents: rows('documents'),
    documentVersions: rows('document_versions'),
    documentFiles: rows('document_files'),
    // Tables of later issues: counted once they exist (rename here if they land under other names).
    actionItems: rows('action_items'),
    plans: rows('plans'),
    planSections: rows('plan_sections'),
    sectionRevisions: rows('plan_section_revisions'),
  }
}

/**
 * Seeds the bench dataset into the current (migrated, empty) database: DATA_DIR must point at the
 * folder whose uploads/ receives the sample files. One transaction; returns the counts.
 */
export async function seedBench({
  scale = 1,
  seed = 2026,
}: { scale?: number; seed?: number } = {}): Promise<BenchDataset> {
  const sqlite = rawSqlite()
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  const files = await storeSampleFiles()
  // Durability is not needed while filling a throw-away database: the file is complete once we commit.
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('cache_size = -262144')
  sqlite.pragma('temp_store = MEMORY')
  try {
    db.transaction(
      (tx) => {
        const ctx: Context = {
          sqlite,
          tx,
          rng: mulberry32(seed),
          now: Date.now(),
          scale,
          ids: seedStructure(tx),
          people: [],
          byOrg: new Map(),
          secretariatIds: [],
        }
        seedPeople(ctx, count(BENCH_FULL.users, scale, 4), passwordHash)
        const meetingList = seedMeetings(ctx, count(BENCH_FULL.meetings, scale, 2))
        seedDocuments(ctx, count(BENCH_FULL.documents, scale, 10), meetingList, files)
        seedActionItems(ctx)
        seedPlans(ctx)
      },
      { behavior: 'immediate' },
    )
  } finally {
    sqlite.pragma('synchronous = FULL')
  }
  // No ANALYZE: the portal never runs it, so the query plans measured are the ones installs get.
  return countBenchDataset(sqlite)
}

/** The records and words the benchmark uses (see BenchSamples). */
export function benchSamples(sqlite: Database.Database = rawSqlite()): BenchSamples {
  // the showcase is the first document written (the table's own rowid 1)
  const showcase = sqlite
    .prepare('select id, meeting_id as meetingId from documents where rowid = 1')
    .get() as { id: string; meetingId: string | null } | undefined
  const documentId = showcase?.id
  const meetingId = showcase?.meetingId
  if (!documentId || !meetingId) throw new Error('the bench dataset has not been seeded')
  const planId =
    (sqlite.prepare('select id from plans order by created_at limit 1').get() as { id: string } | undefined)
      ?.id ?? null
  return {
    documentId,
    meetingId,
    planId,
    commonWord: 'migración',
    searchTerms: [
      'migración',
      'migracion',
      'migration',
      'protección',
      'proteccion',
      'personas migrantes',
      'trafico ilicito',
      'tráfico ilícito',
      'children',
      'smuggling',
      'remesas',
      'reintegración',
      'reintegracion',
      'indicadores presupuesto',
      'Darién',
      'darien',
      'Chiriquí',
      'chiriqui',
      'apatridia',
      'biometría',
      'biometria',
      'Yaviza',
      'Púcuro',
      'pucuro',
      'migr',
      'RCM/2019/REP/001',
      'zzqxw',
    ],
  }
}
