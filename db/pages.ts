/**
 * Lists read a page in two steps: first the page's ids (filters, visibility and sort, reading as little
 * per row as the indexes allow), then those rows with their joins and computed columns. In one query
 * SQLite computes every column of every matching row before sorting them, so a page of 25 cost as much
 * as all the matches (see the list functions of actions and documents).
 */

/** The rows of the second step in the order of the first (a row that vanished in between is skipped). */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
