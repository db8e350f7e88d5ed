/**
 * A save after the session expired keeps the typed text too (docs/decisions/0017). A form sent to
 * a page without a valid session is answered 401 with its fields (kept-form.server.ts), which the error
 * page offers to send again; nothing is written. Passwords and codes are never echoed; cross-origin
 * forms and file uploads are not kept (the sign-in redirect as before).
 */
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { minutes, sessions } from '@db/schema'
import { KEPT_FORM_MARK, parseKeptForm } from '~/modules/auth/kept-form'
import * as actionPage from '~/routes/actions.$id'
import * as minutesPage from '~/routes/meetings.$id.minutes'
import * as accountPage from '~/routes/account'
import { PA_FOCAL, actionByTitle, reload, updatesOf } from './actions-fixtures'
import { cookieFor, freshDemoDb, makeRequest, personByEmail } from './helpers/db'
import { run } from './helpers/route'

beforeEach(() => {
  freshDemoDb()
})

const PANAMA_ONLY = 'Implement information exchange between the Darien'
const NOTE = 'Informe largo de avance,\nescrito durante una hora: «tráfico» & <b>no es HTML</b>.'

/** A cookie whose session has ended (signed in, then the session row expired and was swept). */
function endedSessionCookie(email: string) {
  const cookie = cookieFor(email)
  db.delete(sessions)
    .where(eq(sessions.personId, personByEmail(email).id))
    .run()
  return cookie
}

describe('a form sent after the session ended', () => {
  it('is answered 401 with what was typed, and nothing is written', async () => {
    const a = actionByTitle(PANAMA_ONLY)
    const before = updatesOf(a.id).length
    const answer = await run(
      actionPage.action,
      `/actions/${a.id}`,
      {
        headers: { Cookie: endedSessionCookie(PA_FOCAL) },
        form: {
          intent: 'update',
          status: 'in_progress',
          progress: '40',
          note: NOTE,
          revision: String(a.revision),
        },
      },
      { id: a.id },
    )
    expect(answer.status).toBe(401)
    expect(answer.headers.get('Cache-Control')).toBe('no-store')
    expect(answer.body.startsWith(`${KEPT_FORM_MARK}\nes\n/actions/${a.id}\n`)).toBe(true)
    const kept = parseKeptForm(answer.body)!
    expect(kept.action).toBe(`/actions/${a.id}`)
    expect(kept.lang).toBe('es')
    expect(Object.fromEntries(kept.fields)).toEqual({
      intent: 'update',
      status: 'in_progress',
      progress: '40',
      note: NOTE,
      revision: String(a.revision),
    })
    expect(updatesOf(a.id)).toHaveLength(before)
    expect(reload(a.id).revision).toBe(a.revision)
  })

  it('keeps the text of minutes, at the address the form was sent to', async () => {
    const item = db.select().from(minutes).get()!
    const answer = await run(
      minutesPage.action,
      `/meetings/${item.meetingId}/minutes?index`,
      {
        headers: { Cookie: `${endedSessionCookie('secretariat@rcm.example')}; lang=en` },
        form: {
          intent: 'save',
          agendaItemId: item.agendaItemId,
          text: NOTE,
          baseRevision: String(item.revision),
        },
      },
      { id: item.meetingId },
    )
    expect(answer.status).toBe(401)
    const kept = parseKeptForm(answer.body)!
    expect(kept.action).toBe(`/meetings/${item.meetingId}/minutes?index=`)
    expect(kept.lang).toBe('en') // the person's remembered choice: the error page speaks it
    expect(kept.fields).toContainEqual(['text', NOTE])
    expect(db.select().from(minutes).where(eq(minutes.id, item.id)).get()).toEqual(item)
  })

  it('never echoes passwords or codes', async () => {
    const answer = await run(accountPage.action, '/account', {
      headers: { Cookie: endedSessionCookie(PA_FOCAL) },
      form: {
        intent: 'password',
        currentPassword: 'rcm-demo-2026',
        newPassword: 'a new secret phrase',
        otp: '123456',
        name: 'Nombre cambiado',
      },
    })
    expect(answer.status).toBe(401)
    expect(answer.body).not.toContain('rcm-demo-2026')
    expect(answer.body).not.toContain('secret')
    expect(answer.body).not.toContain('123456')
    expect(parseKeptForm(answer.body)!.fields).toEqual([
      ['intent', 'password'],
      ['name', 'Nombre cambiado'],
    ])
  })

  it('is not kept when it comes from another site, or carries files: the sign-in page as before', async () => {
    const a = actionByTitle(PANAMA_ONLY)
    const crossSite = await run(
      actionPage.action,
      `/actions/${a.id}`,
      {
        headers: { Cookie: endedSessionCookie(PA_FOCAL), Origin: 'https://evil.example' },
        form: { intent: 'update', note: 'x' },
      },
      { id: a.id },
    )
    expect(crossSite.status).toBe(302)
    expect(crossSite.location).toMatch(/^\/login\?redirectTo=/)

    const multipart = new FormData()
    multipart.set('note', 'x')
    const request = makeRequest(`/actions/${a.id}`, { method: 'POST' })
    let thrown: unknown
    try {
      await actionPage.action({
        request: new Request(request.url, { method: 'POST', headers: request.headers, body: multipart }),
        params: { id: a.id },
        context: {},
      })
    } catch (e) {
      thrown = e
    }
    expect((thrown as Response).status).toBe(302)
  })

  it('is not kept when it is larger than the limit (256 KB): the sign-in page as before', async () => {
    const a = actionByTitle(PANAMA_ONLY)
    const body = new URLSearchParams({ intent: 'update', note: 'x'.repeat(300 * 1024) }).toString()
    const request = makeRequest(`/actions/${a.id}`, {
      method: 'POST',
      headers: {
        Cookie: endedSessionCookie(PA_FOCAL),
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(body.length),
      },
    })
    let thrown: unknown
    try {
      await actionPage.action({
        request: new Request(request.url, { method: 'POST', headers: request.headers, body }),
        params: { id: a.id },
        context: {},
      })
    } catch (e) {
      thrown = e
    }
    expect((thrown as Response).status).toBe(302)
  })

  it('parseKeptForm refuses anything but a kept form with a local address', () => {
    expect(parseKeptForm('')).toBeNull()
    expect(parseKeptForm(null)).toBeNull()
    expect(parseKeptForm(`${KEPT_FORM_MARK}\nen\n//evil.example/x\na=1`)).toBeNull()
    expect(parseKeptForm(`${KEPT_FORM_MARK}\nen\nhttps://evil.example/x\na=1`)).toBeNull()
    expect(parseKeptForm(`${KEPT_FORM_MARK}\nen\n/\\evil.example\na=1`)).toBeNull()
    expect(parseKeptForm(`${KEPT_FORM_MARK}\nxx\n/actions/1\na=1`)).toBeNull()
    expect(parseKeptForm(`${KEPT_FORM_MARK}\nen\n/actions/1\na=1&b=%0A2`)).toEqual({
      lang: 'en',
      action: '/actions/1',
      fields: [
        ['a', '1'],
        ['b', '\n2'],
      ],
    })
  })
})
