// Shared by the action items' tests: finding demo actions, decisions and documents; the demo accounts.
// (Calling routes: ./helpers/route.ts; demo meetings: ./helpers/demo.ts.)
import { and, eq } from 'drizzle-orm'
import { db } from '@db/client'
import { actionItems, actionUpdates, decisions, documents } from '@db/schema'

/** A demo action by (a fragment of) its English title. */
export function actionByTitle(fragment: string) {
  const a = db
    .select()
    .from(actionItems)
    .all()
    .find((r) => (r.titleEn ?? '').includes(fragment))
  if (!a) throw new Error(`no action "${fragment}"`)
  return a
}

export function decisionByCode(code: string) {
  const d = db.select().from(decisions).where(eq(decisions.code, code)).get()
  if (!d) throw new Error(`no decision ${code}`)
  return d
}

export function documentByTitle(fragment: string) {
  const d = db
    .select()
    .from(documents)
    .all()
    .find((r) => (r.titleEs ?? '').includes(fragment) || (r.titleEn ?? '').includes(fragment))
  if (!d) throw new Error(`no document "${fragment}"`)
  return d
}

export const updatesOf = (actionId: string) =>
  db.select().from(actionUpdates).where(eq(actionUpdates.actionId, actionId)).all()

export const reload = (id: string) => db.select().from(actionItems).where(eq(actionItems.id, id)).get()!

export const pendingOf = (actionId: string) =>
  db
    .select()
    .from(actionUpdates)
    .where(and(eq(actionUpdates.actionId, actionId), eq(actionUpdates.validation, 'pending')))
    .get()

// The demo accounts
export const SECRETARIAT = 'secretariat@rcm.example'
export const PA_FOCAL = 'pa.focal@rcm.example'
export const PA_SNM = 'pa.snm@rcm.example'
export const MX = 'mx.delegate@rcm.example'
export const CO = 'co.observer@rcm.example'
export const IOM = 'iom@rcm.example'
export const UNHCR = 'unhcr@rcm.example'

/** The error a call throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): {
  status?: number
  messageKey?: string
  field?: string
  current?: unknown
} {
  try {
    fn()
  } catch (error) {
    return error as { status?: number }
  }
  throw new Error('expected the call to throw')
}
