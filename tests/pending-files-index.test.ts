// Migration 0035: the sweeps find the files still waiting for their text through a partial index, not by
// reading every file (two scans of 230,000 rows on the benchmark's data, every ten minutes).
import { and, eq, isNull, notInArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, rawSqlite } from '@db/client'
import { documentFiles } from '@db/schema'
import { freshDemoDb } from './helpers/db'

const plan = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql, params } = query.toSQL()
  return (
    rawSqlite()
      .prepare(`explain query plan ${sql}`)
      .all(...params) as { detail: string }[]
  )
    .map((r) => r.detail)
    .join(' ')
}

describe('the pending files index', () => {
  it('serves both queries of the extraction sweep, as drizzle writes them (bound parameters)', () => {
    freshDemoDb()
    const interrupted = db
      .update(documentFiles)
      .set({ textStatus: 'failed' })
      .where(
        and(
          eq(documentFiles.textStatus, 'pending'),
          eq(documentFiles.textFailure, 'interrupted'),
          notInArray(documentFiles.id, ['x']),
        ),
      )
    const waiting = db
      .select({ id: documentFiles.id })
      .from(documentFiles)
      .where(and(eq(documentFiles.textStatus, 'pending'), isNull(documentFiles.textFailure)))
      .limit(50)
    expect(plan(interrupted)).toContain('USING INDEX document_files_pending_idx')
    expect(plan(waiting)).toContain('USING INDEX document_files_pending_idx')
  })
})
