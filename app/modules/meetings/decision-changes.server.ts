/**
 * What happens to a decision after it is recorded: a corrigendum corrects its text (the secretariat; the
 * text it replaces is kept in decision_corrigenda, append-only, and its code never changes), a withdrawal
 * takes it out of force with a reason (it stays in the register as withdrawn, so that its number, and so
 * its code, is never given again: docs/decisions/0011). Also the check that a decision about to be
 * recorded is not nearly the same as one the meeting already has (asked to confirm, never silently
 * refused).
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db, type Tx } from '@db/client'
import { decisionCorrigenda, decisions, people } from '@db/schema'
import type { Lang } from '~/i18n/core'
import type { DecisionRef } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { can, type Action } from '~/modules/access/can'
import { conflict, DomainError, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { localized, visibleMeetingOrThrow } from './meetings.server'
import type { CorrigendumInput, DecisionInput, WithdrawDecisionInput } from './schemas'
import { nearlySame } from './similar-text'
import type { CorrigendumView } from './views'

export type { CorrigendumView }

const person = alias(people, 'corrigendum_person')

/** The corrigenda of these decisions, in order, by decision. */
export function corrigendaOf(ids: string[], lang: Lang, tx: Tx | typeof db = db) {
  const out = new Map<string, CorrigendumView[]>()
  if (!ids.length) return out
  const rows = tx
    .select({
      decisionId: decisionCorrigenda.decisionId,
      number: decisionCorrigenda.number,
      reason: decisionCorrigenda.reason,
      previousTextEs: decisionCorrigenda.previousTextEs,
      previousTextEn: decisionCorrigenda.previousTextEn,
      textEs: decisionCorrigenda.textEs,
      textEn: decisionCorrigenda.textEn,
      by: person.name,
      createdAt: decisionCorrigenda.createdAt,
    })
    .from(decisionCorrigenda)
    .innerJoin(person, eq(person.id, decisionCorrigenda.personId))
    .where(inArray(decisionCorrigenda.decisionId, ids))
    .orderBy(asc(decisionCorrigenda.decisionId), asc(decisionCorrigenda.number))
    .all()
  for (const r of rows) {
    const list = out.get(r.decisionId) ?? []
    list.push({
      number: r.number,
      reason: r.reason,
      previousText: localized(lang, r.previousTextEs, r.previousTextEn),
      text: localized(lang, r.textEs, r.textEn),
      by: r.by,
      createdAt: r.createdAt,
    })
    out.set(r.decisionId, list)
  }
  return out
}

/** A decision of the meeting whose text (in either language) is nearly the same as the new one's. */
export function nearDuplicateOf(tx: Tx, meetingId: string, input: DecisionInput): string | null {
  const existing = tx
    .select({ code: decisions.code, textEs: decisions.textEs, textEn: decisions.textEn })
    .from(decisions)
    .where(and(eq(decisions.meetingId, meetingId), eq(decisions.status, 'in_force')))
    .all()
  const texts = [input.textEs, input.textEn].filter((t): t is string => !!t)
  const hit = existing.find((d) =>
    texts.some((t) => [d.textEs, d.textEn].some((other) => !!other && nearlySame(t, other))),
  )
  return hit?.code ?? null
}

/** 403 with its own message (in the person's language on the page), audited by writeTx. */
function assertSecretariatAct(
  viewer: Viewer,
  action: Action & `decision.${string}`,
  ref: DecisionRef,
  id: string,
) {
  if (can(viewer, action as 'decision.correct', ref)) return
  throw new DomainError(403, 'decisionsOwners.error.secretariatOnly', {
    refusal: { actor: viewer, action, outcome: 'refused', targetType: 'decision', targetId: id },
  })
}

/** A withdrawn decision is final: whoever could correct or withdraw it while in force is told so
 * (409); anyone else is refused as for any decision (403). */
function wouldActOnInForce(viewer: Viewer, ref: DecisionRef): boolean {
  return can(viewer, 'decision.withdraw', { ...ref, decisionStatus: 'in_force' })
}

function loadDecision(viewer: Viewer, meetingId: string, decisionId: string, tx: Tx) {
  const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
  const decision = tx
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.meetingId, meeting.id)))
    .get()
  if (!decision) throw notFound()
  const decisionRef: DecisionRef = { ...ref, decisionStatus: decision.status }
  return { meeting, decision, decisionRef }
}

/** The secretariat corrects a decision's text: the text it replaces is kept, the code stays. */
export function correctDecision(
  viewer: Viewer,
  meetingId: string,
  input: CorrigendumInput,
  now = new Date(),
) {
  return writeTx((tx) => {
    const { decision, decisionRef } = loadDecision(viewer, meetingId, input.decisionId, tx)
    if (decision.status === 'withdrawn' && wouldActOnInForce(viewer, decisionRef)) {
      throw conflict('decisionsOwners.error.withdrawnFinal')
    }
    assertSecretariatAct(viewer, 'decision.correct', decisionRef, decision.id)
    if (input.revision !== decision.revision) {
      throw conflict('decisionsOwners.error.staleDecision', {
        current: { text: decision.textEs ?? decision.textEn },
      })
    }
    const textEs = input.textEs || null
    const textEn = input.textEn || null
    if (textEs === decision.textEs && textEn === decision.textEn) {
      throw conflict('decisionsOwners.error.sameText', { field: 'textEs' })
    }
    const number = decision.revision
    tx.insert(decisionCorrigenda)
      .values({
        decisionId: decision.id,
        number,
        previousTextEs: decision.textEs,
        previousTextEn: decision.textEn,
        textEs,
        textEn,
        reason: input.reason,
        personId: viewer.id,
        createdAt: now,
      })
      .run()
    tx.update(decisions)
      .set({ textEs, textEn, revision: decision.revision + 1 })
      .where(eq(decisions.id, decision.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'decision.correct',
        targetType: 'decision',
        targetId: decision.id,
        details: { code: decision.code, corrigendum: number },
      },
      tx,
    )
    return { id: decision.id, code: decision.code, corrigendum: number }
  })
}

/** The secretariat withdraws a decision with its reason; it stays in the register, its code taken. */
export function withdrawDecision(
  viewer: Viewer,
  meetingId: string,
  input: WithdrawDecisionInput,
  now = new Date(),
) {
  return writeTx((tx) => {
    const { decision, decisionRef } = loadDecision(viewer, meetingId, input.decisionId, tx)
    if (decision.status === 'withdrawn' && wouldActOnInForce(viewer, decisionRef)) {
      throw conflict('decisionsOwners.error.withdrawnFinal')
    }
    assertSecretariatAct(viewer, 'decision.withdraw', decisionRef, decision.id)
    tx.update(decisions)
      .set({
        status: 'withdrawn',
        withdrawnAt: now,
        withdrawnById: viewer.id,
        withdrawalReason: input.reason,
      })
      .where(eq(decisions.id, decision.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'decision.withdraw',
        targetType: 'decision',
        targetId: decision.id,
        details: { code: decision.code },
      },
      tx,
    )
    return { id: decision.id, code: decision.code }
  })
}
