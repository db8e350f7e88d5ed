/**
 * A drizzle select with a flat selection (`db.select({ key: column | sql })...`), read in the read pool
 * (core/read-pool.server.ts) and decoded as drizzle decodes it: the worker answers the rows as arrays,
 * in the selection's key order (the order drizzle writes the columns in), and each value goes through
 * its column's `mapFromDriverValue` (timestamps to dates, booleans, JSON). Column names that repeat
 * across joins (two tables' `code`) cannot collide, as they would in rows keyed by column name.
 *
 *   const [rows, owners] = await readSelects([select(rowsQuery, rowFields), select(ownersQuery, ownerFields)])
 */
import { Column, is, SQL } from 'drizzle-orm'
import { runReads, type Statement } from './read-pool.server'

type Field = Column | SQL | SQL.Aliased
type Fields = Record<string, Field>

export interface Selection<Row> {
  statement: Statement
  decode(values: unknown[][]): Row[]
}

interface Decoder {
  mapFromDriverValue(value: unknown): unknown
}

function decoderOf(field: Field): Decoder | null {
  if (is(field, Column)) return field
  const sqlPart = is(field, SQL.Aliased) ? field.sql : field
  // `sql<T>`...``.mapWith(fn)` keeps its decoder on the SQL object
  const decoder = (sqlPart as unknown as { decoder?: Decoder }).decoder
  return decoder && typeof decoder.mapFromDriverValue === 'function' ? decoder : null
}

/** One query of a batch: `query` is a drizzle select built over exactly `fields`. */
export function select<Q extends { all(): unknown[]; toSQL(): { sql: string; params: unknown[] } }>(
  query: Q,
  fields: Fields,
): Selection<ReturnType<Q['all']>[number]> {
  const keys = Object.keys(fields)
  for (const key of keys) {
    const field = fields[key]
    if (!is(field, Column) && !is(field, SQL) && !is(field, SQL.Aliased)) {
      throw new Error(`select(): "${key}" is not a column or an SQL expression (only flat selections)`)
    }
  }
  const decoders = keys.map((k) => decoderOf(fields[k]))
  const built = query.toSQL()
  return {
    statement: { sql: built.sql, params: built.params, mode: 'values' },
    decode: (values) =>
      values.map((row) => {
        if (row.length !== keys.length) throw new Error('select(): the query does not select these fields')
        const out: Record<string, unknown> = {}
        keys.forEach((key, i) => {
          const raw = row[i]
          const decoder = decoders[i]
          out[key] =
            raw === null || raw === undefined || !decoder ? (raw ?? null) : decoder.mapFromDriverValue(raw)
        })
        return out as ReturnType<Q['all']>[number]
      }),
  }
}

type Rows<T extends readonly Selection<unknown>[]> = {
  [K in keyof T]: T[K] extends Selection<infer R> ? R[] : never
}

/** Runs the selections in the pool, in one read transaction (one snapshot), and decodes their rows. */
export async function readSelects<const T extends readonly Selection<unknown>[]>(
  selections: T,
): Promise<Rows<T>> {
  const results = (await runReads(selections.map((s) => s.statement))) as unknown[][][]
  return selections.map((s, i) => s.decode(results[i])) as Rows<T>
}
