/**
 * Consultation rounds of a plan (the comment matrix). The chair opens a round on the whole plan or some
 * sections, for chosen organizations, with a deadline; the consulted organizations' people write draft
 * comments on the round's sections (a passage quoted from the section's current text, optionally), which
 * only their own organization sees; the organization's focal point submits them as its position, and
 * from then on the plan's group reads them; the chair or the section's lead drafter answers each with a
 * response and the action taken. A round is closed from its deadline on, or when the chair closes it
 * early. Every function takes `now` so that tests can move the clock. Rules: can.ts, block "plan rounds".
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import {
  organizations,
  people,
  planRoundComments,
  planRoundOrganizations,
  planRoundSections,
  planRounds,
  planSections,
  plans,
} from '@db/schema'
import type { Lang } from '~/i18n/core'
import {
  can,
  type OrgRef,
  type PlanRoundOrgRef,
  type PlanRoundRef,
  type PlanSectionRef,
} from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { conflict, DomainError, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { zonedToUtc } from '~/modules/meetings/time'
import { EDITABLE_STAGES, type RoundOutcome, type SectionLang } from './constants'
import { currentTexts, localized, planRef, sectionRef, sectionsOf, type PlanRow } from './loading.server'
import type { CommentInput, EditCommentInput, OpenRoundInput, RespondInput } from './round-forms.server'
import { zoneOfOrganization } from './round-time'
import { numberSections } from './text'

type Reader = Tx | typeof db
const ID = /^[A-Za-z0-9_-]{1,64}$/
/** A round lasts at most a year. */
const MAX_ROUND_MS = 366 * 86_400_000

export type RoundRow = typeof planRounds.$inferSelect
export interface RoundOrganization {
  id: string
  code: string
  nameEs: string
  nameEn: string
  parentId: string | null
  sortOrder: number
  submittedAt: Date | null
  submittedById: string | null
}
export interface LoadedRound {
  plan: PlanRow
  row: RoundRow
  ref: PlanRoundRef
  /** the sections asked about (every section of the plan for a whole-plan round), ids */
  sectionIds: string[]
  organizations: RoundOrganization[]
}

/** Open: not closed early and before its deadline. */
export const roundIsOpen = (row: Pick<RoundRow, 'closedAt' | 'deadline'>, now: Date) =>
  row.closedAt === null && row.deadline.getTime() > now.getTime()

const orgRef = (o: Pick<RoundOrganization, 'id' | 'parentId'>): OrgRef => ({
  organizationId: o.id,
  parentOrganizationId: o.parentId,
})

function roundOrganizations(tx: Reader, roundIds: string[]): Map<string, RoundOrganization[]> {
  const out = new Map<string, RoundOrganization[]>()
  if (!roundIds.length) return out
  const rows = tx
    .select({
      roundId: planRoundOrganizations.roundId,
      id: organizations.id,
      code: organizations.code,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
      parentId: organizations.parentId,
      sortOrder: organizations.sortOrder,
      submittedAt: planRoundOrganizations.submittedAt,
      submittedById: planRoundOrganizations.submittedById,
    })
    .from(planRoundOrganizations)
    .innerJoin(organizations, eq(organizations.id, planRoundOrganizations.organizationId))
    .where(inArray(planRoundOrganizations.roundId, roundIds))
    .orderBy(asc(organizations.sortOrder), asc(organizations.code))
    .all()
  for (const { roundId, ...o } of rows) (out.get(roundId) ?? out.set(roundId, []).get(roundId)!).push(o)
  return out
}

function loadRounds(tx: Reader, plan: PlanRow, now: Date, number?: number): LoadedRound[] {
  const rows = tx
    .select()
    .from(planRounds)
    .where(
      number === undefined
        ? eq(planRounds.planId, plan.id)
        : and(eq(planRounds.planId, plan.id), eq(planRounds.number, number)),
    )
    .orderBy(asc(planRounds.number))
    .all()
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const orgs = roundOrganizations(tx, ids)
  const chosen = tx.select().from(planRoundSections).where(inArray(planRoundSections.roundId, ids)).all()
  const all = tx
    .select({ id: planSections.id, retired: planSections.retired })
    .from(planSections)
    .where(eq(planSections.planId, plan.id))
    .all()
  return rows.map((row) => {
    const list = orgs.get(row.id) ?? []
    return {
      plan,
      row,
      ref: { ...planRef(plan), open: roundIsOpen(row, now), consulted: list.map(orgRef) },
      sectionIds: row.wholePlan
        ? all.filter((s) => !s.retired).map((s) => s.id)
        : chosen.filter((c) => c.roundId === row.id).map((c) => c.sectionId),
      organizations: list,
    }
  })
}

const planRow = (tx: Reader, planId: string) =>
  ID.test(planId) ? tx.select().from(plans).where(eq(plans.id, planId)).get() : undefined

/** The round when the viewer may see it (its group, or a consulted organization's focal point). */
function visibleRound(viewer: Viewer | null, tx: Reader, planId: string, number: number, now: Date) {
  const plan = planRow(tx, planId)
  if (!plan || !Number.isInteger(number) || number < 1) return null
  const round = loadRounds(tx, plan, now, number)[0]
  return round && can(viewer, 'plan.roundView', round.ref) ? round : null
}
function visibleRoundOrThrow(viewer: Viewer, tx: Reader, planId: string, number: number, now: Date) {
  const round = visibleRound(viewer, tx, planId, number, now)
  if (!round) throw notFound()
  return round
}

const orgOfRound = (round: LoadedRound, organizationId: string) =>
  round.organizations.find((o) => o.id === organizationId)

function orgRoundRef(round: LoadedRound, o: RoundOrganization): PlanRoundOrgRef {
  return { ...round.ref, ...orgRef(o), submitted: o.submittedAt !== null }
}

/** The consulted organizations the viewer may write for in the round. */
function writableOrganizations(viewer: Viewer, round: LoadedRound) {
  return round.organizations.filter((o) => can(viewer, 'plan.roundComment', orgRoundRef(round, o)))
}

/** Why a write in the round is refused, in the person's words. */
function roundRefusalKey(round: LoadedRound, o: RoundOrganization | undefined) {
  if (!EDITABLE_STAGES.includes(round.plan.stage)) return 'plans.error.locked'
  if (!round.ref.open) return 'planRounds.error.closed'
  if (!o) return 'planRounds.error.notConsulted'
  if (o.submittedAt) return 'planRounds.error.alreadySubmitted'
  return 'planRounds.error.notYourOrganization'
}

/** 403 with the message at the form's field (where the person looks), audited once. */
function refusedAt(
  viewer: Viewer,
  action: string,
  details: Record<string, unknown>,
  messageKey: string,
  field: string,
) {
  return new DomainError(403, messageKey, {
    field,
    refusal: { actor: viewer, action, outcome: 'refused', details },
  })
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim()

/** The section's current text in the language where the quoted passage is (the reader's first). */
function quotedLanguage(
  texts: Partial<Record<SectionLang, { text: string; number: number }>>,
  quote: string,
  lang: Lang,
): { lang: SectionLang; revision: number } | null {
  const wanted = normalize(quote)
  const order: SectionLang[] = lang === 'es' ? ['es', 'en'] : ['en', 'es']
  for (const l of order) {
    const t = texts[l]
    if (t && normalize(t.text).includes(wanted)) return { lang: l, revision: t.number }
  }
  return null
}

function parseDeadline(viewer: Viewer, local: string, now: Date): Date {
  const deadline = zonedToUtc(local, zoneOfOrganization(viewer.organizationCode))
  if (!deadline) throw invalid('planRounds.error.deadlineFormat', 'deadline')
  if (deadline.getTime() <= now.getTime()) throw invalid('planRounds.error.deadlinePast', 'deadline')
  if (deadline.getTime() - now.getTime() > MAX_ROUND_MS)
    throw invalid('planRounds.error.deadlineFar', 'deadline')
  return deadline
}

/** Opens the plan's next round. Returns its number. */
export function openRound(viewer: Viewer, planId: string, input: OpenRoundInput, now = new Date()) {
  return writeTx((tx) => {
    const plan = planRow(tx, planId)
    if (!plan || !can(viewer, 'plan.view', planRef(plan))) throw notFound()
    if (!can(viewer, 'plan.roundOpen', planRef(plan)))
      throw refusedAt(
        viewer,
        'plan.roundOpen',
        { planId },
        EDITABLE_STAGES.includes(plan.stage) ? 'planRounds.error.notChair' : 'plans.error.locked',
        'deadline',
      )
    const deadline = parseDeadline(viewer, input.deadline, now)
    const wholePlan = input.scope === 'whole'
    const live = sectionsOf(tx, plan.id).filter((s) => !s.retired)
    const sectionIds = wholePlan ? [] : [...new Set(input.sections)]
    if (sectionIds.some((id) => !live.some((s) => s.id === id)))
      throw invalid('planRounds.error.unknownSection', 'sections')
    if (!wholePlan && !sectionIds.length) throw invalid('planRounds.error.noSections', 'sections')
    const codes = [...new Set(input.organizations)]
    const found = codes.length
      ? tx
          .select({ id: organizations.id, code: organizations.code, kind: organizations.kind })
          .from(organizations)
          .where(inArray(organizations.code, codes))
          .all()
          .filter((o) => o.kind !== 'secretariat')
      : []
    if (!codes.length) throw invalid('planRounds.error.noOrganizations', 'organizations')
    if (found.length !== codes.length) throw invalid('planRounds.error.unknownOrganization', 'organizations')
    const last = tx
      .select({ n: max(planRounds.number) })
      .from(planRounds)
      .where(eq(planRounds.planId, plan.id))
      .get()
    const number = (last?.n ?? 0) + 1
    const round = tx
      .insert(planRounds)
      .values({
        planId: plan.id,
        number,
        note: input.note ?? '',
        wholePlan,
        deadline,
        openedById: viewer.id,
        openedAt: now,
      })
      .returning({ id: planRounds.id })
      .get()
    for (const sectionId of sectionIds)
      tx.insert(planRoundSections).values({ roundId: round.id, sectionId }).run()
    for (const o of found)
      tx.insert(planRoundOrganizations).values({ roundId: round.id, organizationId: o.id }).run()
    audit(
      {
        actor: viewer,
        action: 'plan.roundOpen',
        targetType: 'plan_round',
        targetId: round.id,
        details: { planId: plan.id, number, deadline: deadline.toISOString(), wholePlan, sectionIds, codes },
      },
      tx,
    )
    return { number }
  })
}

/** Closes an open round before its deadline. */
export function closeRound(viewer: Viewer, planId: string, number: number, now = new Date()) {
  return writeTx((tx) => {
    const round = visibleRoundOrThrow(viewer, tx, planId, number, now)
    if (!can(viewer, 'plan.roundClose', round.ref))
      throw refusedAt(
        viewer,
        'plan.roundClose',
        { planId, number },
        round.ref.open ? 'planRounds.error.notChair' : 'planRounds.error.closed',
        'round',
      )
    tx.update(planRounds)
      .set({ closedAt: now, closedById: viewer.id })
      .where(eq(planRounds.id, round.row.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.roundClose',
        targetType: 'plan_round',
        targetId: round.row.id,
        details: { planId, number },
      },
      tx,
    )
  })
}

/** The quoted passage (must be in the section's current text) and the revision read. */
function checkedQuote(tx: Tx, planId: string, sectionId: string, quote: string | undefined, lang: Lang) {
  const texts = currentTexts(tx, planId, [sectionId]).get(sectionId) ?? {}
  if (!quote) {
    const l: SectionLang = texts[lang] ? lang : lang === 'es' ? 'en' : 'es'
    return { quote: null, lang: texts[l] ? l : (lang as SectionLang), revision: texts[l]?.number ?? null }
  }
  const found = quotedLanguage(texts, quote, lang)
  if (!found) throw invalid('planRounds.error.quoteNotInText', 'quote')
  return { quote, ...found }
}

/** A draft comment of a consulted organization on a section of the round. */
export function addRoundComment(
  viewer: Viewer,
  planId: string,
  number: number,
  input: CommentInput,
  lang: Lang,
  now = new Date(),
) {
  return writeTx((tx) => {
    const round = visibleRoundOrThrow(viewer, tx, planId, number, now)
    const mine = writableOrganizations(viewer, round)
    const wanted = input.organization
      ? round.organizations.find((o) => o.code === input.organization)
      : (mine.find((o) => o.id === (viewer.institutionId ?? viewer.organizationId)) ?? mine[0])
    const target =
      wanted ?? round.organizations.find((o) => o.id === (viewer.institutionId ?? viewer.organizationId))
    if (!target || !can(viewer, 'plan.roundComment', orgRoundRef(round, target)))
      throw refusedAt(
        viewer,
        'plan.roundComment',
        { planId, number, organization: input.organization ?? null },
        roundRefusalKey(round, target),
        'body',
      )
    if (!round.sectionIds.includes(input.section))
      throw invalid('planRounds.error.sectionNotInRound', 'section')
    const q = checkedQuote(tx, planId, input.section, input.quote, lang)
    const row = tx
      .insert(planRoundComments)
      .values({
        roundId: round.row.id,
        planId,
        sectionId: input.section,
        organizationId: target.id,
        authorId: viewer.id,
        quote: q.quote,
        body: input.body,
        lang: q.lang,
        revisionNumber: q.revision,
        createdAt: now,
      })
      .returning({ id: planRoundComments.id })
      .get()
    audit(
      {
        actor: viewer,
        action: 'plan.roundComment',
        targetType: 'plan_round_comment',
        targetId: row.id,
        details: { planId, number, sectionId: input.section, organization: target.code },
      },
      tx,
    )
    return row
  })
}

/** A comment of the round and its organization, for its author's changes; a comment the viewer may not
 * read is missing. */
function ownDraft(
  viewer: Viewer,
  tx: Tx,
  round: LoadedRound,
  commentId: string,
  action: 'plan.roundEditComment',
) {
  const c = ID.test(commentId)
    ? tx
        .select()
        .from(planRoundComments)
        .where(and(eq(planRoundComments.id, commentId), eq(planRoundComments.roundId, round.row.id)))
        .get()
    : undefined
  const o = c && orgOfRound(round, c.organizationId)
  if (!c || !o || !can(viewer, 'plan.roundReadComments', orgRoundRef(round, o))) throw notFound()
  if (!can(viewer, action, { ...orgRoundRef(round, o), authorId: c.authorId }))
    throw refusedAt(
      viewer,
      action,
      { planId: round.plan.id, commentId },
      c.authorId !== viewer.id && round.ref.open && !o.submittedAt
        ? 'planRounds.error.notYourComment'
        : roundRefusalKey(round, o),
      'body',
    )
  return c
}

export function editRoundComment(
  viewer: Viewer,
  planId: string,
  number: number,
  input: EditCommentInput,
  lang: Lang,
  now = new Date(),
) {
  return writeTx((tx) => {
    const round = visibleRoundOrThrow(viewer, tx, planId, number, now)
    const c = ownDraft(viewer, tx, round, input.comment, 'plan.roundEditComment')
    const q = checkedQuote(tx, planId, c.sectionId, input.quote, lang)
    tx.update(planRoundComments)
      .set({ quote: q.quote, body: input.body, lang: q.lang, revisionNumber: q.revision })
      .where(eq(planRoundComments.id, c.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.roundEditComment',
        targetType: 'plan_round_comment',
        targetId: c.id,
        details: { planId, number },
      },
      tx,
    )
  })
}

/** Withdraws one's own draft (it never was the organization's position: the row goes). */
export function withdrawRoundComment(
  viewer: Viewer,
  planId: string,
  number: number,
  commentId: string,
  now = new Date(),
) {
  return writeTx((tx) => {
    const round = visibleRoundOrThrow(viewer, tx, planId, number, now)
    const c = ownDraft(viewer, tx, round, commentId, 'plan.roundEditComment')
    tx.delete(planRoundComments).where(eq(planRoundComments.id, c.id)).run()
    audit(
      {
        actor: viewer,
        action: 'plan.roundEditComment',
        targetType: 'plan_round_comment',
        targetId: c.id,
        details: { planId, number, withdrawn: true, body: c.body.slice(0, 200) },
      },
      tx,
    )
  })
}

/** The focal point submits the organization's comments as its position (once; at least one comment). */
export function submitPosition(
  viewer: Viewer,
  planId: string,
  number: number,
  code: string,
  now = new Date(),
) {
  return writeTx((tx) => {
    const round = visibleRoundOrThrow(viewer, tx, planId, number, now)
    const o = round.organizations.find((x) => x.code === code)
    if (!o || !can(viewer, 'plan.roundSubmit', orgRoundRef(round, o)))
      throw refusedAt(
        viewer,
        'plan.roundSubmit',
        { planId, number, organization: code },
        o && !o.submittedAt && round.ref.open && EDITABLE_STAGES.includes(round.plan.stage)
          ? 'planRounds.error.notFocalPoint'
          : roundRefusalKey(round, o),
        'organization',
      )
    const comments = tx
      .select({ id: planRoundComments.id })
      .from(planRoundComments)
      .where(and(eq(planRoundComments.roundId, round.row.id), eq(planRoundComments.organizationId, o.id)))
      .all()
    if (!comments.length) throw conflict('planRounds.error.nothingToSubmit')
    tx.update(planRoundOrganizations)
      .set({ submittedAt: now, submittedById: viewer.id })
      .where(
        and(
          eq(planRoundOrganizations.roundId, round.row.id),
          eq(planRoundOrganizations.organizationId, o.id),
        ),
      )
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.roundSubmit',
        targetType: 'plan_round',
        targetId: round.row.id,
        details: { planId, number, organization: o.code, comments: comments.length },
      },
      tx,
    )
  })
}

/** The chair or the section's lead drafter answers a submitted comment (again to change the answer). */
export function respondToComment(viewer: Viewer, planId: string, input: RespondInput, now = new Date()) {
  return writeTx((tx) => {
    const plan = planRow(tx, planId)
    if (!plan || !can(viewer, 'plan.view', planRef(plan))) throw notFound()
    const c = ID.test(input.comment)
      ? tx
          .select()
          .from(planRoundComments)
          .where(and(eq(planRoundComments.id, input.comment), eq(planRoundComments.planId, plan.id)))
          .get()
      : undefined
    if (!c) throw notFound()
    const round = loadRounds(tx, plan, now).find((r) => r.row.id === c.roundId)
    const o = round && orgOfRound(round, c.organizationId)
    if (!round || !o || !can(viewer, 'plan.roundReadComments', orgRoundRef(round, o))) throw notFound()
    const section = tx.select().from(planSections).where(eq(planSections.id, c.sectionId)).get()!
    const ref: PlanSectionRef & { submitted: boolean } = {
      ...sectionRef(planRef(plan), section),
      submitted: o.submittedAt !== null,
    }
    if (!can(viewer, 'plan.roundRespond', ref))
      throw refusedAt(
        viewer,
        'plan.roundRespond',
        { planId, commentId: c.id },
        EDITABLE_STAGES.includes(plan.stage)
          ? o.submittedAt
            ? 'planRounds.error.notDrafter'
            : 'planRounds.error.notSubmitted'
          : 'plans.error.locked',
        'response',
      )
    tx.update(planRoundComments)
      .set({ response: input.response, outcome: input.outcome, respondedById: viewer.id, respondedAt: now })
      .where(eq(planRoundComments.id, c.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.roundRespond',
        targetType: 'plan_round_comment',
        targetId: c.id,
        details: { planId, outcome: input.outcome },
      },
      tx,
    )
  })
}

// ---- reading ----

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
