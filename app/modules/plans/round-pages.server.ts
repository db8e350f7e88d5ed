/**
 * What the rounds' pages and the comment matrix show: the rounds a viewer may see with their
 * organizations' status (submitted, pending, late), a round's sections and the comments the viewer may
 * read (drafts: their own organization's), and the matrix of submitted comments with its filters.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import { db } from '@db/client'
import { organizations, people, planRoundComments, type planSections } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { EDITABLE_STAGES, type RoundOutcome, type SectionLang } from './constants'
import { currentTexts, localized, planRef, sectionRef, sectionsOf, type PlanRow } from './loading.server'
import {
  loadRounds,
  orgOfRound,
  orgRoundRef,
  planRow,
  visibleRound,
  writableOrganizations,
  type LoadedRound,
  type Reader,
  type RoundOrganization,
} from './round-loading.server'
import { zoneOfOrganization } from './round-time'
import { numberSections } from './text'

export interface RoundComment {
  id: string
  roundNumber: number
  sectionId: string
  sectionNumber: string
  sectionTitle: string
  organizationCode: string
  organization: string
  author: string
  quote: string | null
  body: string
  createdAt: Date
  submitted: boolean
  response: string | null
  outcome: RoundOutcome | null
  respondedBy: string | null
  respondedAt: Date | null
  canEdit: boolean
  canRespond: boolean
}

function numbered(tx: Reader, planId: string, lang: Lang) {
  const out = new Map<
    string,
    { number: string; title: string; leadDrafterId: string | null; row: typeof planSections.$inferSelect }
  >()
  for (const { section, number } of numberSections(sectionsOf(tx, planId)))
    out.set(section.id, {
      number: number ?? '',
      title: localized(lang, section.titleEs, section.titleEn),
      leadDrafterId: section.leadDrafterId,
      row: section,
    })
  return out
}

/** The comments of the given rounds the viewer may read, in section order then date. */
function readableComments(viewer: Viewer, tx: Reader, rounds: LoadedRound[], lang: Lang): RoundComment[] {
  if (!rounds.length) return []
  const plan = rounds[0].plan
  const sections = numbered(tx, plan.id, lang)
  const rows = tx
    .select({
      c: planRoundComments,
      author: people.name,
    })
    .from(planRoundComments)
    .innerJoin(people, eq(people.id, planRoundComments.authorId))
    .where(
      inArray(
        planRoundComments.roundId,
        rounds.map((r) => r.row.id),
      ),
    )
    .orderBy(asc(planRoundComments.createdAt), asc(planRoundComments.id))
    .all()
  const responders = new Map(
    tx
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(
        inArray(people.id, [
          ...new Set(rows.map((r) => r.c.respondedById).filter((x): x is string => !!x)),
          '',
        ]),
      )
      .all()
      .map((p) => [p.id, p.name]),
  )
  const out: RoundComment[] = []
  for (const { c, author } of rows) {
    const round = rounds.find((r) => r.row.id === c.roundId)!
    const o = orgOfRound(round, c.organizationId)
    const s = sections.get(c.sectionId)
    if (!o || !s) continue
    const oref = orgRoundRef(round, o)
    if (!can(viewer, 'plan.roundReadComments', oref)) continue
    out.push({
      id: c.id,
      roundNumber: round.row.number,
      sectionId: c.sectionId,
      sectionNumber: s.number,
      sectionTitle: s.title,
      organizationCode: o.code,
      organization: localized(lang, o.nameEs, o.nameEn),
      author,
      quote: c.quote,
      body: c.body,
      createdAt: c.createdAt,
      submitted: o.submittedAt !== null,
      response: c.response,
      outcome: c.outcome,
      respondedBy: c.respondedById ? (responders.get(c.respondedById) ?? null) : null,
      respondedAt: c.respondedAt,
      canEdit: can(viewer, 'plan.roundEditComment', { ...oref, authorId: c.authorId }),
      canRespond: can(viewer, 'plan.roundRespond', {
        ...sectionRef(planRef(plan), s.row),
        submitted: o.submittedAt !== null,
      }),
    })
  }
  const order = [...sections.keys()]
  return out.sort(
    (a, b) =>
      a.roundNumber - b.roundNumber ||
      order.indexOf(a.sectionId) - order.indexOf(b.sectionId) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  )
}

export type OrganizationStatus = 'submitted' | 'pending' | 'late'
const statusOf = (round: LoadedRound, o: RoundOrganization): OrganizationStatus =>
  o.submittedAt ? 'submitted' : round.ref.open ? 'pending' : 'late'

function summary(viewer: Viewer, round: LoadedRound, lang: Lang) {
  return {
    number: round.row.number,
    note: round.row.note,
    wholePlan: round.row.wholePlan,
    deadline: round.row.deadline,
    openedAt: round.row.openedAt,
    closedAt: round.row.closedAt,
    open: round.ref.open,
    sectionCount: round.sectionIds.length,
    organizations: round.organizations.map((o) => ({
      code: o.code,
      name: localized(lang, o.nameEs, o.nameEn),
      status: statusOf(round, o),
      submittedAt: o.submittedAt,
    })),
  }
}

const planHead = (plan: PlanRow, lang: Lang) => ({
  id: plan.id,
  title: localized(lang, plan.titleEs, plan.titleEn),
  locked: !EDITABLE_STAGES.includes(plan.stage),
})

/** The rounds page: the rounds the viewer may see; null when they see neither the plan nor a round. */
export function listRounds(viewer: Viewer, planId: string, lang: Lang, now = new Date()) {
  const plan = planRow(db, planId)
  if (!plan) return null
  const inGroup = can(viewer, 'plan.view', planRef(plan))
  const rounds = loadRounds(db, plan, now).filter((r) => can(viewer, 'plan.roundView', r.ref))
  if (!inGroup && !rounds.length) return null
  const live = numberSections(sectionsOf(db, plan.id).filter((s) => !s.retired))
  return {
    plan: { ...planHead(plan, lang), inGroup },
    rounds: rounds.map((r) => summary(viewer, r, lang)).reverse(),
    zone: zoneOfOrganization(viewer.organizationCode),
    canOpen: can(viewer, 'plan.roundOpen', planRef(plan)),
    sections: live.map(({ section, number }) => ({
      id: section.id,
      label: `${number ?? ''} ${localized(lang, section.titleEs, section.titleEn)}`.trim(),
    })),
    organizations: inGroup
      ? db
          .select({
            code: organizations.code,
            nameEs: organizations.nameEs,
            nameEn: organizations.nameEn,
            kind: organizations.kind,
          })
          .from(organizations)
          .orderBy(asc(organizations.sortOrder), asc(organizations.code))
          .all()
          .filter((o) => o.kind !== 'secretariat')
          .map((o) => ({ code: o.code, name: localized(lang, o.nameEs, o.nameEn) }))
          .sort((a, b) => a.name.localeCompare(b.name, lang))
      : [],
  }
}

/** One round's page; null when hidden or missing. */
export function roundPage(viewer: Viewer, planId: string, number: number, lang: Lang, now = new Date()) {
  const round = visibleRound(viewer, db, planId, number, now)
  if (!round) return null
  const sections = numbered(db, planId, lang)
  const texts = currentTexts(db, planId, round.sectionIds)
  const comments = readableComments(viewer, db, [round], lang)
  const writable = writableOrganizations(viewer, round)
  return {
    plan: { ...planHead(round.plan, lang), inGroup: can(viewer, 'plan.view', planRef(round.plan)) },
    round: summary(viewer, round, lang),
    zone: zoneOfOrganization(viewer.organizationCode),
    sections: [...sections.entries()]
      .filter(([id]) => round.sectionIds.includes(id))
      .map(([id, s]) => {
        const t = texts.get(id) ?? {}
        const current = t[lang as SectionLang] ?? t[lang === 'es' ? 'en' : 'es']
        return {
          id,
          number: s.number,
          title: s.title,
          text: current?.text ?? '',
          comments: comments.filter((c) => c.sectionId === id),
        }
      }),
    writeFor: writable.map((o) => ({ code: o.code, name: localized(lang, o.nameEs, o.nameEn) })),
    submitFor: round.organizations
      .filter((o) => can(viewer, 'plan.roundSubmit', orgRoundRef(round, o)))
      .map((o) => ({
        code: o.code,
        name: localized(lang, o.nameEs, o.nameEn),
        comments: comments.filter((c) => c.organizationCode === o.code).length,
      })),
    canClose: can(viewer, 'plan.roundClose', round.ref),
  }
}

/** The comment matrix of a plan: the submitted comments (and one's own organization's drafts are on the
 * round's page); null when the plan is hidden or missing. */
export function commentMatrix(
  viewer: Viewer,
  planId: string,
  lang: Lang,
  filters: { round?: number; organization?: string; outcome?: RoundOutcome | 'unanswered' } = {},
  now = new Date(),
) {
  const plan = planRow(db, planId)
  if (!plan || !can(viewer, 'plan.view', planRef(plan))) return null
  const rounds = loadRounds(db, plan, now)
  const chosen = filters.round ? rounds.filter((r) => r.row.number === filters.round) : rounds
  const rows = readableComments(viewer, db, chosen, lang).filter(
    (c) =>
      c.submitted &&
      (!filters.organization || c.organizationCode === filters.organization) &&
      (!filters.outcome ||
        (filters.outcome === 'unanswered' ? c.outcome === null : c.outcome === filters.outcome)),
  )
  const orgs = new Map<string, string>()
  for (const r of rounds)
    for (const o of r.organizations) orgs.set(o.code, localized(lang, o.nameEs, o.nameEn))
  return {
    plan: planHead(plan, lang),
    rounds: rounds.map((r) => r.row.number),
    organizations: [...orgs.entries()]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),
    rows,
  }
}
export type CommentMatrix = NonNullable<ReturnType<typeof commentMatrix>>
