import { eq, like } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, rawSqlite } from '@db/client'
import { auditLog } from '@db/schema'
import { audit, listAudit } from '~/modules/audit/audit.server'
import { freshEmptyDb } from './helpers/db'

const mx = { id: 'person-mx', email: 'mx.delegate@rcm.example', organizationId: 'org-mx' }
const pa = { id: 'person-pa', email: 'pa.focal@rcm.example', organizationId: 'org-pa' }

describe('audit log', () => {
  beforeEach(() => {
    freshEmptyDb()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is append-only: the database refuses UPDATE and DELETE', () => {
    audit({ actor: mx, action: 'test.append', details: { n: 1 } })
    const sqlite = rawSqlite()
    expect(() => sqlite.prepare("UPDATE audit_log SET action = 'test.changed'").run()).toThrow(/append-only/)
    expect(() => sqlite.prepare("UPDATE audit_log SET outcome = 'ok' WHERE 0").run()).not.toThrow()
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(() => db.update(auditLog).set({ actorEmail: 'someone@else' }).run()).toThrow(/append-only/)
    expect(() => db.delete(auditLog).where(eq(auditLog.action, 'test.append')).run()).toThrow(/append-only/)
    const rows = db.select().from(auditLog).where(like(auditLog.action, 'test.%')).all()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ action: 'test.append', actorEmail: mx.email, outcome: 'ok' })
  })

  it('records who, what, when (UTC milliseconds) and from where', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-01T12:34:56.789Z'))
    audit({ actor: pa, action: 'test.who', targetType: 'person', targetId: 'p1', ip: '203.0.113.9' })
    const row = db.select().from(auditLog).where(eq(auditLog.action, 'test.who')).get()!
    expect(row).toMatchObject({
      actorId: pa.id,
      actorEmail: pa.email,
      organizationId: pa.organizationId,
      targetType: 'person',
      targetId: 'p1',
      ip: '203.0.113.9',
    })
    expect(row.at.toISOString()).toBe('2026-03-01T12:34:56.789Z')
  })

  it('drops secrets from the details, however they are nested', () => {
    audit({
      actor: mx,
      action: 'test.scrub',
      details: {
        reason: 'kept',
        password: 'hunter2-secret-value',
        newPassword: 'np-secret-value',
        token: 'tok-secret-value',
        apiToken: 'api-secret-value',
        clientSecret: 'cs-secret-value',
        passwordHash: '$argon2id$hash-secret-value',
        totpKey: 'totp-secret-value',
        code: '123456',
        nested: { resetToken: 'reset-secret-value', keep: 'k' },
        list: [{ token: 'list-secret-value', name: 'n' }],
        deep: { a: { b: { c: { d: { e: { password: 'deep-secret-value' } } } } } },
      },
    })
    const row = db.select().from(auditLog).where(eq(auditLog.action, 'test.scrub')).get()!
    expect(row.details).toMatchObject({ reason: 'kept', nested: { keep: 'k' }, list: [{ name: 'n' }] })
    const stored = JSON.stringify(
      rawSqlite().prepare("SELECT * FROM audit_log WHERE action = 'test.scrub'").get(),
    )
    expect(stored).not.toMatch(/secret-value|123456/)
  })

  it('keeps an entry written inside a transaction only if the transaction commits', () => {
    expect(() =>
      db.transaction((tx) => {
        audit({ actor: mx, action: 'test.rolledBack' }, tx)
        throw new Error('boom')
      }),
    ).toThrow('boom')
    db.transaction((tx) => audit({ actor: mx, action: 'test.committed' }, tx))
    const actions = listAudit({ action: 'test.' }).items.map((r) => r.action)
    expect(actions).toEqual(['test.committed'])
  })

  it('filters by actor, action prefix, outcome and dates', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const at = (iso: string) => vi.setSystemTime(new Date(iso))
    at('2026-01-10T10:00:00Z')
    audit({ actor: mx, action: 'test.auth.signIn', outcome: 'ok' })
    at('2026-01-20T10:00:00Z')
    audit({ actorEmail: 'pa.focal@rcm.example', action: 'test.auth.signIn', outcome: 'failed' })
    at('2026-01-25T10:00:00Z')
    audit({ actor: pa, action: 'test.person.invite', outcome: 'refused' })
    at('2026-01-30T10:00:00Z')
    audit({ actor: mx, action: 'test.person.invite', outcome: 'ok' })

    const find = (f: Parameters<typeof listAudit>[0]) =>
      listAudit({ action: 'test.', ...f }).items.map((r) => `${r.action}:${r.outcome}`)

    expect(find({})).toEqual([
      'test.person.invite:ok',
      'test.person.invite:refused',
      'test.auth.signIn:failed',
      'test.auth.signIn:ok',
    ])
    expect(find({ action: 'test.auth' })).toEqual(['test.auth.signIn:failed', 'test.auth.signIn:ok'])
    expect(find({ action: 'test.nothing' })).toEqual([])
    expect(find({ outcome: 'refused' })).toEqual(['test.person.invite:refused'])
    expect(find({ outcome: 'failed' })).toEqual(['test.auth.signIn:failed'])
    // by e-mail (part of it, any case), including entries without a signed-in actor, or by person id
    expect(find({ actor: 'PA.FOCAL' })).toEqual(['test.person.invite:refused', 'test.auth.signIn:failed'])
    expect(find({ actor: pa.id })).toEqual(['test.person.invite:refused'])
    expect(find({ actor: 'nobody@' })).toEqual([])
    // dates are inclusive
    expect(find({ from: new Date('2026-01-20T10:00:00Z') })).toEqual([
      'test.person.invite:ok',
      'test.person.invite:refused',
      'test.auth.signIn:failed',
    ])
    expect(find({ to: new Date('2026-01-20T10:00:00Z') })).toEqual([
      'test.auth.signIn:failed',
      'test.auth.signIn:ok',
    ])
    expect(find({ from: new Date('2026-01-15'), to: new Date('2026-01-26'), outcome: 'refused' })).toEqual([
      'test.person.invite:refused',
    ])
  })

  it('pages newest first with a keyset cursor, without gaps or repeats', () => {
    for (let i = 1; i <= 7; i++) audit({ actor: mx, action: 'test.page', details: { i } })
    const seen: number[] = []
    let before: number | undefined
    const pages: number[] = []
    for (;;) {
      const page = listAudit({ action: 'test.page', before }, 3)
      pages.push(page.items.length)
      seen.push(...page.items.map((r) => (r.details as { i: number }).i))
      if (page.nextBefore === null) break
      expect(page.nextBefore).toBe(page.items[page.items.length - 1].id)
      before = page.nextBefore
    }
    expect(pages).toEqual([3, 3, 1])
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1])
    // an exact multiple of the page size ends without an empty extra page
    const whole = listAudit({ action: 'test.page', before: undefined }, 7)
    expect(whole.items).toHaveLength(7)
    expect(whole.nextBefore).toBeNull()
  })
})
