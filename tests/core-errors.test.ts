import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { auditLog, organizations } from '@db/schema'
import { apiFailure } from '~/modules/api/http.server'
import { assertAllowed, DomainError, invalid, notFound } from '~/modules/core/domain-error.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { freshDemoDb, viewerFor } from './helpers/db'

const refusals = (action: string) =>
  db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .all()
    .filter((r) => r.outcome === 'refused')

const fakeSubmission = {
  reply: (o?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => ({
    status: 'error' as const,
    error: { ...(o?.fieldErrors ?? {}), ...(o?.formErrors ? { '': o.formErrors } : {}) },
  }),
}

describe('one way to refuse', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('writeTx rolls the change back and records the refusal once, after the rollback', () => {
    const mx = viewerFor('mx.delegate@rcm.example')
    const before = db.select().from(organizations).where(eq(organizations.code, 'MX')).get()!
    expect(() =>
      writeTx((tx) => {
        tx.update(organizations).set({ nameEn: 'Changed' }).where(eq(organizations.id, before.id)).run()
        assertAllowed(mx, 'meeting.create')
      }),
    ).toThrow(DomainError)
    expect(db.select().from(organizations).where(eq(organizations.id, before.id)).get()!.nameEn).toBe(
      before.nameEn,
    )
    expect(refusals('meeting.create')).toHaveLength(1)
  })

  it('a refusal handled by the route helper after writeTx is not recorded twice', async () => {
    const mx = viewerFor('mx.delegate@rcm.example')
    let caught: unknown
    try {
      writeTx(() => assertAllowed(mx, 'meeting.create'))
    } catch (e) {
      caught = e
    }
    const answer = formFailure(caught, fakeSubmission, 'create')
    expect(answer.init?.status).toBe(403)
    expect(refusals('meeting.create')).toHaveLength(1)
  })

  it('a refusal outside a transaction is recorded by the route helper', () => {
    const mx = viewerFor('mx.delegate@rcm.example')
    let caught: unknown
    try {
      assertAllowed(mx, 'audit.read')
    } catch (e) {
      caught = e
    }
    formFailure(caught, fakeSubmission)
    expect(refusals('audit.read')).toHaveLength(1)
  })

  it('formFailure puts the message at its field with the status; 404 becomes the error page', () => {
    const answer = formFailure(invalid('error.required', 'title'), fakeSubmission, 'save')
    expect(answer.init?.status).toBe(400)
    expect(answer.data).toMatchObject({ intent: 'save', result: { error: { title: ['error.required'] } } })
    let thrown: unknown
    try {
      formFailure(notFound(), fakeSubmission)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(404)
    expect(() => formFailure(new TypeError('boom'), fakeSubmission)).toThrow(TypeError)
  })

  it('apiFailure answers the JSON error in the caller language, with the current state on a conflict', async () => {
    const res = apiFailure(new DomainError(412, 'error.404', { current: { revision: 3 } }), 'en', {
      text: 'mine',
    })
    expect(res.status).toBe(412)
    const body = await res.json()
    expect(body.error).toMatchObject({
      code: 'precondition_failed',
      current: { revision: 3 },
      submitted: { text: 'mine' },
    })
    expect(typeof body.error.message).toBe('string')
    expect(body.error.message).not.toBe('error.404')
  })
})
