/**
 * Consultation rounds of a plan (the comment matrix). The chair opens a round on the whole plan or some
 * sections, for chosen organizations, with a deadline; the consulted organizations' people write draft
 * comments on the round's sections (a passage quoted from the section's current text, optionally), which
 * only their own organization sees; the organization's focal point submits them as its position, and
 * from then on the plan's group reads them; the chair or the section's lead drafter answers each with a
 * response and the action taken. A round is closed from its deadline on, or when the chair closes it
 * early. Every function takes `now` so that tests can move the clock. Rules: can.ts, block "plan rounds".
 */
import { and, eq, inArray, max } from 'drizzle-orm'
import type { Tx } from '@db/client'
import {
  organizations,
  planRoundComments,
  planRoundOrganizations,
  planRoundSections,
  planRounds,
  planSections,
} from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can, type PlanSectionRef } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { conflict, DomainError, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { zonedToUtc } from '~/modules/meetings/time'
import { EDITABLE_STAGES, type SectionLang } from './constants'
import { currentTexts, planRef, sectionRef, sectionsOf } from './loading.server'
import type { CommentInput, EditCommentInput, OpenRoundInput, RespondInput } from './round-forms.server'
import {
  ID,
  loadRounds,
  MAX_ROUND_MS,
  orgOfRound,
  orgRoundRef,
  planRow,
  visibleRoundOrThrow,
  writableOrganizations,
  type LoadedRound,
  type RoundOrganization,
} from './round-loading.server'
import { zoneOfOrganization } from './round-time'

export { roundIsOpen } from './round-loading.server'
export { commentMatrix, listRounds, roundPage, type CommentMatrix } from './round-pages.server'

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
    notify(tx, {
      kind: 'round_opened',
      recordType: 'plan',
      recordId: plan.id,
      actorId: viewer.id,
      params: {
        organizationIds: found.map((o) => o.id).join(','),
        roundNumber: number,
        path: `/plans/${plan.id}/rounds/${number}`,
      },
    })
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
