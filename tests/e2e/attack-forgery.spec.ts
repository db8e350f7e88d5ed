// Attack suite, forged requests: fields a person may not set, ids of other organizations'
// records, CSRF variants and open redirects, over HTTP against the production build. Each case asserts
// the refusal and that no content table changed.
import path from 'node:path'
import { expect, test } from './fixtures'
import {
  apiCall,
  apiTokenFor,
  apiTokenWith,
  cookieFor,
  postForm,
  raw,
  rows,
  rowsAt,
  snapshot,
  unchanged,
} from './attack-helpers'
import { freshDir, ownServer, signInCookie } from './attack-server'

const PA = 'pa.focal@rcm.example'
const MX = 'mx.delegate@rcm.example'

const one = <T>(sql: string, ...params: unknown[]): T => {
  const [row] = rows<T>(sql, ...params)
  if (!row) throw new Error(`nothing for ${sql}`)
  return row
}
const personId = (email: string) => one<{ id: string }>('select id from people where email = ?', email).id
const orgId = (code: string) => one<{ id: string }>('select id from organizations where code = ?', code).id

/** An action owned by `code` and not by Mexico (neither as owner nor as supporter). */
function actionOwnedOnlyBy(code: string): string {
  return one<{ id: string }>(
    `select a.id from action_items a
      where exists (select 1 from action_owners o where o.action_id = a.id and o.organization_id = ?)
        and not exists (select 1 from action_owners o where o.action_id = a.id and o.organization_id <> ?)
      order by a.id limit 1`,
    orgId(code),
    orgId(code),
  ).id
}

test('the before/after snapshot sees a change (so that "nothing changed" can fail)', async ({ baseURL }) => {
  const before = snapshot()
  await apiTokenFor('pa.snm@rcm.example', baseURL!)
  const after = snapshot()
  expect(after.api_tokens).not.toBe(before.api_tokens)
  expect({ ...after, api_tokens: '' }).toEqual({ ...before, api_tokens: '' })
})

test.describe('attack: forged fields and swapped ids', () => {
  test('profile and invitation forms do not take role, organization or e-mail from the sender', async ({
    baseURL,
  }) => {
    const cookie = await cookieFor(PA, baseURL!)
    const me = one<{ name: string }>('select name from people where email = ?', PA)
    await unchanged(async () => {
      for (const path of ['/account', '/account.data']) {
        const r = await postForm(baseURL!, path, cookie, {
          intent: 'profile',
          name: me.name,
          role: 'secretariat',
          organizationId: orgId('SECRETARIAT'),
          email: 'someone.else@rcm.example',
          ['__proto__']: 'x',
        })
        expect(r.status, path).toBe(400)
      }
      // a focal point invites into another state, or as secretariat
      const invite = (fields: Record<string, string>) =>
        postForm(baseURL!, '/invite', cookie, {
          name: 'Forged Person',
          email: `forged${Date.now() % 100000}@example.org`,
          language: 'es',
          ...fields,
        })
      for (const fields of [
        { organization: 'MX', role: 'delegate' },
        { organization: 'SECRETARIAT', role: 'secretariat' },
        { organization: 'PA', role: 'secretariat' },
      ]) {
        const r = await invite(fields)
        expect([400, 403], JSON.stringify(fields)).toContain(r.status)
      }
    })
  })

  test("a delegation of another state cannot be registered, nor another state's people", async ({
    baseURL,
  }) => {
    const meeting = one<{ id: string }>(
      `select m.id from meetings m
        where m.status in ('planned', 'confirmed')
          and exists (select 1 from meeting_invitations i where i.meeting_id = m.id and i.organization_id = ?)
          and exists (select 1 from meeting_invitations i where i.meeting_id = m.id and i.organization_id = ?)
        order by m.starts_at desc limit 1`,
      orgId('MX'),
      orgId('PA'),
    ).id
    const cookie = await cookieFor(PA, baseURL!)
    const mexican = personId(MX)
    await unchanged(async () => {
      const other = await postForm(baseURL!, `/meetings/${meeting}/participants`, cookie, {
        intent: 'register',
        organization: 'MX',
        [`role-${mexican}`]: 'head',
      })
      expect(other.status).toBe(403)
      const smuggled = await postForm(baseURL!, `/meetings/${meeting}/participants`, cookie, {
        intent: 'register',
        organization: 'PA',
        [`role-${mexican}`]: 'head',
      })
      expect(smuggled.status).toBe(400)
    })
  })

  test("another organization's action, document and token cannot be changed through swapped ids", async ({
    baseURL,
  }) => {
    const foreignAction = actionOwnedOnlyBy('PA')
    const paDocument = one<{ id: string }>(
      "select id from documents where visibility = 'public' and owner_organization_id = ? and deleted_at is null limit 1",
      orgId('PA'),
    ).id
    const token = await apiTokenFor(MX, baseURL!)
    const mxCookie = await cookieFor(MX, baseURL!)
    // a token of Panama's focal point, whose id Mexico then sends
    await apiTokenFor(PA, baseURL!)
    const paTokenId = one<{ id: string }>(
      'select id from api_tokens where person_id = ? and revoked_at is null order by created_at desc limit 1',
      personId(PA),
    ).id
    await unchanged(async () => {
      const update = { status: 'in_progress', progress: 40, note: 'forged progress' }
      const r = await apiCall(baseURL!, 'POST', `/api/v1/actions/${foreignAction}/updates`, token, update)
      expect([403, 404]).toContain(r.status)
      // the page's form too
      const page = await postForm(baseURL!, `/actions/${foreignAction}`, mxCookie, {
        intent: 'update',
        ...update,
        progress: '40',
      })
      expect([400, 403, 404]).toContain(page.status)
      // a new version of Panama's document through the API (multipart)
      const boundary = 'attackboundary'
      const body = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="v.pdf"\r\n` +
          `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%forged\n\r\n--${boundary}--\r\n`,
      )
      const version = await raw(baseURL!, {
        method: 'POST',
        path: `/api/v1/documents/${paDocument}/versions`,
        body,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          Accept: 'application/json',
        },
      })
      expect([403, 404]).toContain(version.status)
      const del = await postForm(baseURL!, `/documents/${paDocument}`, mxCookie, { intent: 'delete' })
      expect([403, 404]).toContain(del.status)
      const revoke = await postForm(baseURL!, '/account/tokens', mxCookie, {
        intent: 'revoke-token',
        tokenId: paTokenId,
      })
      expect(revoke.status).toBe(404)
    })
  })

  test('an API body with fields the caller may not set is refused (400), its own action unchanged', async ({
    baseURL,
  }) => {
    const own = one<{ id: string }>(
      'select action_id as id from action_owners where organization_id = ? order by 1 limit 1',
      orgId('MX'),
    ).id
    const token = await apiTokenFor('mx.focal@rcm.example', baseURL!)
    await unchanged(async () => {
      for (const extra of [
        { ownerOrganizationId: orgId('PA') },
        { validatedAt: Date.now() },
        { status: 'validated' },
        { constructor: { prototype: { admin: true } } },
      ]) {
        const r = await apiCall(baseURL!, 'POST', `/api/v1/actions/${own}/updates`, token, {
          status: 'in_progress',
          progress: 10,
          ...extra,
        })
        expect(r.status, JSON.stringify(extra)).toBe(400)
      }
    })
  })
})

test("the secretariat's acts on people are refused to a focal point, whatever person id is sent", async ({
  baseURL,
}) => {
  const cookie = await cookieFor(PA, baseURL!)
  const targets = [personId(MX), personId('pa.snm@rcm.example'), personId('secretariat@rcm.example')]
  await unchanged(async () => {
    for (const intent of ['disable', 'endSessions', 'resend', 'enable'])
      for (const target of targets) {
        const r = await postForm(baseURL!, '/admin/people', cookie, { intent, personId: target })
        expect([403, 404], `${intent} ${target}`).toContain(r.status)
      }
  })
  // the sessions of those people still work: nothing was ended
  expect(
    (await raw(baseURL!, { path: '/account', headers: { Cookie: await cookieFor(MX, baseURL!) } })).status,
  ).toBe(200)
})

test("an upload with a forged owner, uploader or id is stored as the uploader's own, or refused", async () => {
  // writes: on a server of its own
  const server = await ownServer('attack-forgery')
  freshDir(server.dataDir)
  await server.start()
  try {
    const token = await apiTokenWith(server.url, await signInCookie(server.url, 'mx.focal@rcm.example'))
    const dbFile = path.join(server.dataDir, 'portal.db')
    const org = (code: string) =>
      rowsAt<{ id: string }>(dbFile, 'select id from organizations where code = ?', code)[0]!.id
    const form = new FormData()
    form.set('title', 'Documento con dueño falso')
    form.set('kind', 'report')
    form.set('language', 'es')
    form.set('visibility', 'public')
    form.set('ownerOrganizationId', org('PA'))
    form.set('owner', 'PA')
    form.set(
      'uploadedById',
      rowsAt<{ id: string }>(dbFile, "select id from people where email = 'pa.focal@rcm.example'")[0]!.id,
    )
    form.set('id', 'forgedid00000001')
    form.set('reference', 'RCM/2024/REP/002')
    form.set(
      'file',
      new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))], { type: 'application/pdf' }),
      'f.pdf',
    )
    const r = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    })
    expect(r.status).toBeLessThan(500)
    if (r.status === 201) {
      const id = ((await r.json()) as { id: string }).id
      expect(id).not.toBe('forgedid00000001')
      const [row] = rowsAt<{ owner_organization_id: string; uploaded_by_id: string; reference: string }>(
        dbFile,
        'select owner_organization_id, uploaded_by_id, reference from documents where id = ?',
        id,
      )
      expect(row!.owner_organization_id).toBe(org('MX'))
      expect(row!.reference).not.toBe('RCM/2024/REP/002')
      const focal = rowsAt<{ id: string }>(
        dbFile,
        "select id from people where email = 'mx.focal@rcm.example'",
      )[0]!.id
      expect(row!.uploaded_by_id).toBe(focal)
    } else {
      expect(r.status).toBe(400)
      expect(rowsAt(dbFile, "select id from documents where title_es = 'Documento con dueño falso'")).toEqual(
        [],
      )
    }
  } finally {
    await server.stop()
  }
})

test.describe('attack: CSRF and open redirects', () => {
  test('a cookie-carrying POST without our exact Origin is refused with 403, nothing changed', async ({
    baseURL,
  }) => {
    const cookie = await cookieFor(PA, baseURL!)
    const url = new URL(baseURL!)
    const origins: (string | null)[] = [
      null,
      'null',
      `${baseURL}.evil.example`,
      `http://${url.hostname}.evil.example:${url.port}`,
      `https://${url.host}`,
      `http://127.0.0.1:${url.port}`,
      `http://${url.hostname}:${Number(url.port) + 1}`,
      `${baseURL}/`,
      `HTTP://${url.host.toUpperCase()}x`,
    ]
    await unchanged(async () => {
      for (const origin of origins)
        for (const path of ['/account', '/account.data', '/account/tokens']) {
          const r = await postForm(
            baseURL!,
            path,
            cookie,
            path === '/account/tokens'
              ? { intent: 'create-token', name: 'csrf', expiresInDays: '30' }
              : { intent: 'profile', name: 'Cambiado por CSRF' },
            origin === null ? { Referer: `${baseURL}/account` } : { Origin: origin },
          )
          expect(r.status, `${origin} ${path}`).toBe(403)
        }
    })
  })

  test('redirectTo never leaves the site', async ({ baseURL }) => {
    const cookie = await cookieFor(MX, baseURL!)
    const hostile = [
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/%2F%2Fevil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      ' //evil.example',
      '/\t/evil.example',
      'http:evil.example',
    ]
    for (const target of hostile) {
      // signed in, /login sends on to redirectTo at once
      const r = await raw(baseURL!, {
        path: `/login?redirectTo=${encodeURIComponent(target)}`,
        headers: { Cookie: cookie },
      })
      expect([302, 303], target).toContain(r.status)
      const location = String(r.headers.location)
      const resolved = new URL(location, baseURL)
      expect(resolved.origin, `${target} -> ${location}`).toBe(new URL(baseURL!).origin)
      expect(location, target).not.toMatch(/^(\/\/|\/\\|[a-z]+:)/i)
      // and the form's hidden field carries a path of this site only (the form's own address keeps
      // the query, which the action checks again)
      const page = await raw(baseURL!, { path: `/login?redirectTo=${encodeURIComponent(target)}` })
      const field = /name="redirectTo" value="([^"]*)"/.exec(page.body)?.[1]
      expect(field, target).toMatch(/^\/(?![/\\])/)
      // signing in with it (form field and query) lands on this site
      const signIn = await postForm(baseURL!, `/login?redirectTo=${encodeURIComponent(target)}`, null, {
        email: 'mx.delegate1@rcm.example',
        password: 'rcm-demo-2026',
        redirectTo: target,
      })
      expect([302, 303], `sign-in ${target}`).toContain(signIn.status)
      expect(String(signIn.headers.location), `sign-in ${target}`).toMatch(/^\/(?![/\\])/)
    }
  })
})
