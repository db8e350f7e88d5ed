import { count } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { organizations, people } from '@db/schema'
import { freshDemoDb, viewerFor } from './helpers/db'

describe('demo database', () => {
  beforeEach(() => {
    freshDemoDb()
  })
  it('has the 11 member states and the demo accounts', () => {
    const states = db
      .select()
      .from(organizations)
      .all()
      .filter((o) => o.kind === 'member_state')
    expect(states.map((s) => s.code).sort()).toEqual([
      'BZ',
      'CA',
      'CR',
      'DO',
      'GT',
      'HN',
      'MX',
      'NI',
      'PA',
      'SV',
      'US',
    ])
    expect(db.select({ n: count() }).from(people).get()!.n).toBeGreaterThan(40)
    expect(viewerFor('pa.snm@rcm.example').groupIds).toHaveLength(1)
  })
})
