/**
 * The membership directory (/members) and the organization pages (/members/:code).
 * Organizations are public; people are personal data, shown only to whoever needs them: the public sees
 * none, signed-in users see names and roles of active people, contact details and pending or disabled
 * accounts only where can() allows. What the viewer may not see is never selected, so it cannot reach
 * the page's serialized data.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '@db/client'
import { organizations, people, type OrganizationKind } from '@db/schema'
import type { PERSON_STATUSES } from './constants'
import { localAcronym } from './org-labels'
import type { Lang } from '~/i18n/core'
import { can, type OrgRef } from '~/modules/access/can'
import type { PersonRole, Viewer } from '~/modules/access/viewer'
import { listGroupsForOrganization, type GroupSummary } from '~/modules/groups/groups.server'
import {
  listOrganizations,
  listPtpYears,
  orgName,
  ptpForYear,
  type OrganizationRow,
} from './organizations.server'

/** Top-level groups of the directory, in the order the RCM lists them. National institutions are shown
 * under their member state. */
export const DIRECTORY_KINDS = [
  'member_state',
  'observer_state',
  'international_organization',
  'civil_society',
  'secretariat',
] as const satisfies readonly OrganizationKind[]
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number]

export const currentYear = () => new Date().getUTCFullYear()

const collators: Record<Lang, Intl.Collator> = { es: new Intl.Collator('es'), en: new Intl.Collator('en') }

export interface DirectoryEntry {
  code: string
  name: string
  acronym: string | null
  isCurrentPtp: boolean
  institutions: { code: string; name: string; acronym: string | null }[]
}

export type PtpStatus = 'past' | 'current' | 'designated'
export interface PtpHistoryRow {
  year: number
  /** null when the record does not say who held it (2025) */
  organization: { code: string; name: string } | null
  status: PtpStatus
}

export interface Directory {
  year: number
  currentPtp: { year: number; code: string; name: string } | null
  sections: { kind: DirectoryKind; organizations: DirectoryEntry[] }[]
  ptpHistory: PtpHistoryRow[]
}

/** The PPT history, each year marked past, current or designated relative to this year. */
export function ptpHistory(lang: Lang, year = currentYear()): PtpHistoryRow[] {
  return listPtpYears().map((p) => ({
    year: p.year,
    organization: p.code
      ? { code: p.code, name: orgName({ nameEs: p.nameEs!, nameEn: p.nameEn! }, lang) }
      : null,
    status: p.year === year ? 'current' : p.year > year ? 'designated' : 'past',
  }))
}

/** This year's Pro-Tempore Presidency, if recorded. */
export function currentPtp(lang: Lang, year = currentYear()) {
  const o = ptpForYear(year)?.organization
  return o ? { year, code: o.code, name: orgName(o, lang) } : null
}

/** Every organization, grouped, with national institutions under their state and this year's PPT
 * marked. Public: no people. */
export function listDirectory(lang: Lang): Directory {
  const year = currentYear()
  const ptp = currentPtp(lang, year)
  const all = listOrganizations()
  const byName = (a: { name: string }, b: { name: string }) => collators[lang].compare(a.name, b.name)
  const institutionsOf = (parentId: string) =>
    all
      .filter((o) => o.parentId === parentId)
      .map((o) => ({ code: o.code, name: orgName(o, lang), acronym: localAcronym(o.acronym, lang) }))
      .sort(byName)
  return {
    year,
    currentPtp: ptp,
    sections: DIRECTORY_KINDS.map((kind) => ({
      kind,
      organizations: all
        .filter((o) => o.kind === kind)
        .map((o) => ({
          code: o.code,
          name: orgName(o, lang),
          acronym: localAcronym(o.acronym, lang),
          isCurrentPtp: o.code === ptp?.code,
          institutions: institutionsOf(o.id),
        }))
        .sort(byName),
    })),
    ptpHistory: ptpHistory(lang, year),
  }
}

/** By ISO code or organization code, any case (PA, pa, IOM, PA-SNM); else by acronym when exactly one
 * organization carries it (SNM). */
export function findOrganization(code: string): OrganizationRow | null {
  const wanted = code.trim().toUpperCase()
  if (!wanted || wanted.length > 40) return null
  const byCode = db
    .select()
    .from(organizations)
    .where(sql`upper(${organizations.code}) = ${wanted}`)
    .get()
  if (byCode) return byCode
  const byAcronym = db
    .select()
    .from(organizations)
    .where(sql`upper(${organizations.acronym}) = ${wanted}`)
    .limit(2)
    .all()
  return byAcronym.length === 1 ? byAcronym[0] : null
}

export type PersonStatus = (typeof PERSON_STATUSES)[number]

export interface DelegationPerson {
  id: string
  name: string
  title: string | null
  role: PersonRole
  institution: { code: string; name: string } | null
  /** present only when the viewer may see contact details */
  email?: string
  phone?: string | null
  /** present only when the viewer may see pending and disabled accounts */
  status?: PersonStatus
}

export interface Delegation {
  people: DelegationPerson[]
  showContact: boolean
  showStatus: boolean
}

const ROLE_ORDER: Record<PersonRole, number> = { focal_point: 0, secretariat: 1, delegate: 2 }

/** The people of an organization (for a national institution: those who work there), as the viewer
 * may see them; null for the signed-out public. */
function delegationFor(viewer: Viewer | null, org: OrganizationRow, lang: Lang): Delegation | null {
  if (!can(viewer, 'person.list')) return null
  const ref: OrgRef = { organizationId: org.id, parentOrganizationId: org.parentId }
  const showContact = can(viewer, 'person.viewContact', ref)
  // Pending invitations and disabled accounts are the business of those who manage the organization's
  // people: the same rule as inviting (the secretariat, the organization's own focal point).
  const showStatus = can(viewer, 'person.invite', ref)

  const where: SQL[] = [
    org.kind === 'national_institution'
      ? eq(people.institutionId, org.id)
      : eq(people.organizationId, org.id),
  ]
  if (!showStatus) where.push(eq(people.status, 'active'))
  const institution = alias(organizations, 'institution')
  const rows = db
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      role: people.role,
      instCode: institution.code,
      instEs: institution.nameEs,
      instEn: institution.nameEn,
      ...(showContact ? { email: people.email, phone: people.phone } : {}),
      ...(showStatus ? { status: people.status } : {}),
    })
    .from(people)
    .leftJoin(institution, eq(institution.id, people.institutionId))
    .where(and(...where))
    .orderBy(asc(people.name))
    .all()

  const list: DelegationPerson[] = rows.map(({ instCode, instEs, instEn, ...p }) => ({
    ...p,
    institution: instCode ? { code: instCode, name: lang === 'es' ? instEs! : instEn! } : null,
  }))
  list.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || collators[lang].compare(a.name, b.name))
  return { people: list, showContact, showStatus }
}

export interface OrganizationPage {
  /** the current year, by which the PPT is marked */
  year: number
  organization: {
    id: string
    parentId: string | null
    code: string
    kind: OrganizationKind
    name: string
    acronym: string | null
    description: string | null
    website: string | null
    isCurrentPtp: boolean
  }
  parent: { code: string; name: string } | null
  institutions: { code: string; name: string; acronym: string | null }[]
  /** years in which it held the Pro-Tempore Presidency */
  ptpYears: number[]
  groups: GroupSummary[]
  /** null for the signed-out public */
  delegation: Delegation | null
}

/** An organization and its delegation as the viewer may see it; null when the code is unknown. */
export function getOrganizationPage({
  viewer,
  code,
  lang,
}: {
  viewer: Viewer | null
  code: string
  lang: Lang
}): OrganizationPage | null {
  const org = findOrganization(code)
  if (!org) return null
  const parent = org.parentId
    ? db.select().from(organizations).where(eq(organizations.id, org.parentId)).get()
    : undefined
  const institutions = db
    .select()
    .from(organizations)
    .where(eq(organizations.parentId, org.id))
    .all()
    .map((o) => ({ code: o.code, name: orgName(o, lang), acronym: localAcronym(o.acronym, lang) }))
    .sort((a, b) => collators[lang].compare(a.name, b.name))
  const held = listPtpYears()
    .filter((p) => p.code === org.code)
    .map((p) => p.year)
  const year = currentYear()
  return {
    year,
    organization: {
      id: org.id,
      parentId: org.parentId,
      code: org.code,
      kind: org.kind,
      name: orgName(org, lang),
      acronym: localAcronym(org.acronym, lang),
      description: lang === 'es' ? org.descriptionEs : org.descriptionEn,
      website: org.website,
      isCurrentPtp: held.includes(year),
    },
    parent: parent ? { code: parent.code, name: orgName(parent, lang) } : null,
    institutions,
    ptpYears: held,
    groups: listGroupsForOrganization(org, lang),
    delegation: delegationFor(viewer, org, lang),
  }
}

/** How many organizations of each directory kind (for the dashboard's chart). */
export function countOrganizationsByKind(): Record<DirectoryKind, number> {
  const rows = db
    .select({ kind: organizations.kind, n: sql<number>`count(*)` })
    .from(organizations)
    .where(inArray(organizations.kind, [...DIRECTORY_KINDS]))
    .groupBy(organizations.kind)
    .all()
  const counts = Object.fromEntries(DIRECTORY_KINDS.map((k) => [k, 0])) as Record<DirectoryKind, number>
  for (const r of rows) counts[r.kind as DirectoryKind] = Number(r.n)
  return counts
}

/** Member states (public), for the landing page. */
export function listMemberStates(lang: Lang) {
  return listOrganizations()
    .filter((o) => o.kind === 'member_state')
    .map((o) => ({ code: o.code, name: orgName(o, lang) }))
    .sort((a, b) => collators[lang].compare(a.name, b.name))
}
