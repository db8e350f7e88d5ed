/**
 * Comment threads on a section or on a quoted passage of it, with replies, that drafters, the chair
 * or the thread's author resolve; and suggested replacement wording that the section's lead drafter or
 * the chair accepts (a new revision credited to the suggester) or rejects with a reason.
 */
import type { OrgLabel } from '~/modules/members/org-labels'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db, type Tx } from '@db/client'
import { organizations, people, planComments, planSuggestions } from '@db/schema'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, conflict, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { SECTION_LANGS, type SectionLang, type SuggestionStatus } from './constants'
import {
  sectionOrThrow,
  sectionRef,
  visiblePlan,
  visiblePlanOrThrow,
  writingOrganization,
} from './loading.server'
import { threeWayMerge } from './merge.server'
import { appendRevision, checkText, latestRevision, normalizeText, revisionText } from './writing.server'

const MAX_COMMENT = 10_000
const ID = /^[A-Za-z0-9_-]{1,64}$/

export interface CommentInput {
  sectionId: string
  body: string
  quote?: string | null
  lang?: SectionLang
  /** a reply to this thread */
  parentId?: string | null
}

export function addComment(viewer: Viewer, planId: string, input: CommentInput, outer?: Tx): string {
  const run = (tx: Tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const section = sectionOrThrow(tx, plan.id, input.sectionId)
    assertAllowed(viewer, 'plan.comment', ref)
    const body = normalizeText(input.body).trim()
    if (!body) throw invalid('plans.error.commentEmpty', 'body')
    if (body.length > MAX_COMMENT) throw invalid('plans.error.tooLong', 'body', { max: MAX_COMMENT })
    const lang = input.lang ?? plan.originalLanguage
    if (!SECTION_LANGS.includes(lang)) throw invalid('plans.error.lang', 'lang')
    let parentId: string | null = null
    let repliedTo: string | null = null
    if (input.parentId) {
      const parent = ID.test(input.parentId)
        ? tx
            .select()
            .from(planComments)
            .where(and(eq(planComments.id, input.parentId), eq(planComments.sectionId, section.id)))
            .get()
        : undefined
      if (!parent) throw invalid('plans.error.noThread', 'parentId')
      // replies go to the thread, not to another reply
      parentId = parent.parentId ?? parent.id
      repliedTo = parent.authorId
    }
    const row = tx
      .insert(planComments)
      .values({
        planId: plan.id,
        sectionId: section.id,
        parentId,
        quote: parentId ? null : input.quote?.trim() || null,
        lang,
        revisionNumber: latestRevision(tx, section.id, lang).number || null,
        body,
        authorId: viewer.id,
        organizationId: writingOrganization(viewer),
      })
      .returning({ id: planComments.id })
      .get()
    const path = `/plans/${plan.id}/sections/${section.id}`
    if (section.leadDrafterId)
      notify(tx, {
        kind: 'section_comment',
        recordType: 'plan',
        recordId: plan.id,
        actorId: viewer.id,
        params: { personId: section.leadDrafterId, sectionId: section.id, path },
      })
    if (repliedTo && repliedTo !== section.leadDrafterId)
      notify(tx, {
        kind: 'comment_reply',
        recordType: 'plan',
        recordId: plan.id,
        actorId: viewer.id,
        params: { personId: repliedTo, sectionId: section.id, path },
      })
    audit(
      {
        actor: viewer,
        action: 'plan.comment',
        targetType: 'plan_comment',
        targetId: row.id,
        details: { planId: plan.id, sectionId: section.id },
      },
      tx,
    )
    return row.id
  }
  return outer ? run(outer) : writeTx(run)
}

export function resolveComment(viewer: Viewer, planId: string, commentId: string) {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const thread = ID.test(commentId)
      ? tx
          .select()
          .from(planComments)
          .where(
            and(
              eq(planComments.id, commentId),
              eq(planComments.planId, plan.id),
              isNull(planComments.parentId),
            ),
          )
          .get()
      : undefined
    if (!thread) throw notFound()
    assertAllowed(viewer, 'plan.resolveComment', { ...ref, authorId: thread.authorId })
    if (thread.resolvedAt) throw conflict('plans.error.resolved')
    tx.update(planComments)
      .set({ resolvedAt: new Date(), resolvedById: viewer.id })
      .where(eq(planComments.id, thread.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.resolveComment',
        targetType: 'plan_comment',
        targetId: thread.id,
        details: { planId: plan.id },
      },
      tx,
    )
  })
}

export interface CommentView {
  id: string
  sectionId: string
  quote: string | null
  lang: SectionLang
  revision: number | null
  body: string
  /** organization: its code (the API's); org: what a page names it by (members/org-labels.ts) */
  author: { id: string; name: string; organization: string; org: OrgLabel }
  createdAt: Date
  resolvedAt: Date | null
  resolvedBy: string | null
  replies: Omit<CommentView, 'replies' | 'canResolve' | 'resolvedAt' | 'resolvedBy' | 'quote'>[]
  canResolve: boolean
}

/** The plan's comment threads with their replies, oldest first; null when the plan is hidden. */
export function listComments(
  viewer: Viewer | null,
  planId: string,
  options: { sectionId?: string } = {},
): CommentView[] | null {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  const resolver = alias(people, 'resolver')
  const rows = db
    .select({
      c: planComments,
      authorName: people.name,
      orgCode: organizations.code,
      org: { acronym: organizations.acronym, nameEs: organizations.nameEs, nameEn: organizations.nameEn },
      resolverName: resolver.name,
    })
    .from(planComments)
    .innerJoin(people, eq(people.id, planComments.authorId))
    .innerJoin(organizations, eq(organizations.id, planComments.organizationId))
    .leftJoin(resolver, eq(resolver.id, planComments.resolvedById))
    .where(
      and(
        eq(planComments.planId, plan.row.id),
        options.sectionId ? eq(planComments.sectionId, options.sectionId) : undefined,
      ),
    )
    .orderBy(asc(planComments.createdAt), asc(planComments.id))
    .all()
  const threads = new Map<string, CommentView>()
  const base = (r: (typeof rows)[number]) => ({
    id: r.c.id,
    sectionId: r.c.sectionId,
    lang: r.c.lang,
    revision: r.c.revisionNumber,
    body: r.c.body,
    author: { id: r.c.authorId, name: r.authorName, organization: r.orgCode, org: r.org },
    createdAt: r.c.createdAt,
  })
  for (const r of rows) {
    if (r.c.parentId) continue
    threads.set(r.c.id, {
      ...base(r),
      quote: r.c.quote,
      resolvedAt: r.c.resolvedAt,
      resolvedBy: r.resolverName,
      replies: [],
      canResolve:
        !r.c.resolvedAt && can(viewer, 'plan.resolveComment', { ...plan.ref, authorId: r.c.authorId }),
    })
  }
  for (const r of rows) if (r.c.parentId) threads.get(r.c.parentId)?.replies.push(base(r))
  return [...threads.values()]
}

export interface SuggestionInput {
  sectionId: string
  /** the passage to replace; none: the replacement is the whole text */
  quote?: string | null
  replacement: string
  note?: string
  lang?: SectionLang
  /** the revision the suggestion was written on */
  baseRevision: number
}

export function suggest(viewer: Viewer, planId: string, input: SuggestionInput, outer?: Tx): string {
  const run = (tx: Tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const section = sectionOrThrow(tx, plan.id, input.sectionId)
    assertAllowed(viewer, 'plan.suggest', sectionRef(ref, section))
    const lang = input.lang ?? plan.originalLanguage
    if (!SECTION_LANGS.includes(lang)) throw invalid('plans.error.lang', 'lang')
    const replacement = normalizeText(input.replacement)
    checkText(replacement)
    const current = latestRevision(tx, section.id, lang)
    const quote = input.quote?.length ? normalizeText(input.quote) : null
    if (quote !== null && !current.text.includes(quote)) throw invalid('plans.error.quoteNotFound', 'quote')
    if (quote === null && !replacement.trim()) throw invalid('plans.error.replacementEmpty', 'replacement')
    const row = tx
      .insert(planSuggestions)
      .values({
        planId: plan.id,
        sectionId: section.id,
        lang,
        baseNumber: Math.min(input.baseRevision, current.number) || current.number,
        quote,
        replacement,
        note: input.note?.trim() ?? '',
        authorId: viewer.id,
        organizationId: writingOrganization(viewer),
      })
      .returning({ id: planSuggestions.id })
      .get()
    audit(
      {
        actor: viewer,
        action: 'plan.suggest',
        targetType: 'plan_suggestion',
        targetId: row.id,
        details: { planId: plan.id, sectionId: section.id },
      },
      tx,
    )
    return row.id
  }
  return outer ? run(outer) : writeTx(run)
}

/** Accepts (a revision credited to the suggester) or rejects (with a reason) a pending suggestion. */
export function decideSuggestion(
  viewer: Viewer,
  planId: string,
  suggestionId: string,
  decision: { accept: true } | { accept: false; reason: string },
): { status: SuggestionStatus; revision: number | null } {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const s = ID.test(suggestionId)
      ? tx
          .select()
          .from(planSuggestions)
          .where(and(eq(planSuggestions.id, suggestionId), eq(planSuggestions.planId, plan.id)))
          .get()
      : undefined
    if (!s) throw notFound()
    const section = sectionOrThrow(tx, plan.id, s.sectionId)
    assertAllowed(viewer, 'suggestion.decide', sectionRef(ref, section))
    if (s.status !== 'pending') throw conflict('plans.error.decided')
    const now = new Date()
    if (!decision.accept) {
      const reason = decision.reason.trim()
      if (!reason) throw invalid('plans.error.reasonRequired', 'reason')
      tx.update(planSuggestions)
        .set({ status: 'rejected', reason, decidedById: viewer.id, decidedAt: now })
        .where(eq(planSuggestions.id, s.id))
        .run()
      audit(
        {
          actor: viewer,
          action: 'suggestion.decide',
          targetType: 'plan_suggestion',
          targetId: s.id,
          details: { planId: plan.id, accepted: false },
        },
        tx,
      )
      return { status: 'rejected', revision: null }
    }
    const current = latestRevision(tx, section.id, s.lang)
    let text: string
    if (s.quote !== null) {
      const at = current.text.indexOf(s.quote)
      if (at < 0)
        throw conflict('plans.error.suggestionOutdated', {
          current: { revision: current.number, text: current.text },
        })
      text = current.text.slice(0, at) + s.replacement + current.text.slice(at + s.quote.length)
    } else if (s.baseNumber === current.number) {
      text = s.replacement
    } else {
      // written on an older text: merged with the changes made since, when they do not overlap
      const baseText = revisionText(tx, section.id, s.lang, s.baseNumber)
      const outcome = baseText === null ? null : threeWayMerge(baseText, s.replacement, current.text)
      if (!outcome?.clean)
        throw conflict('plans.error.suggestionOutdated', {
          current: { revision: current.number, text: current.text },
        })
      text = outcome.text
    }
    const revision = appendRevision(tx, plan, section, {
      text,
      lang: s.lang,
      note: s.note,
      baseNumber: current.number || null,
      authorId: s.authorId,
      organizationId: s.organizationId,
      suggestionId: s.id,
    })
    tx.update(planSuggestions)
      .set({ status: 'accepted', decidedById: viewer.id, decidedAt: now, revisionNumber: revision })
      .where(eq(planSuggestions.id, s.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'suggestion.decide',
        targetType: 'plan_suggestion',
        targetId: s.id,
        details: { planId: plan.id, accepted: true, revision },
      },
      tx,
    )
    return { status: 'accepted', revision }
  })
}

export interface SuggestionView {
  id: string
  sectionId: string
  lang: SectionLang
  baseRevision: number
  quote: string | null
  replacement: string
  note: string
  /** organization: its code (the API's); org: what a page names it by (members/org-labels.ts) */
  author: { id: string; name: string; organization: string; org: OrgLabel }
  status: SuggestionStatus
  reason: string | null
  decidedBy: string | null
  revision: number | null
  createdAt: Date
}

export function listSuggestions(viewer: Viewer | null, planId: string): SuggestionView[] | null {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  const decider = alias(people, 'decider')
  return db
    .select({
      s: planSuggestions,
      authorName: people.name,
      orgCode: organizations.code,
      org: { acronym: organizations.acronym, nameEs: organizations.nameEs, nameEn: organizations.nameEn },
      deciderName: decider.name,
    })
    .from(planSuggestions)
    .innerJoin(people, eq(people.id, planSuggestions.authorId))
    .innerJoin(organizations, eq(organizations.id, planSuggestions.organizationId))
    .leftJoin(decider, eq(decider.id, planSuggestions.decidedById))
    .where(eq(planSuggestions.planId, plan.row.id))
    .orderBy(asc(planSuggestions.createdAt))
    .all()
    .map((r) => ({
      id: r.s.id,
      sectionId: r.s.sectionId,
      lang: r.s.lang,
      baseRevision: r.s.baseNumber,
      quote: r.s.quote,
      replacement: r.s.replacement,
      note: r.s.note,
      author: { id: r.s.authorId, name: r.authorName, organization: r.orgCode, org: r.org },
      status: r.s.status,
      reason: r.s.reason,
      decidedBy: r.deciderName,
      revision: r.s.revisionNumber,
      createdAt: r.s.createdAt,
    }))
}
