/**
 * Every table of the portal. The schema is the source of truth: `npm run db:generate` writes the SQL
 * migrations into drizzle/. FTS5 tables and triggers live in custom migrations (names contain `_fts`).
 * Timestamps are integer milliseconds since the epoch (UTC).
 */
import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ORIGIN_TYPES as ACTION_ORIGIN_TYPES,
  OWNER_KINDS as ACTION_OWNER_KINDS,
  REMINDER_KINDS as ACTION_REMINDER_KINDS,
  VALIDATIONS as ACTION_VALIDATIONS,
} from '../app/modules/actions/constants'
import { AUDIT_OUTCOMES } from '../app/modules/audit/constants'
import { API_TOKEN_SCOPES, ONE_TIME_TOKEN_KINDS } from '../app/modules/auth/constants'
import {
  DOCUMENT_KINDS,
  FILE_LANGUAGES as DOCUMENT_LANGUAGES,
  TEXT_FAILURES,
  TEXT_STATUSES,
  VISIBILITIES as DOCUMENT_VISIBILITIES,
} from '../app/modules/documents/constants'
import { GROUP_KINDS, GROUP_ROLES } from '../app/modules/groups/constants'
import { MAIL_STATUSES } from '../app/modules/mail/constants'
import {
  DELIVERY_MODES,
  FOLLOW_TYPES,
  NOTIFICATION_KINDS,
  NOTIFICATION_RECORD_TYPES,
} from '../app/modules/notifications/constants'
import {
  ATTENDANCE_STATUSES,
  DECISION_STATUSES,
  DELEGATION_ROLES,
  MEETING_KINDS,
  MEETING_OPENNESS,
  MEETING_STATUSES,
  MINUTES_STATUSES,
  RSVP_STATUSES,
} from '../app/modules/meetings/constants'
import { ORGANIZATION_KINDS, PERSON_ROLES, PERSON_STATUSES } from '../app/modules/members/constants'
import {
  PLAN_STAGES,
  RESPONSIBLE_ROLES,
  ROUND_OUTCOMES,
  SECTION_KINDS,
  SECTION_LANGS,
  SECTION_STATUSES,
  SUGGESTION_STATUSES,
} from '../app/modules/plans/constants'
import {
  PROCEDURE_OUTCOMES,
  PROCEDURE_POSITIONS,
  PROCEDURE_STATUSES,
  PROCEDURE_TEXT_KINDS,
  PROCEDURE_VISIBILITIES,
} from '../app/modules/procedures/constants'
import { LANGS as LANGUAGES } from '../app/i18n/core'
import { oneOf } from './checks'
import { newId } from './ids'

// Each enumeration is defined once, in its area's client-safe constants.ts; the columns' enums and the
// CHECK constraints (oneOf) are built from those arrays. The types stay importable from here for the
// server code that names them next to the tables.
export type { Lang as Language } from '../app/i18n/core'
export type {
  DocumentKind,
  TextFailure,
  TextStatus,
  Visibility as DocumentVisibility,
} from '../app/modules/documents/constants'
export type {
  MeetingKind,
  MeetingOpenness,
  MeetingStatus,
  MinutesStatus,
} from '../app/modules/meetings/constants'
export type { OrganizationKind, PersonRole } from '../app/modules/members/constants'

const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => newId())
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())

/** Member states, observer states, agencies, civil society networks, the secretariat, and the national
 * institutions that sit under a member state (parentId). `code` is the ISO code or the acronym (an
 * identifier, never shown to people); a bilingual `acronym` is stored English first, "IOM / OIM", and
 * shown with the interface language's first (app/modules/members/org-labels.ts). */
export const organizations = sqliteTable(
  'organizations',
  {
    id: id(),
    code: text('code').notNull(),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    nameEs: text('name_es').notNull(),
    nameEn: text('name_en').notNull(),
    acronym: text('acronym'),
    parentId: text('parent_id').references((): AnySQLiteColumn => organizations.id),
    descriptionEs: text('description_es'),
    descriptionEn: text('description_en'),
    website: text('website'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organizations_code_unique').on(t.code),
    index('organizations_parent_idx').on(t.parentId),
    check('organizations_kind_check', oneOf(t.kind, ORGANIZATION_KINDS)),
  ],
)

/** Pro-Tempore Presidency by year; organizationId null when not (yet) known. */
export const ptpYears = sqliteTable('ptp_years', {
  year: integer('year').primaryKey(),
  organizationId: text('organization_id').references(() => organizations.id),
  note: text('note'),
})

/** People who use the portal. `organizationId` is the participating organization (a state, an agency,
 * the secretariat); `institutionId` the national institution inside a member state, if any. */
export const people = sqliteTable(
  'people',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    institutionId: text('institution_id').references(() => organizations.id),
    role: text('role', { enum: PERSON_ROLES }).notNull(),
    language: text('language', { enum: LANGUAGES }).notNull().default('es'),
    status: text('status', { enum: PERSON_STATUSES }).notNull().default('invited'),
    passwordHash: text('password_hash'),
    totpKey: text('totp_key'),
    /** Demo accounts only: the secretariat demo account may sign in without a second factor. */
    totpExempt: integer('totp_exempt', { mode: 'boolean' }).notNull().default(false),
    passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('people_email_unique').on(t.email),
    index('people_org_idx').on(t.organizationId),
    check('people_role_check', oneOf(t.role, PERSON_ROLES)),
    check('people_status_check', oneOf(t.status, PERSON_STATUSES)),
    check('people_language_check', oneOf(t.language, LANGUAGES)),
    check('people_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
)

/** Lucia-guide sessions: the id is the SHA-256 (hex) of the token; the token itself is never stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** false while a second factor is still owed */
    twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
)

/** Personal API tokens (Bearer). Only the SHA-256 of the token is stored. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    /** every token expires (tokens made before expiry was required got 90 days from the migration) */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    /** read: GET only; write: also changes. Tokens made before scopes keep what they could do. */
    scope: text('scope', { enum: API_TOKEN_SCOPES }).notNull().default('write'),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_unique').on(t.tokenHash),
    index('api_tokens_person_idx').on(t.personId),
    check('api_tokens_scope_check', oneOf(t.scope, API_TOKEN_SCOPES)),
  ],
)

/** Invitation and password-reset links: hashed, expiring, single use. */
export const oneTimeTokens = sqliteTable(
  'one_time_tokens',
  {
    id: id(),
    kind: text('kind', { enum: ONE_TIME_TOKEN_KINDS }).notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdById: text('created_by_id').references(() => people.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('one_time_tokens_hash_unique').on(t.tokenHash),
    check('one_time_tokens_kind_check', oneOf(t.kind, ONE_TIME_TOKEN_KINDS)),
  ],
)

/** Failed sign-in attempts, per account and per IP address, kept in the database so that a restart
 * does not reset the limits. Old rows are pruned. */
export const rateLimitEvents = sqliteTable(
  'rate_limit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('rate_limit_events_key_at_idx').on(t.key, t.at)],
)

/** Append-only (triggers in a custom migration refuse UPDATE and DELETE). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: text('actor_id'),
    actorEmail: text('actor_email'),
    organizationId: text('organization_id'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
    check('audit_log_outcome_check', oneOf(t.outcome, AUDIT_OUTCOMES)),
  ],
)

/** Outgoing mail. When SMTP_URL is unset the outbox is the delivery (shown at /admin/outbox); with SMTP
 * the row records what was sent and when. */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** the queue (docs/decisions/0031-mail-queue.md): state, next attempt, the claim's lease */
    status: text('status', { enum: MAIL_STATUSES }).notNull().default('pending'),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    failedAt: integer('failed_at', { mode: 'timestamp_ms' }),
    /** start of the retry window: creation, or the secretariat's "send again" */
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }),
    /** fixed at the first claim and reused by every attempt, so a resend after a crash is recognisable */
    messageId: text('message_id'),
    /** extra headers (JSON object), e.g. Auto-Submitted and List-Unsubscribe of notification mails */
    headers: text('headers'),
  },
  (t) => [
    index('mail_outbox_created_idx').on(t.createdAt),
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('mail_outbox_status_check', oneOf(t.status, MAIL_STATUSES)),
  ],
)

/** Working groups, liaison officer networks, ad hoc and drafting groups. */
export const groups = sqliteTable(
  'groups',
  {
    id: id(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: GROUP_KINDS }).notNull(),
    nameEs: text('name_es').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionEs: text('description_es'),
    descriptionEn: text('description_en'),
    /** member-state-only groups do not admit observers as members */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('groups_slug_unique').on(t.slug),
    check('groups_kind_check', oneOf(t.kind, GROUP_KINDS)),
  ],
)

export const groupMemberships = sqliteTable(
  'group_memberships',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: GROUP_ROLES }).notNull().default('reader'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.personId] }),
    index('group_memberships_person_idx').on(t.personId),
    check('group_memberships_role_check', oneOf(t.role, GROUP_ROLES)),
  ],
)

/** Organizations taking part in a group (e.g. SNM/UATIM, IOM and UNODC in Panama's plan group). */
export const groupOrganizations = sqliteTable(
  'group_organizations',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.organizationId] })],
)

// ---------------------------------------------------------------------------------------------------
// Document library: documents, their versions, the files of each version (one per language), and the
// record of downloads of restricted documents. The FTS5 index `documents_fts` lives in a custom
// migration (rowid = documents.search_rowid).

export const documents = sqliteTable(
  'documents',
  {
    id: id(),
    /** Stable, human reference such as RCM/2023/REP/014 (year of the document, kind, sequence). */
    reference: text('reference').notNull(),
    /** Integer key of the document's row in documents_fts (FTS5 needs an integer rowid). */
    searchRowid: integer('search_rowid').notNull(),
    titleEs: text('title_es'),
    titleEn: text('title_en'),
    /** The language the document was written in; its title in that language is never empty. */
    originalLanguage: text('original_language', { enum: DOCUMENT_LANGUAGES }).notNull(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    description: text('description'),
    /** YYYY-MM-DD: the date the document bears (not the upload date). */
    documentDate: text('document_date'),
    ownerOrganizationId: text('owner_organization_id')
      .notNull()
      .references(() => organizations.id),
    uploadedById: text('uploaded_by_id')
      .notNull()
      .references(() => people.id),
    visibility: text('visibility', { enum: DOCUMENT_VISIBILITIES }).notNull(),
    groupId: text('group_id').references(() => groups.id),
    embargoUntil: integer('embargo_until', { mode: 'timestamp_ms' }),
    // A document stays attached to its meeting and agenda item: meetings are never deleted (they are
    // cancelled), and an agenda item with documents cannot be removed (the meetings module answers 409;
    // `restrict` makes the database refuse it too). Both reference tables declared further down.
    meetingId: text('meeting_id').references((): AnySQLiteColumn => meetings.id, { onDelete: 'restrict' }),
    agendaItemId: text('agenda_item_id').references((): AnySQLiteColumn => agendaItems.id, {
      onDelete: 'restrict',
    }),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    currentVersion: integer('current_version').notNull().default(1),
    /** grows with every change of the details (and deletion, restoration): an edit names the revision
     * it was based on, and one based on an older revision is refused with the details as they are now */
    revision: integer('revision').notNull().default(1),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    deletedById: text('deleted_by_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('documents_reference_unique').on(t.reference),
    uniqueIndex('documents_search_rowid_unique').on(t.searchRowid),
    index('documents_visibility_idx').on(t.visibility, t.createdAt),
    index('documents_owner_idx').on(t.ownerOrganizationId),
    index('documents_group_idx').on(t.groupId),
    index('documents_meeting_idx').on(t.meetingId),
    // every sort of the library has its index, alone and after a kind filter (the tie-breaker included)
    index('documents_kind_date_idx').on(t.kind, t.documentDate, t.createdAt),
    index('documents_date_idx').on(t.documentDate, t.createdAt),
    index('documents_created_idx').on(t.createdAt),
    index('documents_kind_created_idx').on(t.kind, t.createdAt),
    index('documents_kind_reference_idx').on(t.kind, t.reference),
    // + expression indexes for the title and oldest-first sorts: drizzle/0009_documents_sort_indexes.sql
    check('documents_kind_check', oneOf(t.kind, DOCUMENT_KINDS)),
    check('documents_visibility_check', oneOf(t.visibility, DOCUMENT_VISIBILITIES)),
    check('documents_original_language_check', oneOf(t.originalLanguage, DOCUMENT_LANGUAGES)),
    check('documents_group_required', sql`${t.visibility} <> 'group' or ${t.groupId} is not null`),
    check('documents_title_present', sql`${t.titleEs} is not null or ${t.titleEn} is not null`),
    check('documents_version_positive', sql`${t.currentVersion} >= 1`),
  ],
)

/** Append-only: a new upload of the same document is a new version; old ones stay downloadable. */
export const documentVersions = sqliteTable(
  'document_versions',
  {
    id: id(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    number: integer('number').notNull(),
    note: text('note'),
    uploadedById: text('uploaded_by_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('document_versions_number_unique').on(t.documentId, t.number),
    check('document_versions_number_positive', sql`${t.number} >= 1`),
  ],
)

/** One file per language in a version. The bytes live at DATA_DIR/uploads/<aa>/<sha256> (content
 * addressed: the same bytes are stored once). */
export const documentFiles = sqliteTable(
  'document_files',
  {
    id: id(),
    versionId: text('version_id')
      .notNull()
      .references(() => documentVersions.id),
    language: text('language', { enum: DOCUMENT_LANGUAGES }).notNull(),
    /** the version's original; the others are translations of it */
    isOriginal: integer('is_original', { mode: 'boolean' }).notNull().default(false),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mimeType: text('mime_type').notNull(),
    /** sanitised name as uploaded (only used in Content-Disposition, never as a path) */
    filename: text('filename').notNull(),
    textStatus: text('text_status', { enum: TEXT_STATUSES }).notNull().default('pending'),
    extractedText: text('extracted_text'),
    /** why the text was not (or only partly) extracted; never retried at start-up */
    textFailure: text('text_failure', { enum: TEXT_FAILURES }),
    uploadedById: text('uploaded_by_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('document_files_version_language_unique').on(t.versionId, t.language),
    index('document_files_storage_idx').on(t.storageKey),
    index('document_files_language_idx').on(t.language, t.versionId),
    // the files still waiting for their text (the start-up and periodic sweeps look for them: without
    // this partial index, two scans of every file)
    index('document_files_pending_idx')
      .on(t.textStatus, t.textFailure)
      .where(sql`${t.textStatus} = 'pending'`),
    check('document_files_language_check', oneOf(t.language, DOCUMENT_LANGUAGES)),
    check('document_files_text_status_check', oneOf(t.textStatus, TEXT_STATUSES)),
    check('document_files_text_failure_check', oneOf(t.textFailure, TEXT_FAILURES)),
    check('document_files_size_positive', sql`${t.size} > 0`),
    check('document_files_sha256_format', sql`length(${t.sha256}) = 64 and ${t.storageKey} = ${t.sha256}`),
  ],
)

/** Who downloaded a restricted (non-public or embargoed) document, shown to the secretariat. */
export const documentDownloads = sqliteTable(
  'document_downloads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    versionNumber: integer('version_number').notNull(),
    language: text('language').notNull(),
    personId: text('person_id').references(() => people.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('document_downloads_document_idx').on(t.documentId, t.at)],
)

// ---- meetings ----
// Meetings with their agenda, invited organizations and delegations, minutes per agenda item (draft ->
// circulated -> adopted, then locked: corrections are errata), the numbered decisions, and the
// personal calendar feed tokens. Instants are UTC; `time_zone` is the meeting's IANA zone for display.

export const meetings = sqliteTable(
  'meetings',
  {
    id: id(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    /** Roman numeral where the series has one (XXVIII) */
    number: text('number'),
    titleEs: text('title_es').notNull(),
    titleEn: text('title_en').notNull(),
    themeEs: text('theme_es'),
    themeEn: text('theme_en'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    /** IANA zone the meeting's times are shown in, e.g. America/Panama */
    timeZone: text('time_zone').notNull().default('UTC'),
    place: text('place'),
    onlineUrl: text('online_url'),
    hostOrganizationId: text('host_organization_id').references(() => organizations.id),
    /** the organizing working group, if any */
    groupId: text('group_id').references(() => groups.id),
    openness: text('openness', { enum: MEETING_OPENNESS }).notNull().default('open'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    /** focal points register their delegation until then */
    registrationDeadline: integer('registration_deadline', { mode: 'timestamp_ms' }),
    createdById: text('created_by_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index('meetings_starts_idx').on(t.startsAt),
    index('meetings_kind_starts_idx').on(t.kind, t.startsAt),
    index('meetings_status_starts_idx').on(t.status, t.startsAt),
    index('meetings_openness_starts_idx').on(t.openness, t.startsAt),
    index('meetings_group_idx').on(t.groupId),
    uniqueIndex('meetings_kind_number_unique').on(t.kind, t.number),
    check('meetings_kind_check', oneOf(t.kind, MEETING_KINDS)),
    check('meetings_status_check', oneOf(t.status, MEETING_STATUSES)),
    check('meetings_openness_check', oneOf(t.openness, MEETING_OPENNESS)),
    check('meetings_dates_order', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
)

/** Ordered agenda items; sub-items point at their parent (one level). `position` orders siblings. */
export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    parentId: text('parent_id').references((): AnySQLiteColumn => agendaItems.id),
    position: integer('position').notNull(),
    titleEs: text('title_es'),
    titleEn: text('title_en'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }),
    durationMinutes: integer('duration_minutes'),
    presenter: text('presenter'),
    createdAt: createdAt(),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.parentId, t.position),
    check('agenda_items_title_present', sql`${t.titleEs} is not null or ${t.titleEn} is not null`),
    check('agenda_items_duration_positive', sql`${t.durationMinutes} is null or ${t.durationMinutes} > 0`),
    check('agenda_items_position_positive', sql`${t.position} >= 1`),
  ],
)

/** Organizations invited to send a delegation. */
export const meetingInvitations = sqliteTable(
  'meeting_invitations',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.organizationId] }),
    index('meeting_invitations_org_idx').on(t.organizationId),
  ],
)

/** The people of a delegation, registered by their organization's focal point (or the secretariat).
 * A member is a person with an account (`person_id`) or, without one, a name with an optional title,
 * institution and e-mail typed by the focal point (a Vice-Minister): never both, never neither. */
export const delegationMembers = sqliteTable(
  'delegation_members',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    personId: text('person_id').references(() => people.id),
    /** a member without an account: as the focal point typed it */
    name: text('name'),
    title: text('title'),
    institution: text('institution'),
    email: text('email'),
    role: text('role', { enum: DELEGATION_ROLES }).notNull(),
    rsvp: text('rsvp', { enum: RSVP_STATUSES }).notNull().default('pending'),
    attendance: text('attendance', { enum: ATTENDANCE_STATUSES }).notNull().default('not_recorded'),
    registeredById: text('registered_by_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('delegation_members_person_unique').on(t.meetingId, t.personId),
    index('delegation_members_org_idx').on(t.meetingId, t.organizationId),
    index('delegation_members_person_idx').on(t.personId),
    check('delegation_members_role_check', oneOf(t.role, DELEGATION_ROLES)),
    check('delegation_members_rsvp_check', oneOf(t.rsvp, RSVP_STATUSES)),
    check('delegation_members_attendance_check', oneOf(t.attendance, ATTENDANCE_STATUSES)),
    check(
      'delegation_members_person_or_name',
      sql`(${t.personId} is not null and ${t.name} is null and ${t.title} is null and ${t.institution} is null and ${t.email} is null) or (${t.personId} is null and ${t.name} is not null and length(trim(${t.name})) > 0)`,
    ),
  ],
)

/** What the secretariat needs to receive a delegate: travel dates and needs. Personal data seen only by
 * the secretariat and the delegate's own delegation, and deleted (the whole row) LOGISTICS_RETENTION_DAYS
 * after the meeting ends (app/modules/meetings/logistics.server.ts). */
export const delegationLogistics = sqliteTable(
  'delegation_logistics',
  {
    memberId: text('member_id')
      .primaryKey()
      .references(() => delegationMembers.id, { onDelete: 'cascade' }),
    arrivalAt: integer('arrival_at', { mode: 'timestamp_ms' }),
    departureAt: integer('departure_at', { mode: 'timestamp_ms' }),
    accessibility: text('accessibility'),
    dietary: text('dietary'),
    updatedById: text('updated_by_id').references(() => people.id),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    check(
      'delegation_logistics_dates_order',
      sql`${t.arrivalAt} is null or ${t.departureAt} is null or ${t.departureAt} >= ${t.arrivalAt}`,
    ),
  ],
)

/** The minutes of one agenda item. `revision` grows with every save; a save based on an older revision
 * is refused (no lost updates). Adopted minutes are locked. */
export const minutes = sqliteTable(
  'minutes',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItemId: text('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    /** Markdown, rendered with a sanitizer */
    text: text('text').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    status: text('status', { enum: MINUTES_STATUSES }).notNull().default('draft'),
    commentDeadline: integer('comment_deadline', { mode: 'timestamp_ms' }),
    circulatedAt: integer('circulated_at', { mode: 'timestamp_ms' }),
    adoptedAt: integer('adopted_at', { mode: 'timestamp_ms' }),
    updatedById: text('updated_by_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('minutes_agenda_item_unique').on(t.agendaItemId),
    index('minutes_meeting_idx').on(t.meetingId, t.status),
    check('minutes_status_check', oneOf(t.status, MINUTES_STATUSES)),
    check('minutes_revision_positive', sql`${t.revision} >= 1`),
    check(
      'minutes_circulated_deadline',
      sql`${t.status} <> 'circulated' or ${t.commentDeadline} is not null`,
    ),
  ],
)

/** Every saved text of a minutes item, one row per revision. Written by the database itself (triggers
 * in drizzle/0008_minutes_history.sql on insert and on a new revision of `minutes`) and append-only:
 * no code path can save minutes without keeping the text it replaces. */
export const minutesRevisions = sqliteTable(
  'minutes_revisions',
  {
    id: id(),
    minutesId: text('minutes_id')
      .notNull()
      .references(() => minutes.id),
    revision: integer('revision').notNull(),
    text: text('text').notNull(),
    savedById: text('saved_by_id').references(() => people.id),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('minutes_revisions_unique').on(t.minutesId, t.revision)],
)

/** Comments of delegations on circulated minutes. */
export const minutesComments = sqliteTable(
  'minutes_comments',
  {
    id: id(),
    minutesId: text('minutes_id')
      .notNull()
      .references(() => minutes.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** the revision of the minutes that was read */
    revision: integer('revision').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('minutes_comments_minutes_idx').on(t.minutesId, t.createdAt)],
)

/** Corrections to adopted minutes, recorded instead of editing them. */
export const minutesErrata = sqliteTable(
  'minutes_errata',
  {
    id: id(),
    minutesId: text('minutes_id')
      .notNull()
      .references(() => minutes.id),
    text: text('text').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('minutes_errata_minutes_idx').on(t.minutesId, t.createdAt)],
)

/** Decisions, numbered per meeting; `code` is the stable reference, e.g. XXVIII-VM/D.3. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: id(),
    /** the meeting that adopted it, or (between meetings) the written procedure: one of the two */
    meetingId: text('meeting_id').references(() => meetings.id),
    procedureId: text('procedure_id').references((): AnySQLiteColumn => writtenProcedures.id),
    agendaItemId: text('agenda_item_id').references(() => agendaItems.id),
    /** per meeting, or per year of adoption for a written procedure's (2026-PE/D.n) */
    number: integer('number').notNull(),
    code: text('code').notNull(),
    textEs: text('text_es'),
    textEn: text('text_en'),
    createdById: text('created_by_id').references(() => people.id),
    createdAt: createdAt(),
    /** in force, or withdrawn (with its reason): a withdrawn decision keeps its number and code */
    status: text('status', { enum: DECISION_STATUSES }).notNull().default('in_force'),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    withdrawnById: text('withdrawn_by_id').references(() => people.id),
    withdrawalReason: text('withdrawal_reason'),
    /** grows with every corrigendum (decision_corrigenda keeps each text it replaced) */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    uniqueIndex('decisions_meeting_number_unique').on(t.meetingId, t.number),
    check('decisions_status_check', oneOf(t.status, DECISION_STATUSES)),
    check(
      'decisions_withdrawal_reason',
      sql`(${t.status} = 'withdrawn') = (${t.withdrawalReason} is not null and ${t.withdrawnAt} is not null)`,
    ),
    uniqueIndex('decisions_code_unique').on(t.code),
    index('decisions_agenda_item_idx').on(t.agendaItemId),
    check('decisions_number_positive', sql`${t.number} >= 1`),
    check('decisions_text_present', sql`${t.textEs} is not null or ${t.textEn} is not null`),
    uniqueIndex('decisions_procedure_unique').on(t.procedureId),
    check('decisions_origin', sql`(${t.meetingId} is null) <> (${t.procedureId} is null)`),
  ],
)

/** Corrigenda of decisions (append-only): the text each replaced, the new text and why. */
export const decisionCorrigenda = sqliteTable(
  'decision_corrigenda',
  {
    id: id(),
    decisionId: text('decision_id')
      .notNull()
      .references(() => decisions.id),
    /** 1, 2, ... per decision */
    number: integer('number').notNull(),
    previousTextEs: text('previous_text_es'),
    previousTextEn: text('previous_text_en'),
    textEs: text('text_es'),
    textEn: text('text_en'),
    reason: text('reason').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('decision_corrigenda_number_unique').on(t.decisionId, t.number),
    check('decision_corrigenda_number_positive', sql`${t.number} >= 1`),
  ],
)

/** Personal calendar feeds (/calendar/feed/<token>.ics): only the SHA-256 of the token is stored. */
export const calendarFeedTokens = sqliteTable(
  'calendar_feed_tokens',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('calendar_feed_tokens_hash_unique').on(t.tokenHash),
    index('calendar_feed_tokens_person_idx').on(t.personId),
  ],
)

// ---- actions ----
// Action items: commitments owned by organizations (not persons), with supporting organizations, an
// origin (a decision, an agenda item, a working group, a plan section or none), a due DAY and progress
// reported by the owners. `revision` grows with every change: a change based on an older revision is
// refused (no lost updates). Updates are append-only: the history is never rewritten; an owner's "done"
// waits for the secretariat's validation. Reminders record what was sent, so that one per week at most.

export const actionItems = sqliteTable(
  'action_items',
  {
    id: id(),
    titleEs: text('title_es'),
    titleEn: text('title_en'),
    descriptionEs: text('description_es'),
    descriptionEn: text('description_en'),
    originType: text('origin_type', { enum: ACTION_ORIGIN_TYPES }).notNull().default('none'),
    decisionId: text('decision_id').references(() => decisions.id),
    agendaItemId: text('agenda_item_id').references(() => agendaItems.id),
    /** the meeting of the decision or agenda item, kept here for filtering and visibility */
    meetingId: text('meeting_id').references(() => meetings.id),
    groupId: text('group_id').references(() => groups.id),
    /** the plan section (a line of action, an activity) the action implements */
    planSectionId: text('plan_section_id').references((): AnySQLiteColumn => planSections.id),
    /** a calendar day, YYYY-MM-DD (overdue is computed in the secretariat's time zone) */
    dueDate: text('due_date').notNull(),
    priority: text('priority', { enum: ACTION_PRIORITIES }).notNull().default('medium'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('not_started'),
    progress: integer('progress').notNull().default(0),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    revision: integer('revision').notNull().default(1),
    /** when the secretariat accepted it as done */
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    createdById: text('created_by_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index('action_items_status_due_idx').on(t.status, t.dueDate),
    index('action_items_due_idx').on(t.dueDate),
    index('action_items_meeting_idx').on(t.meetingId, t.status),
    index('action_items_group_idx').on(t.groupId),
    index('action_items_decision_idx').on(t.decisionId),
    index('action_items_agenda_item_idx').on(t.agendaItemId),
    index('action_items_plan_section_idx').on(t.planSectionId),
    index('action_items_updated_idx').on(t.updatedAt),
    // covers the board's per-organization counts (board.server.ts): one lookup per owner row reads
    // status, due day and meeting from this index instead of the action's whole row
    index('action_items_board_idx').on(t.id, t.status, t.dueDate, t.meetingId),
    check('action_items_status_check', oneOf(t.status, ACTION_STATUSES)),
    check('action_items_priority_check', oneOf(t.priority, ACTION_PRIORITIES)),
    check('action_items_origin_check', oneOf(t.originType, ACTION_ORIGIN_TYPES)),
    check(
      'action_items_origin_ids',
      sql`(${t.originType} <> 'decision' or ${t.decisionId} is not null)
        and (${t.originType} <> 'agenda_item' or ${t.agendaItemId} is not null)
        and (${t.originType} <> 'group' or ${t.groupId} is not null)
        and (${t.originType} <> 'plan_section' or ${t.planSectionId} is not null)`,
    ),
    check('action_items_progress_range', sql`${t.progress} between 0 and 100`),
    check('action_items_done_complete', sql`${t.status} <> 'done' or ${t.progress} = 100`),
    check('action_items_revision_positive', sql`${t.revision} >= 1`),
    check(
      'action_items_due_date_format',
      sql`${t.dueDate} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' and date(${t.dueDate}) = ${t.dueDate}`,
    ),
    check('action_items_title_present', sql`${t.titleEs} is not null or ${t.titleEn} is not null`),
  ],
)

/** The organizations answerable for an action (`owner`) and those helping (`supporting`); an owner may
 * name a focal person of its own. */
export const actionOwners = sqliteTable(
  'action_owners',
  {
    actionId: text('action_id')
      .notNull()
      .references(() => actionItems.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    focalPersonId: text('focal_person_id').references(() => people.id),
    kind: text('kind', { enum: ACTION_OWNER_KINDS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.organizationId] }),
    index('action_owners_org_idx').on(t.organizationId, t.kind, t.actionId),
    check('action_owners_kind_check', oneOf(t.kind, ACTION_OWNER_KINDS)),
    check('action_owners_focal_owner_only', sql`${t.kind} = 'owner' or ${t.focalPersonId} is null`),
  ],
)

/** Progress reports (append-only). `revision` is the action's revision the update produced. A report of
 * `done` carries a validation: `pending` until the secretariat validates or returns it. */
export const actionUpdates = sqliteTable(
  'action_updates',
  {
    id: id(),
    actionId: text('action_id')
      .notNull()
      .references(() => actionItems.id),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id),
    /** the author's organization when writing */
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status', { enum: ACTION_STATUSES }).notNull(),
    progress: integer('progress').notNull(),
    note: text('note').notNull().default(''),
    revision: integer('revision').notNull(),
    validation: text('validation', { enum: ACTION_VALIDATIONS }),
    validatedById: text('validated_by_id').references(() => people.id),
    validatedAt: integer('validated_at', { mode: 'timestamp_ms' }),
    validationComment: text('validation_comment'),
    createdAt: createdAt(),
    /** the owner organization the report is for (each owner reports its own part); null: the
     * secretariat's report on the whole action */
    ownerOrganizationId: text('owner_organization_id').references(() => organizations.id),
  },
  (t) => [
    index('action_updates_action_idx').on(t.actionId, t.createdAt),
    index('action_updates_validation_idx').on(t.validation, t.createdAt),
    // at most one report awaiting validation per action and owner
    uniqueIndex('action_updates_one_pending_per_owner')
      .on(t.actionId, t.ownerOrganizationId)
      .where(sql`validation = 'pending'`),
    index('action_updates_owner_idx').on(t.actionId, t.ownerOrganizationId, t.revision),
    check('action_updates_status_check', oneOf(t.status, ACTION_STATUSES)),
    check('action_updates_progress_range', sql`${t.progress} between 0 and 100`),
    check(
      'action_updates_validation_check',
      sql`${t.validation} is null or ${oneOf(t.validation, ACTION_VALIDATIONS)}`,
    ),
    check('action_updates_validation_done_only', sql`(${t.status} = 'done') = (${t.validation} is not null)`),
    check(
      'action_updates_validated_by',
      sql`${t.validation} is null or ${t.validation} = 'pending' or (${t.validatedById} is not null and ${t.validatedAt} is not null)`,
    ),
  ],
)

/** Library documents given as evidence with an update. */
export const actionUpdateEvidence = sqliteTable(
  'action_update_evidence',
  {
    updateId: text('update_id')
      .notNull()
      .references(() => actionUpdates.id),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
  },
  (t) => [
    primaryKey({ columns: [t.updateId, t.documentId] }),
    index('action_update_evidence_document_idx').on(t.documentId),
  ],
)

/** A progress report being typed when its author went to upload a document first: kept here (not in a
 * URL) and given back on the action's page, with the new document chosen as evidence. Short-lived:
 * deleted when used, when the report is sent, or after a day. */
export const actionReportDrafts = sqliteTable(
  'action_report_drafts',
  {
    id: id(),
    actionId: text('action_id')
      .notNull()
      .references(() => actionItems.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    fields: text('fields', { mode: 'json' }).$type<Record<string, string | string[]>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('action_report_drafts_person_idx').on(t.personId, t.actionId)],
)

/** Reminders sent (due soon, overdue): at most one per action and kind per week. */
export const actionReminders = sqliteTable(
  'action_reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: text('action_id')
      .notNull()
      .references(() => actionItems.id),
    kind: text('kind', { enum: ACTION_REMINDER_KINDS }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
    /** how many people it was sent to */
    recipients: integer('recipients').notNull().default(0),
  },
  (t) => [
    index('action_reminders_action_idx').on(t.actionId, t.kind, t.sentAt),
    check('action_reminders_kind_check', oneOf(t.kind, ACTION_REMINDER_KINDS)),
  ],
)

// ---- plans ----
// Plans co-drafted in a group: a stage with its dated history, a tree of sections (numbering is
// computed, never stored), and for each section an append-only chain of revisions per language (the
// current text is the latest revision; triggers in drizzle/0017_plans_append_only.sql refuse UPDATE and
// DELETE and a number out of sequence). Comments (threads, replies) and suggested wording.

export const plans = sqliteTable(
  'plans',
  {
    id: id(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    titleEs: text('title_es'),
    titleEn: text('title_en'),
    stage: text('stage', { enum: PLAN_STAGES }).notNull().default('drafting'),
    /** the language the texts are drafted in; the other one is a translation */
    originalLanguage: text('original_language', { enum: SECTION_LANGS }).notNull().default('es'),
    /** the library document the plan is published as (each publication is a new version of it) */
    documentId: text('document_id').references((): AnySQLiteColumn => documents.id),
    createdById: text('created_by_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index('plans_group_idx').on(t.groupId),
    check('plans_stage_check', oneOf(t.stage, PLAN_STAGES)),
    check('plans_original_language_check', oneOf(t.originalLanguage, SECTION_LANGS)),
    check('plans_title_present', sql`${t.titleEs} is not null or ${t.titleEn} is not null`),
  ],
)

/** Who moved a plan to which stage, when (append-only). The first row is the plan's creation. */
export const planStageHistory = sqliteTable(
  'plan_stage_history',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    fromStage: text('from_stage', { enum: PLAN_STAGES }),
    stage: text('stage', { enum: PLAN_STAGES }).notNull(),
    byId: text('by_id').references(() => people.id),
    note: text('note').notNull().default(''),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('plan_stage_history_plan_idx').on(t.planId, t.at),
    check('plan_stage_history_stage_check', oneOf(t.stage, PLAN_STAGES)),
    check('plan_stage_history_from_check', sql`${t.fromStage} is null or ${oneOf(t.fromStage, PLAN_STAGES)}`),
  ],
)

/** A node of a plan's tree. Siblings are ordered by `position`; retired sections keep their texts and
 * lose their number. */
export const planSections = sqliteTable(
  'plan_sections',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    parentId: text('parent_id').references((): AnySQLiteColumn => planSections.id),
    position: integer('position').notNull(),
    kind: text('kind', { enum: SECTION_KINDS }).notNull(),
    titleEs: text('title_es'),
    titleEn: text('title_en'),
    leadDrafterId: text('lead_drafter_id').references(() => people.id),
    status: text('status', { enum: SECTION_STATUSES }).notNull().default('draft'),
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
    /** implementation matrix (lines of action, activities): the indicator in both languages and the
     * time frame, first and last calendar day (YYYY-MM-DD) */
    indicatorEs: text('indicator_es'),
    indicatorEn: text('indicator_en'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index('plan_sections_plan_idx').on(t.planId, t.parentId, t.position),
    index('plan_sections_parent_idx').on(t.parentId),
    check('plan_sections_kind_check', oneOf(t.kind, SECTION_KINDS)),
    check('plan_sections_status_check', oneOf(t.status, SECTION_STATUSES)),
    check('plan_sections_position_positive', sql`${t.position} >= 1`),
    check('plan_sections_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check(
      'plan_sections_time_frame',
      sql`${t.startDate} is null or ${t.endDate} is null or ${t.startDate} <= ${t.endDate}`,
    ),
  ],
)

/** Every saved text of a section, one row per save. `number` grows per section across both languages;
 * the current text of a language is its latest row. `baseNumber` is the revision the author started
 * from (a stale base merged automatically is recorded as such); `translatesNumber`, on a translation,
 * the revision of the original it renders. Append-only. */
export const planSectionRevisions = sqliteTable(
  'plan_section_revisions',
  {
    id: id(),
    sectionId: text('section_id')
      .notNull()
      .references(() => planSections.id),
    number: integer('number').notNull(),
    lang: text('lang', { enum: SECTION_LANGS }).notNull(),
    text: text('text').notNull(),
    authorId: text('author_id').references(() => people.id),
    /** the author's organization when writing (a national institution when they have one) */
    organizationId: text('organization_id').references(() => organizations.id),
    note: text('note').notNull().default(''),
    baseNumber: integer('base_number'),
    /** true when the save started from an older revision and was merged with the changes since */
    merged: integer('merged', { mode: 'boolean' }).notNull().default(false),
    translatesNumber: integer('translates_number'),
    /** the accepted suggestion this revision comes from (its author is the suggester) */
    suggestionId: text('suggestion_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('plan_section_revisions_number_unique').on(t.sectionId, t.number),
    index('plan_section_revisions_lang_idx').on(t.sectionId, t.lang, t.number),
    check('plan_section_revisions_lang_check', oneOf(t.lang, SECTION_LANGS)),
    check('plan_section_revisions_number_positive', sql`${t.number} >= 1`),
    check(
      'plan_section_revisions_base_before',
      sql`${t.baseNumber} is null or (${t.baseNumber} >= 1 and ${t.baseNumber} < ${t.number})`,
    ),
  ],
)

/** Comment threads on a section (or on a quoted passage of it) and their replies (`parentId`). Only a
 * thread (no parent) is resolved. */
export const planComments = sqliteTable(
  'plan_comments',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    sectionId: text('section_id')
      .notNull()
      .references(() => planSections.id),
    parentId: text('parent_id').references((): AnySQLiteColumn => planComments.id),
    /** the passage commented on, as quoted */
    quote: text('quote'),
    lang: text('lang', { enum: SECTION_LANGS }).notNull(),
    /** the section's revision that was read */
    revisionNumber: integer('revision_number'),
    body: text('body').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdAt: createdAt(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedById: text('resolved_by_id').references(() => people.id),
  },
  (t) => [
    index('plan_comments_section_idx').on(t.sectionId, t.createdAt),
    index('plan_comments_plan_idx').on(t.planId, t.resolvedAt),
    index('plan_comments_parent_idx').on(t.parentId),
    check('plan_comments_lang_check', oneOf(t.lang, SECTION_LANGS)),
    check('plan_comments_reply_not_resolved', sql`${t.parentId} is null or ${t.resolvedAt} is null`),
  ],
)

/** Suggested wording: the passage to replace (`quote`; none: the whole text) and the replacement,
 * written on revision `baseNumber`. The lead drafter or the chair accepts it (a revision credited to the
 * suggester) or rejects it with a reason. */
export const planSuggestions = sqliteTable(
  'plan_suggestions',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    sectionId: text('section_id')
      .notNull()
      .references(() => planSections.id),
    lang: text('lang', { enum: SECTION_LANGS }).notNull(),
    baseNumber: integer('base_number').notNull(),
    quote: text('quote'),
    replacement: text('replacement').notNull(),
    note: text('note').notNull().default(''),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('pending'),
    decidedById: text('decided_by_id').references(() => people.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    reason: text('reason'),
    /** the revision an accepted suggestion became */
    revisionNumber: integer('revision_number'),
    createdAt: createdAt(),
  },
  (t) => [
    index('plan_suggestions_section_idx').on(t.sectionId, t.status),
    index('plan_suggestions_plan_idx').on(t.planId, t.status),
    check('plan_suggestions_lang_check', oneOf(t.lang, SECTION_LANGS)),
    check('plan_suggestions_status_check', oneOf(t.status, SUGGESTION_STATUSES)),
    check(
      'plan_suggestions_decided',
      sql`${t.status} = 'pending' or (${t.decidedById} is not null and ${t.decidedAt} is not null)`,
    ),
    check(
      'plan_suggestions_rejected_reason',
      sql`${t.status} <> 'rejected' or (${t.reason} is not null and length(trim(${t.reason})) > 0)`,
    ),
  ],
)

// ---- plans, part 2: consultation rounds, implementation matrix, publications ----

/** A consultation round: the chair asks chosen organizations for their comments on the whole plan or on
 * some sections (plan_round_sections), until a deadline. `number` counts a plan's rounds from 1. The
 * round is closed from its deadline on, or earlier when `closedAt` is set. */
export const planRounds = sqliteTable(
  'plan_rounds',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    /** what the organizations are asked (in the chair's words, either language) */
    note: text('note').notNull().default(''),
    /** true: every section; false: only the rows of plan_round_sections */
    wholePlan: integer('whole_plan', { mode: 'boolean' }).notNull().default(true),
    deadline: integer('deadline', { mode: 'timestamp_ms' }).notNull(),
    openedById: text('opened_by_id')
      .notNull()
      .references(() => people.id),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    closedById: text('closed_by_id').references(() => people.id),
  },
  (t) => [
    uniqueIndex('plan_rounds_number_unique').on(t.planId, t.number),
    index('plan_rounds_deadline_idx').on(t.deadline),
    check('plan_rounds_number_positive', sql`${t.number} >= 1`),
    check('plan_rounds_deadline_after_opening', sql`${t.deadline} > ${t.openedAt}`),
  ],
)

/** The sections a round is about, when it is not about the whole plan. */
export const planRoundSections = sqliteTable(
  'plan_round_sections',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => planRounds.id),
    sectionId: text('section_id')
      .notNull()
      .references(() => planSections.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.sectionId] })],
)

/** The organizations consulted in a round, and when (and by whom) each submitted its position: its
 * comments are drafts its own people see until then. */
export const planRoundOrganizations = sqliteTable(
  'plan_round_organizations',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => planRounds.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    submittedById: text('submitted_by_id').references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.organizationId] }),
    index('plan_round_organizations_org_idx').on(t.organizationId),
    check(
      'plan_round_organizations_submitted',
      sql`(${t.submittedAt} is null) = (${t.submittedById} is null)`,
    ),
  ],
)

/** A comment of an organization in a round (a row of the comment matrix): the section, the passage
 * quoted, the comment, and the drafters' response and outcome (the action taken). */
export const planRoundComments = sqliteTable(
  'plan_round_comments',
  {
    id: id(),
    roundId: text('round_id')
      .notNull()
      .references(() => planRounds.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    sectionId: text('section_id')
      .notNull()
      .references(() => planSections.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id),
    quote: text('quote'),
    body: text('body').notNull(),
    lang: text('lang', { enum: SECTION_LANGS }).notNull(),
    /** the section's revision that was read */
    revisionNumber: integer('revision_number'),
    createdAt: createdAt(),
    response: text('response'),
    outcome: text('outcome', { enum: ROUND_OUTCOMES }),
    respondedById: text('responded_by_id').references(() => people.id),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('plan_round_comments_round_idx').on(t.roundId, t.organizationId),
    index('plan_round_comments_section_idx').on(t.sectionId),
    check('plan_round_comments_lang_check', oneOf(t.lang, SECTION_LANGS)),
    check(
      'plan_round_comments_outcome_check',
      sql`${t.outcome} is null or ${oneOf(t.outcome, ROUND_OUTCOMES)}`,
    ),
    check(
      'plan_round_comments_responded',
      sql`(${t.outcome} is null) = (${t.respondedAt} is null) and (${t.respondedAt} is null) = (${t.respondedById} is null)`,
    ),
  ],
)

/** The institutions responsible for a line of action or an activity (implementation matrix). */
export const planSectionResponsibles = sqliteTable(
  'plan_section_responsibles',
  {
    sectionId: text('section_id')
      .notNull()
      .references(() => planSections.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', { enum: RESPONSIBLE_ROLES }).notNull().default('lead'),
  },
  (t) => [
    primaryKey({ columns: [t.sectionId, t.organizationId] }),
    index('plan_section_responsibles_org_idx').on(t.organizationId),
    check('plan_section_responsibles_role_check', oneOf(t.role, RESPONSIBLE_ROLES)),
  ],
)

/** Each publication of a plan into the document library: the version it became, at which stage, with
 * which visibility, who published it (append-only). */
export const planPublications = sqliteTable(
  'plan_publications',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    versionNumber: integer('version_number').notNull(),
    stage: text('stage', { enum: PLAN_STAGES }).notNull(),
    visibility: text('visibility', { enum: DOCUMENT_VISIBILITIES }).notNull(),
    publishedById: text('published_by_id')
      .notNull()
      .references(() => people.id),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('plan_publications_version_unique').on(t.documentId, t.versionNumber),
    index('plan_publications_plan_idx').on(t.planId, t.publishedAt),
    check('plan_publications_stage_check', oneOf(t.stage, PLAN_STAGES)),
    check('plan_publications_visibility_check', oneOf(t.visibility, DOCUMENT_VISIBILITIES)),
  ],
)

// ---- written procedures ----
// Adoption by written (silence) procedure: the secretariat circulates a text to the member states
// concerned with a deadline; it is adopted unless a state breaks silence (an objection or an amendment).
// The circulated text is frozen at launch: a plan's consolidated text is copied, a document version is
// pinned (versions are append-only), a draft decision is written here. Closing is one conditional update
// (status 'open' -> 'closed'), so two closings racing give one outcome and one decision code.

export const writtenProcedures = sqliteTable(
  'written_procedures',
  {
    id: id(),
    /** sequential number of the procedure (WP-12) */
    number: integer('number').notNull(),
    subjectEs: text('subject_es'),
    subjectEn: text('subject_en'),
    textKind: text('text_kind', { enum: PROCEDURE_TEXT_KINDS }).notNull(),
    planId: text('plan_id').references(() => plans.id),
    documentId: text('document_id').references(() => documents.id),
    documentVersionId: text('document_version_id').references(() => documentVersions.id),
    /** the frozen text (Markdown): the plan's consolidated text or the draft decision */
    textEs: text('text_es'),
    textEn: text('text_en'),
    visibility: text('visibility', { enum: PROCEDURE_VISIBILITIES }).notNull().default('members'),
    deadline: integer('deadline', { mode: 'timestamp_ms' }).notNull(),
    originalDeadline: integer('original_deadline', { mode: 'timestamp_ms' }).notNull(),
    extendedAt: integer('extended_at', { mode: 'timestamp_ms' }),
    extensionReason: text('extension_reason'),
    status: text('status', { enum: PROCEDURE_STATUSES }).notNull().default('open'),
    outcome: text('outcome', { enum: PROCEDURE_OUTCOMES }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** the decision adopted, in the register: YYYY-PE/D.n, numbered per year of adoption */
    decisionYear: integer('decision_year'),
    decisionNumber: integer('decision_number'),
    decisionCode: text('decision_code'),
    reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp_ms' }),
    /** the procedure this one relaunches with a revised text */
    previousId: text('previous_id').references((): AnySQLiteColumn => writtenProcedures.id),
    launchedById: text('launched_by_id')
      .notNull()
      .references(() => people.id),
    launchedAt: integer('launched_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('written_procedures_number_unique').on(t.number),
    uniqueIndex('written_procedures_decision_code_unique').on(t.decisionCode),
    uniqueIndex('written_procedures_decision_number_unique').on(t.decisionYear, t.decisionNumber),
    index('written_procedures_status_deadline_idx').on(t.status, t.deadline),
    check('written_procedures_text_kind_check', oneOf(t.textKind, PROCEDURE_TEXT_KINDS)),
    check('written_procedures_visibility_check', oneOf(t.visibility, PROCEDURE_VISIBILITIES)),
    check('written_procedures_status_check', oneOf(t.status, PROCEDURE_STATUSES)),
    check('written_procedures_outcome_check', oneOf(t.outcome, PROCEDURE_OUTCOMES)),
    check(
      'written_procedures_subject_present',
      sql`${t.subjectEs} is not null or ${t.subjectEn} is not null`,
    ),
    check('written_procedures_deadline_after_launch', sql`${t.deadline} > ${t.launchedAt}`),
    check(
      'written_procedures_outcome_when_closed',
      sql`(${t.status} = 'open' and ${t.outcome} is null) or (${t.status} = 'closed' and ${t.outcome} is not null)`,
    ),
    check(
      'written_procedures_text_source',
      sql`(${t.textKind} = 'plan' and ${t.planId} is not null) or (${t.textKind} = 'document_version' and ${t.documentVersionId} is not null) or (${t.textKind} = 'decision_text' and (${t.textEs} is not null or ${t.textEn} is not null))`,
    ),
  ],
)

/** The member states concerned, each with the delegate its focal point names to act for it. */
export const writtenProcedureStates = sqliteTable(
  'written_procedure_states',
  {
    procedureId: text('procedure_id')
      .notNull()
      .references(() => writtenProcedures.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    delegateId: text('delegate_id').references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.organizationId] })],
)

/** Every position a state took, append-only (triggers): the current one is the highest version. */
export const writtenProcedurePositions = sqliteTable(
  'written_procedure_positions',
  {
    id: id(),
    procedureId: text('procedure_id')
      .notNull()
      .references(() => writtenProcedures.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    version: integer('version').notNull(),
    position: text('position', { enum: PROCEDURE_POSITIONS }).notNull(),
    /** the objection's reason, or the amendment proposed */
    reason: text('reason').notNull().default(''),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('written_procedure_positions_version_unique').on(t.procedureId, t.organizationId, t.version),
    check('written_procedure_positions_position_check', oneOf(t.position, PROCEDURE_POSITIONS)),
    check('written_procedure_positions_version_positive', sql`${t.version} >= 1`),
    check(
      'written_procedure_positions_reason_when_breaking',
      sql`${t.position} = 'agree' or length(trim(${t.reason})) > 0`,
    ),
  ],
)
// ---- notifications (docs/decisions/0031-mail-queue.md) ----
// A write that concerns people calls notify(tx, event): one notification_events row, in the write's
// transaction. A dispatcher (off the request) turns each event into notifications for the people who may
// see the record at that moment, and queues the mails their preferences ask for.

export const notificationEvents = sqliteTable(
  'notification_events',
  {
    id: id(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    recordType: text('record_type', { enum: NOTIFICATION_RECORD_TYPES }).notNull(),
    recordId: text('record_id').notNull(),
    /** JSON: what the audience needs (e.g. the group, the organizations, the person replied to) */
    params: text('params').notNull().default('{}'),
    actorId: text('actor_id').references(() => people.id),
    createdAt: createdAt(),
    dispatchedAt: integer('dispatched_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('notification_events_pending_idx').on(t.dispatchedAt, t.createdAt),
    check('notification_events_kind_check', oneOf(t.kind, NOTIFICATION_KINDS)),
    check('notification_events_record_type_check', oneOf(t.recordType, NOTIFICATION_RECORD_TYPES)),
  ],
)

export const notifications = sqliteTable(
  'notifications',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    eventId: text('event_id').references(() => notificationEvents.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    recordType: text('record_type', { enum: NOTIFICATION_RECORD_TYPES }).notNull(),
    recordId: text('record_id').notNull(),
    /** JSON: names to show (titles in both languages), never codes */
    params: text('params').notNull().default('{}'),
    createdAt: createdAt(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    /** when a mail (immediate or digest) took it, or when the preferences said none will */
    mailedAt: integer('mailed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('notifications_unread_idx').on(t.personId, t.readAt),
    index('notifications_person_created_idx').on(t.personId, t.createdAt),
    index('notifications_unmailed_idx').on(t.mailedAt, t.personId),
    uniqueIndex('notifications_event_person_unique').on(t.eventId, t.personId),
    check('notifications_kind_check', oneOf(t.kind, NOTIFICATION_KINDS)),
    check('notifications_record_type_check', oneOf(t.recordType, NOTIFICATION_RECORD_TYPES)),
  ],
)

/** A person's choice per kind; no row means "immediately". */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    mode: text('mode', { enum: DELIVERY_MODES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.kind] }),
    check('notification_preferences_kind_check', oneOf(t.kind, NOTIFICATION_KINDS)),
    check('notification_preferences_mode_check', oneOf(t.mode, DELIVERY_MODES)),
  ],
)

/** Records a person follows beyond what concerns them anyway (still only what they may see). */
export const follows = sqliteTable(
  'follows',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    recordType: text('record_type', { enum: FOLLOW_TYPES }).notNull(),
    recordId: text('record_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.recordType, t.recordId] }),
    index('follows_record_idx').on(t.recordType, t.recordId),
    check('follows_record_type_check', oneOf(t.recordType, FOLLOW_TYPES)),
  ],
)

/** The day (YYYY-MM-DD in the person's zone) of each person's last digest. */
export const notificationDigests = sqliteTable('notification_digests', {
  personId: text('person_id')
    .primaryKey()
    .references(() => people.id),
  lastDay: text('last_day').notNull(),
})

/** The scheduled check's memory (app/modules/notifications/timed.server.ts): one row per time-based
 * event fired (registration deadline near, round deadline near, embargo lifted), keyed by the moment it
 * is about, so it fires once, also across restarts, and again only when that moment is moved. */
export const notificationTimers = sqliteTable(
  'notification_timers',
  {
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    recordId: text('record_id').notNull(),
    /** the deadline or embargo end the event is about */
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    firedAt: integer('fired_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.recordId, t.dueAt] }),
    check('notification_timers_kind_check', oneOf(t.kind, NOTIFICATION_KINDS)),
  ],
)
