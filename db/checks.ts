import { sql, type SQL } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'

// An enumeration's values become SQL text (CHECK constraints cannot take parameters): only plain
// lower-case words are accepted, so no value can ever carry a quote or anything else into the SQL.
const SAFE_VALUE = /^[a-z_]+$/

/** `column in ('a','b')`: the CHECK of an enumeration, written from its `as const` array (the same text
 * drizzle-kit has always generated, so the lists can move without a migration). */
export function oneOf(column: AnySQLiteColumn, values: readonly string[]): SQL {
  if (values.length === 0) throw new Error(`oneOf(${column.name}): no values`)
  for (const value of values) {
    if (!SAFE_VALUE.test(value))
      throw new Error(`oneOf(${column.name}): unsafe value ${JSON.stringify(value)}`)
  }
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(','))})`
}
