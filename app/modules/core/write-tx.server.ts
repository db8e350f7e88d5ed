/**
 * Every write: one synchronous, immediate transaction that checks, changes and records its audit
 * entry together. A refusal found inside it is recorded after the rollback (the rollback would take an
 * entry written inside it along). Never pass an async function: better-sqlite3 would commit at the
 * first await and could not roll back.
 */
import { db, type Tx } from '@db/client'
import { recordRefusal } from './domain-error.server'

export function writeTx<T>(fn: (tx: Tx) => T): T {
  try {
    return db.transaction(fn, { behavior: 'immediate' })
  } catch (error) {
    recordRefusal(error)
    throw error
  }
}
