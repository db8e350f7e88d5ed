/**
 * What the action forms offer and start from: the organizations, people and groups of the secretariat's
 * form, a decision to start from, an existing action's values to edit, and the documents offered as
 * evidence of a report.
 */
import { asc, eq, sql } from 'drizzle-orm'
import { db } from '@db/client'
import { decisions, groups, meetings, organizations, people, writtenProcedures } from '@db/schema'
import { translator } from '~/i18n/catalogue.server'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { listDocuments } from '~/modules/documents/queries.server'
import { loadAction, localized } from './loading.server'
import { directoryOrder, organizationColumns } from '~/modules/members/organizations.server'
import { localAcronym, shortOrgName } from '~/modules/members/org-labels'
import { groupChoices } from '~/modules/groups/groups.server'

/** The choices of the secretariat's action form. */
export function actionFormOptions(lang: Lang) {
  const orgs = db
    .select({
      ...organizationColumns,
      acronym: organizations.acronym,
      parentId: organizations.parentId,
      sortOrder: organizations.sortOrder,
    })
    .from(organizations)
    .orderBy(...directoryOrder())
    .all()
  // each member state followed by its national institutions
  const ordered: typeof orgs = []
  for (const o of orgs.filter((x) => !x.parentId)) {
    ordered.push(o, ...orgs.filter((x) => x.parentId === o.id))
  }
  const byId = new Map(orgs.map((o) => [o.id, o]))
  const peopleRows = db
    .select({
      id: people.id,
      name: people.name,
      organizationId: people.organizationId,
      institutionId: people.institutionId,
    })
    .from(people)
    .where(eq(people.status, 'active'))
    .orderBy(asc(people.name))
    .all()
  return {
    organizations: ordered.map((o) => ({
      code: o.code,
      kind: o.kind,
      name: localized(lang, o.nameEs, o.nameEn),
      acronym: localAcronym(o.acronym, lang),
      institution: !!o.parentId,
    })),
    people: peopleRows.map((p) => ({
      id: p.id,
      name: p.name,
      // named by its acronym in the interface's language, else its name: never its code
      organization: ((o) => (o ? shortOrgName(o, lang) : ''))(byId.get(p.institutionId ?? p.organizationId)),
    })),
    groups: groupChoices(lang),
  }
}

/** `?decision=ID` on the new-action form: the decision, where it was adopted (its meeting, or the
 * written procedure between meetings) and a title to start from. */
export function decisionPrefill(viewer: Viewer, idOrCode: string, lang: Lang) {
  const d = db
    .select({
      id: decisions.id,
      code: decisions.code,
      textEs: decisions.textEs,
      textEn: decisions.textEn,
      meetingId: meetings.id,
      meetingEs: meetings.titleEs,
      meetingEn: meetings.titleEn,
      procedureId: writtenProcedures.id,
      procedureNumber: writtenProcedures.number,
    })
    .from(decisions)
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(writtenProcedures, eq(writtenProcedures.id, decisions.procedureId))
    .where(sql`${decisions.id} = ${idOrCode} or ${decisions.code} = ${idOrCode}`)
    .get()
  if (!d || !can(viewer, 'action.create')) return null
  const cut = (s: string | null) => (s && s.length > 300 ? `${s.slice(0, 297)}...` : s)
  const { t } = translator(lang)
  return {
    id: d.id,
    code: d.code,
    text: localized(lang, d.textEs, d.textEn),
    origin: d.meetingId
      ? {
          title: localized(lang, d.meetingEs, d.meetingEn),
          href: `/meetings/${d.meetingId}/decisions`,
        }
      : {
          title: t('procedures.number', { number: d.procedureNumber ?? '' }),
          href: `/procedures/${d.procedureId ?? ''}`,
        },
    titleEs: cut(d.textEs),
    titleEn: cut(d.textEn),
  }
}

/** The edit form's values for an existing action. */
export function actionFormValues(id: string): Record<string, string | string[]> | null {
  const loaded = loadAction(id)
  if (!loaded) return null
  const { row, owners } = loaded
  const decision = row.decisionId
    ? db.select({ code: decisions.code }).from(decisions).where(eq(decisions.id, row.decisionId)).get()
    : undefined
  const group = row.groupId
    ? db.select({ slug: groups.slug }).from(groups).where(eq(groups.id, row.groupId)).get()
    : undefined
  return {
    titleEs: row.titleEs ?? '',
    titleEn: row.titleEn ?? '',
    descriptionEs: row.descriptionEs ?? '',
    descriptionEn: row.descriptionEn ?? '',
    originType: row.originType,
    decision: decision?.code ?? '',
    agendaItem: row.agendaItemId ?? '',
    group: group?.slug ?? '',
    planSection: row.planSectionId ?? '',
    owners: owners.filter((o) => o.role === 'owner').map((o) => o.code),
    supporting: owners.filter((o) => o.role === 'supporting').map((o) => o.code),
    focalPeople: owners.filter((o) => o.focalPersonId).map((o) => o.focalPersonId!),
    dueDate: row.dueDate,
    priority: row.priority,
    tags: row.tags.join(', '),
    revision: String(row.revision),
  }
}

/** Documents offered as evidence: the viewer's organization's newest and those of the action's meeting,
 * all from the library's own visibility-checked list. Any other visible document can be given by its
 * reference. */
export function evidenceOptions(viewer: Viewer, meetingId: string | null, lang: Lang) {
  const own = listDocuments(
    viewer,
    { organization: viewer.organizationCode, sort: 'recent' },
    { lang, limit: 30 },
  )
  const ofMeeting = meetingId
    ? listDocuments(viewer, { meeting: meetingId, sort: 'recent' }, { lang, limit: 30 }).items
    : []
  const seen = new Set<string>()
  return [...own.items, ...ofMeeting]
    .filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)))
    .map((d) => ({ id: d.id, reference: d.reference, title: localized(lang, d.titleEs, d.titleEn) }))
}
