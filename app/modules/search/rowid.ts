/**
 * A document's row in the full-text index (documents.search_rowid = documents_fts.rowid) is keyed by
 * the document's date: the day's Julian day number times ROWIDS_PER_DAY, plus the document's place in
 * that day (1, 2, ...: the order in which documents got that date). Undated documents are in day 0.
 *
 * So the index's own rowid order is the library's date order, and a date-sorted search reads its page
 * straight off the index, newest first, stopping at the page: a word in nearly every document costs
 * what a rare one does (docs/decisions/0043). The values stay far below 2^53 (year 9999: 5.6e12).
 */
export const ROWIDS_PER_DAY = 2 ** 20

const JULIAN_UNIX_EPOCH = 2440587.5
const DAY_MS = 86_400_000

/** The Julian day number of a `YYYY-MM-DD` date (as SQLite's `cast(julianday(d) as integer)`), 0 for
 * none or a text that is not a date. */
export function dayKey(date: string | null | undefined): number {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 0
  const ms = Date.parse(`${date}T00:00:00Z`)
  return Number.isNaN(ms) ? 0 : Math.floor(ms / DAY_MS + JULIAN_UNIX_EPOCH)
}

/** The rowids of one day: [first, end). */
export function dayRowids(date: string | null | undefined): [number, number] {
  const base = dayKey(date) * ROWIDS_PER_DAY
  return [base, base + ROWIDS_PER_DAY]
}

/** The day a rowid belongs to (its Julian day number, 0 for undated). */
export const dayOfRowid = (rowid: number) => Math.floor(rowid / ROWIDS_PER_DAY)

/** The rowid of the `n`th document (1-based) of a day. */
export function searchRowidOf(date: string | null | undefined, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n >= ROWIDS_PER_DAY) throw new RangeError(`no rowid ${n} in a day`)
  return dayKey(date) * ROWIDS_PER_DAY + n
}
