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
import { newId } from './ids'

const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => newId())
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())

export const ORGANIZATION_KINDS = [
  'member_state',
  'observer_state',
  'international_organization',
  'civil_society',
  'secretariat',
  'national_institution',
] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

/** Member states, observer states, agencies, civil society networks, the secretariat, and the national
 * institutions that sit under a member state (parentId). `code` is the ISO code or the acronym. */
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
    check(
      'organizations_kind_check',
      sql`${t.kind} in ('member_state','observer_state','international_organization','civil_society','secretariat','national_institution')`,
    ),
  ],
)

/** Pro-Tempore Presidency by year; organizationId null when not (yet) known. */
export const ptpYears = sqliteTable('ptp_years', {
  year: integer('year').primaryKey(),
  organizationId: text('organization_id').references(() => organizations.id),
  note: text('note'),
})

export const PERSON_ROLES = ['secretariat', 'focal_point', 'delegate'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]
export const PERSON_STATUSES = ['invited', 'active', 'disabled'] as const
export const LANGUAGES = ['es', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

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
    check('people_role_check', sql`${t.role} in ('secretariat','focal_point','delegate')`),
    check('people_status_check', sql`${t.status} in ('invited','active','disabled')`),
    check('people_language_check', sql`${t.language} in ('es','en')`),
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
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_unique').on(t.tokenHash),
    index('api_tokens_person_idx').on(t.personId),
  ],
)

export const ONE_TIME_TOKEN_KINDS = ['invitation', 'password_reset'] as const
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
    check('one_time_tokens_kind_check', sql`${t.kind} in ('invitation','password_reset')`),
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

export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const
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
    check('audit_log_outcome_check', sql`${t.outcome} in ('ok','refused','failed')`),
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
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt)],
)

export const GROUP_KINDS = ['working_group', 'network', 'ad_hoc', 'coalition', 'drafting_group'] as const
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
  (t) => [uniqueIndex('groups_slug_unique').on(t.slug)],
)

export const GROUP_ROLES = ['chair', 'member', 'drafter'] as const
export const groupMemberships = sqliteTable(
  'group_memberships',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: GROUP_ROLES }).notNull().default('member'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.personId] }),
    index('group_memberships_person_idx').on(t.personId),
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
