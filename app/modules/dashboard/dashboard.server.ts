/**
 * What the dashboard at / shows. Each section is one function of the signed-in viewer that returns its
 * data, or null when the section does not apply to them; the route draws each section with its own
 * component. To add a section (meetings, documents, actions...): add a function to `SECTIONS` and a
 * component to the route's list.
 */
import { and, count, eq, gte } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '@db/client'
import { auditLog, organizations, people } from '@db/schema'
import { localized, type Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { listGroupsForPerson } from '~/modules/groups/groups.server'
import { listPlans } from '~/modules/plans/queries.server'
import {
  countOrganizationsByKind,
  currentPtp,
  currentYear,
  listMemberStates,
  ptpHistory,
  type PtpHistoryRow,
} from '~/modules/members/directory.server'
import { orgName } from '~/modules/members/organizations.server'
import { registrationsDueFor, upcomingMeetingsFor } from '~/modules/meetings/dashboard.server'
import { listDocuments, recentDocumentsFor } from '~/modules/documents/queries.server'
import { originFor } from '~/modules/meetings/calendar.server'
import { actionsSection } from './actions-section.server'
import { proceduresAwaiting } from '~/modules/procedures/queries.server'

export interface DashboardContext {
  viewer: Viewer
  lang: Lang
  now: Date
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The viewer's organization, institution and role. */
function profileSection({ viewer, lang }: DashboardContext) {
  const institution = alias(organizations, 'institution')
  const row = db
    .select({
      code: organizations.code,
      kind: organizations.kind,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
      instCode: institution.code,
      instEs: institution.nameEs,
      instEn: institution.nameEn,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .leftJoin(institution, eq(institution.id, people.institutionId))
    .where(eq(people.id, viewer.id))
    .get()
  if (!row) return null
  return {
    role: viewer.role,
    organization: { code: row.code, kind: row.kind, name: orgName(row, lang) },
    institution: row.instCode
      ? { code: row.instCode, name: orgName({ nameEs: row.instEs!, nameEn: row.instEn! }, lang) }
      : null,
  }
}

function groupsSection({ viewer, lang }: DashboardContext) {
  return listGroupsForPerson(viewer.id, lang)
}

/** The plans of the person's groups (the secretariat: every plan), most recently changed first. */
function plansSection({ viewer, lang }: DashboardContext) {
  return listPlans(viewer, lang, { sections: false })
    .slice(0, 5)
    .map((p) => ({ id: p.id, title: p.title, stage: p.stage, group: p.group.name }))
}

/** This year's presidency and the troika (previous, current, next). */
function ptpSection({ lang, now }: DashboardContext) {
  return ptpOverview(lang, now.getUTCFullYear())
}

function membershipSection() {
  return countOrganizationsByKind()
}

/** Things the secretariat should look at; null for everyone else. */
function administrationSection({ viewer, now }: DashboardContext) {
  if (!can(viewer, 'admin.access')) return null
  const pendingInvitations = db.select({ n: count() }).from(people).where(eq(people.status, 'invited')).get()!
    .n
  const failedSignIns = db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'auth.signIn'),
        eq(auditLog.outcome, 'failed'),
        gte(auditLog.at, new Date(now.getTime() - DAY_MS)),
      ),
    )
    .get()!.n
  return { pendingInvitations, failedSignIns }
}

/** Upcoming meetings of the person's organization and groups; for focal points, registrations due. */
function meetingsSection({ viewer, lang, now }: DashboardContext) {
  return {
    upcoming: upcomingMeetingsFor(viewer, lang, now),
    registrationsDue: registrationsDueFor(viewer, lang, now),
  }
}

/** The newest documents the viewer may see (visibility and embargo applied in SQL by the library). */
function documentsSection({ viewer, lang }: DashboardContext) {
  return recentDocumentsFor(viewer, 5).map((d) => ({
    id: d.id,
    reference: d.reference,
    title: localized(lang, d.titleEs, d.titleEn),
    /** the document's own date (YYYY-MM-DD) when it has one */
    documentDate: d.documentDate,
    addedAt: d.createdAt,
  }))
}

const SECTIONS = {
  profile: profileSection,
  groups: groupsSection,
  plans: plansSection,
  meetings: meetingsSection,
  actions: actionsSection,
  // written procedures waiting for the position of the viewer's state (focal points, named delegates)
  procedures: ({ viewer, lang, now }: DashboardContext) => proceduresAwaiting(viewer, lang, now),
  documents: documentsSection,
  ptp: ptpSection,
  membership: membershipSection,
  administration: administrationSection,
} satisfies Record<string, (ctx: DashboardContext) => unknown>

export type Dashboard = { [K in keyof typeof SECTIONS]: Awaited<ReturnType<(typeof SECTIONS)[K]>> }

/** Every section of the signed-in dashboard (a section may read off the main thread). */
export async function getDashboard({ viewer, lang }: { viewer: Viewer; lang: Lang }): Promise<Dashboard> {
  const ctx: DashboardContext = { viewer, lang, now: new Date() }
  const entries = Object.entries(SECTIONS).map(([key, build]) => [key, build(ctx)] as const)
  const values = await Promise.all(entries.map(([, value]) => value))
  return Object.fromEntries(entries.map(([key], i) => [key, values[i]])) as Dashboard
}

export function ptpOverview(lang: Lang, year = currentYear()) {
  const history = ptpHistory(lang, year)
  const troika: PtpHistoryRow[] = [year - 1, year, year + 1].map(
    (y) =>
      history.find((h) => h.year === y) ?? {
        year: y,
        organization: null,
        status: y === year ? 'current' : y > year ? 'designated' : 'past',
      },
  )
  return { year, current: currentPtp(lang, year), troika }
}

/** The public landing page: what anyone may see without signing in (organizations, never people). */
export function getPublicLanding(lang: Lang) {
  return {
    memberStates: listMemberStates(lang),
    ptp: ptpOverview(lang),
    membership: countOrganizationsByKind(),
    // the public documents a newcomer looks for first, with the visibility rule of the library (public
    // and out of embargo for a signed-out reader), and the public calendar's full address
    declarations: listDocuments(null, { kind: 'declaration', sort: 'recent' }, { lang, limit: 8 }).items.map(
      (d) => ({
        id: d.id,
        reference: d.reference,
        title: localized(lang, d.titleEs, d.titleEn),
        documentDate: d.documentDate,
      }),
    ),
    calendarUrl: `${originFor()}/calendar.ics`,
  }
}
