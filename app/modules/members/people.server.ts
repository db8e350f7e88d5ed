/**
 * People administration: the list the secretariat manages, invitations (by the secretariat into any
 * organization, by a focal point into their own), disabling and re-enabling accounts, ending sessions.
 * Every write is one `writeTx` with its audit entry; a refusal is a DomainError (403 with its audit
 * entry, 404 for an unknown person or organization) that the pages answer with `pageFailure`.
 */
import { and, asc, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db, type Tx } from '@db/client'
import { oneTimeTokens, organizations, people, sessions } from '@db/schema'
import { type MessageKey } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { createOneTimeToken, INVITATION_TTL_MS, linkTo } from '~/modules/auth/one-time-tokens.server'
import { revokeAllApiTokens } from '~/modules/auth/api-tokens.server'
import { invalidateAllSessions } from '~/modules/auth/session.server'
import { assertAllowed, conflict, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { queueMail } from '~/modules/mail/mail.server'
import type { InviteInput, PeopleFilters } from './people-schemas'
import { directoryOrder } from '~/modules/members/organizations.server'

export const PEOPLE_PAGE_SIZE = 25

type OrgRow = typeof organizations.$inferSelect
type PersonRow = typeof people.$inferSelect

export interface RequestMeta {
  ip?: string | null
}

// ---- listing ----

const institution = alias(organizations, 'institution')

/** `%` and `_` typed by a person are searched for literally. */
function likeContains(value: string) {
  return `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

const SORT_COLUMNS = {
  name: people.name,
  email: people.email,
  organization: organizations.code,
  status: people.status,
  created: people.createdAt,
} as const

/** People with their organization, filtered, sorted (allowlist) and paginated. The secretariat sees
 * everyone; anyone else only their own organization (the scope is part of the SQL). */
export function listPeople({ viewer, filters }: { viewer: Viewer; filters: PeopleFilters }) {
  const where: SQL[] = []
  if (!can(viewer, 'admin.access')) where.push(eq(people.organizationId, viewer.organizationId))
  if (filters.q) {
    const p = likeContains(filters.q)
    where.push(sql`(lower(${people.name}) like ${p} escape '\\' or ${people.email} like ${p} escape '\\')`)
  }
  if (filters.org) where.push(or(eq(organizations.code, filters.org), eq(institution.code, filters.org))!)
  if (filters.role) where.push(eq(people.role, filters.role))
  if (filters.status) where.push(eq(people.status, filters.status))
  const condition = where.length ? and(...where) : undefined

  const total =
    db
      .select({ n: count() })
      .from(people)
      .innerJoin(organizations, eq(organizations.id, people.organizationId))
      .leftJoin(institution, eq(institution.id, people.institutionId))
      .where(condition)
      .get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE))
  const page = Math.min(filters.page, pageCount)
  const column = SORT_COLUMNS[filters.sort]
  const order = filters.dir === 'desc' ? desc(column) : asc(column)

  const items = db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      role: people.role,
      status: people.status,
      language: people.language,
      createdAt: people.createdAt,
      organizationId: people.organizationId,
      organizationCode: organizations.code,
      organizationNameEs: organizations.nameEs,
      organizationNameEn: organizations.nameEn,
      institutionCode: institution.code,
      institutionNameEs: institution.nameEs,
      institutionNameEn: institution.nameEn,
      sessionCount: sql<number>`(select count(*) from ${sessions} where ${sessions.personId} = ${people.id})`,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .leftJoin(institution, eq(institution.id, people.institutionId))
    .where(condition)
    .orderBy(order, asc(people.name), asc(people.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE)
    .all()
  return { items, total, page, pageCount }
}

// ---- where one may invite ----

export interface InvitableOrganization {
  id: string
  code: string
  kind: OrgRow['kind']
  nameEs: string
  nameEn: string
  institutions: { id: string; code: string; nameEs: string; nameEn: string }[]
}

/** The organizations the viewer may invite into (participating organizations, not institutions), each
 * with its national institutions. Empty for someone who may not invite at all. */
export function invitableOrganizations(viewer: Viewer): InvitableOrganization[] {
  const all = db
    .select()
    .from(organizations)
    .orderBy(...directoryOrder())
    .all()
  const allowed = all.filter(
    (o) =>
      o.kind !== 'national_institution' &&
      can(viewer, 'person.invite', { organizationId: o.id, parentOrganizationId: o.parentId }),
  )
  return allowed.map((o) => ({
    id: o.id,
    code: o.code,
    kind: o.kind,
    nameEs: o.nameEs,
    nameEn: o.nameEn,
    institutions: all
      .filter((i) => i.kind === 'national_institution' && i.parentId === o.id)
      .map((i) => ({ id: i.id, code: i.code, nameEs: i.nameEs, nameEn: i.nameEn })),
  }))
}

/** Throws 403 (audited) unless the viewer may invite into at least their own organization, which is
 * the case exactly for those who may invite anywhere. */
export function assertMayInvite(viewer: Viewer) {
  assertAllowed(viewer, 'person.invite', { organizationId: viewer.organizationId })
}

/** For `/invite?org=CODE`: 404 for an unknown organization, 403 (audited) for one the viewer may not
 * invite into. */
export function assertMayInviteInto(viewer: Viewer, code: string) {
  const org = orgByCode(code.toUpperCase())
  if (!org || org.kind === 'national_institution') throw notFound()
  assertAllowed(viewer, 'person.invite', { organizationId: org.id, parentOrganizationId: org.parentId })
}

// ---- invitations ----

export type FieldErrors = Partial<Record<keyof InviteInput, MessageKey[]>>
export type InviteResult =
  | { ok: true; personId: string; link: string }
  | { ok: false; fieldErrors: FieldErrors }

const fieldError = (field: keyof InviteInput, key: MessageKey): InviteResult => ({
  ok: false,
  fieldErrors: { [field]: [key] },
})

function orgByCode(code: string): OrgRow | undefined {
  return db.select().from(organizations).where(eq(organizations.code, code)).get()
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE') return true
  }
  return false
}

function invitationMail(
  person: { name: string; email: string; language: 'es' | 'en'; role: PersonRow['role'] },
  org: Pick<OrgRow, 'nameEs' | 'nameEn'>,
  inviter: string,
  link: string,
) {
  const { t, lang } = translator(person.language)
  return {
    to: person.email,
    kind: 'invitation',
    subject: t('admin.mail.inviteSubject'),
    text: t('admin.mail.inviteBody', {
      name: person.name,
      inviter,
      role: t(`role.${person.role}`),
      organization: lang === 'es' ? org.nameEs : org.nameEn,
      link,
      days: Math.round(INVITATION_TTL_MS / (24 * 3600 * 1000)),
    }),
  }
}

/** Invites a person: a row with status 'invited' and no password, a one-time invitation token, the
 * mail with the link (in the invitee's language) and the audit entry, in one transaction. A viewer who
 * may not invite into the organization gets a 403 (audited) and nothing is written. */
export function invitePerson(viewer: Viewer, input: InviteInput, meta: RequestMeta = {}): InviteResult {
  const org = orgByCode(input.organization)
  // Only participating organizations: a national institution is chosen in its own field.
  if (!org || org.kind === 'national_institution') {
    assertMayInvite(viewer)
    return fieldError('organization', 'validation.invalid')
  }
  assertAllowed(viewer, 'person.invite', { organizationId: org.id, parentOrganizationId: org.parentId })

  let institutionId: string | null = null
  if (input.institution) {
    const inst = orgByCode(input.institution)
    if (!inst || inst.kind !== 'national_institution' || inst.parentId !== org.id) {
      return fieldError('institution', 'admin.invite.institutionMismatch')
    }
    institutionId = inst.id
  }
  // The secretariat role and the secretariat organization go together; inviting into the secretariat
  // is allowed to the secretariat alone (can.ts), so no one else can create a secretariat account.
  if ((input.role === 'secretariat') !== (org.kind === 'secretariat')) {
    return fieldError('role', 'admin.invite.roleMismatch')
  }

  try {
    return writeTx((tx): InviteResult => {
      const taken = tx.select({ id: people.id }).from(people).where(eq(people.email, input.email)).get()
      if (taken) return fieldError('email', 'admin.invite.emailTaken')
      const person = tx
        .insert(people)
        .values({
          email: input.email,
          name: input.name,
          title: input.title || null,
          organizationId: org.id,
          institutionId,
          role: input.role,
          language: input.language,
          status: 'invited',
          passwordHash: null,
        })
        .returning({ id: people.id })
        .get()
      const link = sendInvitation(tx, viewer, { ...input, id: person.id }, org)
      audit(
        {
          actor: viewer,
          action: 'person.invite',
          targetType: 'person',
          targetId: person.id,
          ip: meta.ip ?? null,
          details: {
            email: input.email,
            organization: org.code,
            institution: input.institution ?? null,
            role: input.role,
          },
        },
        tx,
      )
      return { ok: true, personId: person.id, link }
    })
  } catch (error) {
    // Two invitations for the same address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return fieldError('email', 'admin.invite.emailTaken')
    throw error
  }
}

/** A new invitation token (earlier ones stop working) and its mail. Returns the link. */
function sendInvitation(
  tx: Tx,
  viewer: Pick<Viewer, 'id' | 'name'>,
  person: { id: string; name: string; email: string; language: 'es' | 'en'; role: PersonRow['role'] },
  org: Pick<OrgRow, 'nameEs' | 'nameEn'>,
) {
  const token = createOneTimeToken(tx, { kind: 'invitation', personId: person.id, createdById: viewer.id })
  const link = linkTo(`/invitation/${token}`)
  queueMail(invitationMail(person, org, viewer.name, link), tx)
  return link
}

// ---- managing accounts ----

function targetPerson(personId: string) {
  const row = db
    .select({ person: people, organization: organizations })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(people.id, personId))
    .get()
  if (!row) throw notFound()
  return row
}

const personRef = (p: PersonRow, o: OrgRow) => ({
  personId: p.id,
  organizationId: p.organizationId,
  parentOrganizationId: o.parentId,
})

/** The audit entry of a change to someone's account: who, what, from where, with the account's e-mail. */
function auditPersonChange(
  tx: Tx,
  viewer: Viewer,
  action: 'person.disable' | 'person.enable' | 'person.endSessions' | 'person.resendInvitation',
  person: Pick<PersonRow, 'id' | 'email'>,
  meta: RequestMeta,
  details: Record<string, unknown> = {},
) {
  audit(
    {
      actor: viewer,
      action,
      targetType: 'person',
      targetId: person.id,
      ip: meta.ip ?? null,
      details: { email: person.email, ...details },
    },
    tx,
  )
}

/** Disables an account: it can no longer sign in, its sessions end and its unused links stop working,
 * all in one transaction. Nobody can disable themselves (can.ts). */
export function disablePerson(viewer: Viewer, personId: string, meta: RequestMeta = {}) {
  const { person, organization } = targetPerson(personId)
  assertAllowed(viewer, 'person.disable', personRef(person, organization))
  return writeTx((tx) => {
    tx.update(people).set({ status: 'disabled', updatedAt: new Date() }).where(eq(people.id, person.id)).run()
    // Same connection, so this runs inside the transaction.
    invalidateAllSessions(person.id)
    // Tokens end with the sessions: enabling the account again does not bring them back.
    revokeAllApiTokens(tx, person.id)
    tx.update(oneTimeTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(oneTimeTokens.personId, person.id), isNull(oneTimeTokens.usedAt)))
      .run()
    auditPersonChange(tx, viewer, 'person.disable', person, meta, { previousStatus: person.status })
    return { personId: person.id, name: person.name }
  })
}

/** Re-enables an account: active again if it has a password, otherwise back to invited. */
export function enablePerson(viewer: Viewer, personId: string, meta: RequestMeta = {}) {
  const { person, organization } = targetPerson(personId)
  assertAllowed(viewer, 'person.enable', personRef(person, organization))
  // the Undo of a disabling, once the account is in use again, has nothing to undo
  if (person.status !== 'disabled') throw conflict('confirm.error.notDisabled')
  return writeTx((tx) => {
    const status = person.passwordHash ? 'active' : 'invited'
    tx.update(people).set({ status, updatedAt: new Date() }).where(eq(people.id, person.id)).run()
    auditPersonChange(tx, viewer, 'person.enable', person, meta, { status })
    return { personId: person.id, name: person.name, status }
  })
}

/** Ends every session of a person (the secretariat for anyone; a person for themselves). */
export function endSessionsOf(viewer: Viewer, personId: string, meta: RequestMeta = {}) {
  const { person, organization } = targetPerson(personId)
  assertAllowed(viewer, 'person.endSessions', personRef(person, organization))
  return writeTx((tx) => {
    const ended =
      tx.select({ n: count() }).from(sessions).where(eq(sessions.personId, person.id)).get()?.n ?? 0
    invalidateAllSessions(person.id)
    auditPersonChange(tx, viewer, 'person.endSessions', person, meta, { ended })
    return { personId: person.id, name: person.name, ended }
  })
}

export type ResendResult = { ok: true; name: string; link: string } | { ok: false; reason: 'notInvited' }

/** A new invitation link for someone who has not accepted yet (the previous link stops working). */
export function resendInvitation(viewer: Viewer, personId: string, meta: RequestMeta = {}): ResendResult {
  const { person, organization } = targetPerson(personId)
  assertAllowed(viewer, 'person.invite', {
    organizationId: person.organizationId,
    parentOrganizationId: organization.parentId,
  })
  if (person.status !== 'invited') return { ok: false, reason: 'notInvited' }
  return writeTx((tx): ResendResult => {
    const link = sendInvitation(tx, viewer, person, organization)
    auditPersonChange(tx, viewer, 'person.resendInvitation', person, meta)
    return { ok: true, name: person.name, link }
  })
}

/** Organizations for the filter of /admin/people (participating ones and institutions). */
export function organizationOptions() {
  return db
    .select({
      code: organizations.code,
      kind: organizations.kind,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
    })
    .from(organizations)
    .orderBy(...directoryOrder())
    .all()
}
