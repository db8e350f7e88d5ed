/**
 * Working groups, liaison officer networks, ad hoc groups, the coalition and drafting groups.
 * Names, kinds and participating organizations are public; who the members are is decided by
 * can(viewer, 'group.viewMembers').
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '@db/client'
import {
  groupMemberships,
  groupOrganizations,
  groups,
  organizations,
  people,
  type OrganizationKind,
} from '@db/schema'
import { localized, type Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { GROUP_KINDS, type GroupKind, type GroupRole } from './constants'
import { directoryOrder } from '~/modules/members/organizations.server'

export type { GroupKind, GroupRole }

const pick = (lang: Lang, es: string | null, en: string | null) => (lang === 'es' ? es : en)

const kindOrder = (k: GroupKind) => GROUP_KINDS.indexOf(k)

export interface GroupSummary {
  id: string
  slug: string
  kind: GroupKind
  name: string
  active: boolean
}

const summaryColumns = {
  id: groups.id,
  slug: groups.slug,
  kind: groups.kind,
  nameEs: groups.nameEs,
  nameEn: groups.nameEn,
  active: groups.active,
}
type SummaryRow = {
  id: string
  slug: string
  kind: GroupKind
  nameEs: string
  nameEn: string
  active: boolean
}

function toSummary(r: SummaryRow, lang: Lang): GroupSummary {
  return { id: r.id, slug: r.slug, kind: r.kind, name: pick(lang, r.nameEs, r.nameEn)!, active: r.active }
}

/** Active groups first, then by kind (working groups, networks, ad hoc, coalition, drafting), then name. */
function byKindThenName(a: GroupSummary, b: GroupSummary) {
  return (
    Number(b.active) - Number(a.active) ||
    kindOrder(a.kind) - kindOrder(b.kind) ||
    a.name.localeCompare(b.name)
  )
}

/** Organizations taking part in each group: those listed on the group, plus the organizations of its
 * active members (a working group has no listed organizations, only delegates). */
function participatingOrganizationIds(groupIds: string[]): Map<string, Set<string>> {
  const byGroup = new Map<string, Set<string>>(groupIds.map((id) => [id, new Set<string>()]))
  if (groupIds.length === 0) return byGroup
  const listed = db
    .select({ groupId: groupOrganizations.groupId, organizationId: groupOrganizations.organizationId })
    .from(groupOrganizations)
    .where(inArray(groupOrganizations.groupId, groupIds))
    .all()
  const viaMembers = db
    .selectDistinct({ groupId: groupMemberships.groupId, organizationId: people.organizationId })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(and(inArray(groupMemberships.groupId, groupIds), eq(people.status, 'active')))
    .all()
  for (const r of [...listed, ...viaMembers]) byGroup.get(r.groupId)?.add(r.organizationId)
  return byGroup
}

export interface GroupListItem extends GroupSummary {
  organizationCount: number
}

/** Every group with its participating organizations count (public). */
export function listGroups(lang: Lang): GroupListItem[] {
  const rows = db.select(summaryColumns).from(groups).all()
  const orgs = participatingOrganizationIds(rows.map((r) => r.id))
  return rows
    .map((r) => ({ ...toSummary(r, lang), organizationCount: orgs.get(r.id)?.size ?? 0 }))
    .sort(byKindThenName)
}

export interface GroupMember {
  personId: string
  name: string
  title: string | null
  groupRole: GroupRole
  organization: { code: string; name: string }
  institution: { code: string; name: string } | null
}

export interface GroupPage {
  group: GroupSummary & { description: string | null }
  organizations: { code: string; name: string; kind: OrganizationKind; parentName: string | null }[]
  /** null when the viewer may not see who the members are */
  members: GroupMember[] | null
}

/** A group by slug, as the viewer may see it; null when there is no such group. */
export function getGroupPage({
  viewer,
  slug,
  lang,
}: {
  viewer: Viewer | null
  slug: string
  lang: Lang
}): GroupPage | null {
  const row = db
    .select({ ...summaryColumns, descriptionEs: groups.descriptionEs, descriptionEn: groups.descriptionEn })
    .from(groups)
    .where(eq(groups.slug, slug.toLowerCase()))
    .get()
  if (!row) return null

  const orgIds = [...(participatingOrganizationIds([row.id]).get(row.id) ?? [])]
  const parent = alias(organizations, 'parent')
  const orgRows = orgIds.length
    ? db
        .select({
          code: organizations.code,
          kind: organizations.kind,
          nameEs: organizations.nameEs,
          nameEn: organizations.nameEn,
          sortOrder: organizations.sortOrder,
          parentEs: parent.nameEs,
          parentEn: parent.nameEn,
        })
        .from(organizations)
        .leftJoin(parent, eq(parent.id, organizations.parentId))
        .where(inArray(organizations.id, orgIds))
        .orderBy(...directoryOrder())
        .all()
    : []

  let members: GroupMember[] | null = null
  if (can(viewer, 'group.viewMembers', { groupId: row.id })) {
    const institution = alias(organizations, 'institution')
    members = db
      .select({
        personId: people.id,
        name: people.name,
        title: people.title,
        groupRole: groupMemberships.role,
        orgCode: organizations.code,
        orgEs: organizations.nameEs,
        orgEn: organizations.nameEn,
        instCode: institution.code,
        instEs: institution.nameEs,
        instEn: institution.nameEn,
      })
      .from(groupMemberships)
      .innerJoin(people, eq(people.id, groupMemberships.personId))
      .innerJoin(organizations, eq(organizations.id, people.organizationId))
      .leftJoin(institution, eq(institution.id, people.institutionId))
      .where(and(eq(groupMemberships.groupId, row.id), eq(people.status, 'active')))
      .orderBy(asc(organizations.sortOrder), asc(people.name))
      .all()
      .map((m) => ({
        personId: m.personId,
        name: m.name,
        title: m.title,
        groupRole: m.groupRole,
        organization: { code: m.orgCode, name: pick(lang, m.orgEs, m.orgEn)! },
        institution: m.instCode ? { code: m.instCode, name: pick(lang, m.instEs, m.instEn)! } : null,
      }))
  }

  return {
    group: { ...toSummary(row, lang), description: pick(lang, row.descriptionEs, row.descriptionEn) },
    organizations: orgRows.map((o) => ({
      code: o.code,
      kind: o.kind,
      name: pick(lang, o.nameEs, o.nameEn)!,
      parentName: pick(lang, o.parentEs, o.parentEn),
    })),
    members,
  }
}

/** Every group as a choice of a form or a filter (slug and name), by slug. */
export function groupChoices(lang: Lang) {
  return db
    .select({ slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
    .from(groups)
    .orderBy(asc(groups.slug))
    .all()
    .map((g) => ({ slug: g.slug, name: localized(lang, g.nameEs, g.nameEn) }))
}

/** The groups a person belongs to, with their role in each (the dashboard's "your working groups"). */
export function listGroupsForPerson(personId: string, lang: Lang) {
  return db
    .select({ ...summaryColumns, groupRole: groupMemberships.role })
    .from(groupMemberships)
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .where(eq(groupMemberships.personId, personId))
    .all()
    .map((r) => ({ ...toSummary(r, lang), groupRole: r.groupRole }))
    .sort(byKindThenName)
}

/** The groups an organization takes part in: listed on the group, or through its active people (for a
 * national institution, the people who work there). Organization-level facts, public. */
export function listGroupsForOrganization(org: { id: string; kind: string }, lang: Lang): GroupSummary[] {
  const personOfOrg =
    org.kind === 'national_institution' ? eq(people.institutionId, org.id) : eq(people.organizationId, org.id)
  const viaMembers = db
    .select({ groupId: groupMemberships.groupId })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(and(personOfOrg, eq(people.status, 'active')))
  const listed = db
    .select({ groupId: groupOrganizations.groupId })
    .from(groupOrganizations)
    .where(eq(groupOrganizations.organizationId, org.id))
  return db
    .select(summaryColumns)
    .from(groups)
    .where(or(inArray(groups.id, viaMembers), inArray(groups.id, listed)))
    .all()
    .map((r) => toSummary(r, lang))
    .sort(byKindThenName)
}
