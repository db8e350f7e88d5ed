/**
 * Queries behind the members area's JSON API (/api/v1/me, organizations, groups). Organizations and
 * groups are public; people are shown only to signed-in callers, and their contact details only where
 * can(viewer, 'person.viewContact') allows it (the same rule as the /members/:code page).
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '@db/client'
import { groupMemberships, groupOrganizations, groups, organizations, people } from '@db/schema'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import type { MeOut } from '~/modules/auth/api-schemas'
import type {
  GroupItemOut,
  OrganizationDetailOut,
  OrganizationSummaryOut,
  PersonCardOut,
} from './api-schemas'
import {
  directoryOrder,
  getOrganizationByCode,
  listOrganizations,
  listPtpYears,
  organizationColumns,
  ptpForYear,
  type OrganizationRow,
} from './organizations.server'

const localized = (o: { nameEs: string; nameEn: string }) => ({ es: o.nameEs, en: o.nameEn })

/** The organization holding the Pro-Tempore Presidency in the current (UTC) year, if known. */
function currentPptOrganizationId(now = new Date()): string | null {
  return ptpForYear(now.getUTCFullYear())?.organization?.id ?? null
}

function summary(
  o: OrganizationRow,
  codeById: Map<string, string>,
  pptId: string | null,
): OrganizationSummaryOut {
  return {
    id: o.id,
    code: o.code,
    kind: o.kind,
    acronym: o.acronym,
    name: localized(o),
    parentCode: o.parentId ? (codeById.get(o.parentId) ?? null) : null,
    isCurrentPpt: o.id === pptId,
  }
}

export function listOrganizationsForApi(filter: {
  kind?: OrganizationRow['kind']
}): OrganizationSummaryOut[] {
  const all = listOrganizations()
  const codeById = new Map(all.map((o) => [o.id, o.code]))
  const pptId = currentPptOrganizationId()
  return all.filter((o) => !filter.kind || o.kind === filter.kind).map((o) => summary(o, codeById, pptId))
}

const ROLE_ORDER: Record<PersonCardOut['role'], number> = { focal_point: 0, delegate: 1, secretariat: 2 }

/** Active people of an organization (or of a national institution) as the viewer may see them: none for
 * the anonymous; e-mail and phone are not even read unless the viewer may see them. */
function peopleOf(viewer: Viewer | null, org: OrganizationRow): PersonCardOut[] {
  if (!can(viewer, 'person.list')) return []
  const withContact = can(viewer, 'person.viewContact', {
    organizationId: org.id,
    parentOrganizationId: org.parentId,
  })
  const institution = alias(organizations, 'institution')
  const rows = db
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      role: people.role,
      institutionCode: institution.code,
      ...(withContact ? { email: people.email, phone: people.phone } : {}),
    })
    .from(people)
    .leftJoin(institution, eq(institution.id, people.institutionId))
    .where(
      and(
        eq(people.status, 'active'),
        or(eq(people.organizationId, org.id), eq(people.institutionId, org.id)),
      ),
    )
    .orderBy(asc(people.name))
    .all()
  return rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
}

/** One organization with its institutions, PPT years and people; null for an unknown code. */
export function getOrganizationForApi(viewer: Viewer | null, code: string): OrganizationDetailOut | null {
  if (code.length > 40) return null
  const org = getOrganizationByCode(code)
  if (!org) return null
  const all = listOrganizations()
  const codeById = new Map(all.map((o) => [o.id, o.code]))
  return {
    ...summary(org, codeById, currentPptOrganizationId()),
    description: { es: org.descriptionEs, en: org.descriptionEn },
    website: org.website,
    institutions: all
      .filter((o) => o.parentId === org.id)
      .map((o) => ({ id: o.id, code: o.code, acronym: o.acronym, name: localized(o) })),
    pptYears: listPtpYears()
      .filter((p) => p.code === org.code)
      .map((p) => ({ year: p.year, note: p.note })),
    people: peopleOf(viewer, org),
  }
}

/** Every group (groups are public), with the codes of the organizations taking part. */
export function listGroupsForApi(viewer: Viewer | null): GroupItemOut[] {
  const rows = db.select().from(groups).orderBy(asc(groups.kind), asc(groups.slug)).all()
  const orgs = rows.length
    ? db
        .select({ groupId: groupOrganizations.groupId, code: organizations.code })
        .from(groupOrganizations)
        .innerJoin(organizations, eq(organizations.id, groupOrganizations.organizationId))
        .where(
          inArray(
            groupOrganizations.groupId,
            rows.map((g) => g.id),
          ),
        )
        .orderBy(...directoryOrder())
        .all()
    : []
  const mine = new Set(viewer?.groupIds ?? [])
  return rows.map((g) => ({
    id: g.id,
    slug: g.slug,
    kind: g.kind,
    name: localized(g),
    active: g.active,
    organizations: orgs.filter((o) => o.groupId === g.id).map((o) => o.code),
    isMember: mine.has(g.id),
  }))
}

/** The caller's own record for GET /me. */
export function getMe(viewer: Viewer): MeOut {
  const person = db.select({ title: people.title }).from(people).where(eq(people.id, viewer.id)).get()
  const orgRow = (id: string) =>
    db.select(organizationColumns).from(organizations).where(eq(organizations.id, id)).get()!
  const org = orgRow(viewer.organizationId)
  const inst = viewer.institutionId ? orgRow(viewer.institutionId) : null
  const memberships = db
    .select({ id: groups.id, slug: groups.slug, role: groupMemberships.role })
    .from(groupMemberships)
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .where(eq(groupMemberships.personId, viewer.id))
    .orderBy(asc(groups.slug))
    .all()
  return {
    id: viewer.id,
    name: viewer.name,
    email: viewer.email,
    title: person?.title ?? null,
    role: viewer.role,
    language: viewer.language,
    organization: { id: org.id, code: org.code, kind: org.kind, name: localized(org) },
    institution: inst ? { id: inst.id, code: inst.code, name: localized(inst) } : null,
    groups: memberships,
  }
}
