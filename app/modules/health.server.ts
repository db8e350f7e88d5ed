import { rawSqlite } from '@db/client'

/** True when the database answers a query. */
export function checkDatabase(): boolean {
  try {
    return rawSqlite().prepare('select 1 as one').get() !== undefined
  } catch {
    return false
  }
}
