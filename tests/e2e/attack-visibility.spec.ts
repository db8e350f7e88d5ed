// Attack suite, visibility: every visibility level through every path, over HTTP against the
// production build. A hidden record answers 404 (anonymous people may instead be sent to sign in) on its
// page, its `.data` request, the API, download and viewer; lists, search, calendars and exports never
// carry its title. Each record also has a viewer who may see it, so that the test can fail.
import ExcelJS from 'exceljs'
import { expect, test } from './fixtures'
import { apiTokenFor, cookieFor, raw, rows, unchanged, type RawAnswer } from './attack-helpers'

type Who = string | null // null: anonymous

interface Target {
  what: string
  title: string
  /** addresses of the record itself: hidden = 404 */
  own: string[]
  /** addresses that list things: must not carry the title when hidden */
  lists: string[]
  hiddenFrom: Who[]
  seenBy: string
}

const enc = encodeURIComponent

function documentTarget(what: string, reference: string, hiddenFrom: Who[], seenBy: string): Target {
  const [doc] = rows<{ id: string; title_es: string }>(
    'select id, title_es from documents where reference = ?',
    reference,
  )
  if (!doc) throw new Error(`no demo document ${reference}`)
  const word = doc.title_es.split(/\s+/).slice(0, 3).join(' ')
  return {
    what,
    title: doc.title_es,
    own: [
      `/documents/${doc.id}`,
      `/documents/${doc.id}.data`,
      `/documents/${doc.id}/download`,
      `/documents/${doc.id}/download?version=1`,
      `/documents/${doc.id}/view`,
      `/api/v1/documents/${doc.id}`,
      `/api/v1/documents/${doc.id}/versions`,
    ],
    lists: [
      `/documents?q=${enc(word)}`,
      `/documents.data?q=${enc(word)}`,
      `/documents`,
      `/search?q=${enc(word)}`,
      `/search.data?q=${enc(word)}`,
      `/search?q=${enc(reference)}`,
      `/api/v1/search?q=${enc(word)}`,
      `/api/v1/documents`,
    ],
    hiddenFrom,
    seenBy,
  }
}

function meetingTarget(): Target {
  const [m] = rows<{ id: string; title_es: string }>(
    "select id, title_es from meetings where openness = 'members_only' order by starts_at limit 1",
  )
  const id = m!.id
  // actions that come from the meeting: an organization may support one and see it, never its origin
  const fromIt = rows<{ id: string }>('select id from action_items where meeting_id = ?', id).flatMap((a) => [
    `/actions/${a.id}`,
    `/actions/${a.id}.data`,
    `/api/v1/actions/${a.id}`,
  ])
  const planned = rows<{ id: string }>(
    "select id from meetings where status in ('planned', 'confirmed') and openness = 'open' limit 1",
  ).flatMap((p) => [`/meetings/${p.id}/pending-actions`, `/meetings/${p.id}`])
  return {
    what: 'members-only meeting',
    title: m!.title_es,
    own: [
      `/meetings/${id}`,
      `/meetings/${id}.data`,
      `/meetings/${id}/minutes`,
      `/meetings/${id}/minutes.data`,
      `/meetings/${id}/participants`,
      `/meetings/${id}/participants/print`,
      `/meetings/${id}/documents`,
      `/meetings/${id}/decisions`,
      `/meetings/${id}/follow-up`,
      `/meetings/${id}/pending-actions`,
      `/meetings/${id}/edit`,
      `/meetings/${id}.ics`,
      `/api/v1/meetings/${id}`,
    ],
    lists: [
      '/meetings',
      '/meetings.data',
      '/meetings?view=month',
      '/meetings/decisions',
      '/calendar.ics',
      '/api/v1/meetings',
      '/actions',
      '/actions.data',
      '/actions/export.csv',
      '/actions/export.xlsx',
      '/api/v1/actions',
      '/actions/board',
      '/',
      ...fromIt,
      ...planned,
    ],
    hiddenFrom: [null, 'co.observer@rcm.example', 'iom@rcm.example', 'unhcr@rcm.example'],
    seenBy: 'mx.delegate@rcm.example',
  }
}

async function textOf(r: RawAnswer, path: string): Promise<string> {
  if (!path.includes('.xlsx') || r.status !== 200) return r.body
  return '' // read by xlsxText (binary)
}

async function xlsxText(baseURL: string, path: string, cookie: string | null): Promise<string> {
  const response = await fetch(new URL(path, baseURL), {
    headers: cookie ? { Cookie: cookie } : {},
    redirect: 'manual',
  })
  if (response.status !== 200) return ''
  expect(response.headers.get('content-type')).toContain('spreadsheetml')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer)
  const cells: string[] = []
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))),
  )
  return cells.join('\n')
}

const HIDDEN_FOR_ANONYMOUS = (r: RawAnswer) =>
  r.status === 404 ||
  r.status === 401 ||
  ([302, 303].includes(r.status) && /\/login/.test(String(r.headers.location))) ||
  (r.status === 202 && r.body.includes('SingleFetchRedirect') && r.body.includes('/login'))

async function attack(baseURL: string, target: Target) {
  const failures: string[] = []
  let seenRecords = 0
  const viewers: [Who, string | null][] = []
  for (const who of target.hiddenFrom) viewers.push([who, who ? await cookieFor(who, baseURL) : null])
  await unchanged(async () => {
    for (const [who, cookie] of viewers) {
      const label = who ?? 'anonymous'
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {}
      for (const path of target.own) {
        const r = await raw(baseURL, { path, headers })
        const hidden = who ? r.status === 404 : HIDDEN_FOR_ANONYMOUS(r)
        if (!hidden) failures.push(`${label} ${path}: ${r.status}`)
        if (r.body.includes(target.title)) failures.push(`${label} ${path}: carries the title`)
      }
      for (const path of target.lists) {
        const r = await raw(baseURL, { path, headers })
        if (r.status >= 500) failures.push(`${label} ${path}: ${r.status}`)
        if (r.status === 200 && /^\/actions\/[a-z0-9]+$/.test(path)) seenRecords++
        const text = path.includes('.xlsx') ? await xlsxText(baseURL, path, cookie) : await textOf(r, path)
        if (text.includes(target.title)) failures.push(`${label} ${path}: carries the title`)
      }
    }
  })
  expect(failures, `${target.what}: leaks`).toEqual([])
  if (target.own[0]!.startsWith('/meetings/'))
    // an organization supports an action from the meeting: it sees the action, not its origin
    expect(seenRecords, 'actions from the meeting seen by someone it is hidden from').toBeGreaterThan(0)
  // the control: someone who may see it does, on its page and in the API (and downloads it privately)
  await expectPrivateDownload(baseURL, target)
  const cookie = await cookieFor(target.seenBy, baseURL)
  for (const path of [target.own[0]!, target.own.find((p) => p.startsWith('/api/'))!]) {
    const r = await raw(baseURL, { path, headers: { Cookie: cookie } })
    expect(r.status, `${target.seenBy} ${path}`).toBe(200)
    // what is not public is never stored by a browser or a proxy
    expect(String(r.headers['cache-control']), `${target.seenBy} ${path}`).toContain('no-store')
    expect(r.body, `${target.seenBy} ${path}`).toContain(
      path.startsWith('/api/') ? target.title : target.title.replace(/&/g, '&amp;'),
    )
  }
}

async function expectPrivateDownload(baseURL: string, target: Target) {
  const download = target.own.find((p) => p.endsWith('/download'))
  if (!download) return
  const r = await raw(baseURL, {
    path: download,
    headers: { Cookie: await cookieFor(target.seenBy, baseURL) },
  })
  expect(r.status, download).toBe(200)
  expect(String(r.headers['content-disposition'])).toMatch(/^attachment;/)
  expect(String(r.headers['cache-control'])).toContain('no-store')
  // once (server.mjs), not repeated by the route
  expect(r.headers['x-content-type-options']).toBe('nosniff')
}

test.describe('attack: visibility through every path', () => {
  test('a members-only meeting is invisible to observers, organizations and the public', async ({
    baseURL,
  }) => {
    await attack(baseURL!, meetingTarget())
  })

  test('a secretariat-only document is invisible to everyone else', async ({ baseURL }) => {
    await attack(
      baseURL!,
      documentTarget(
        'secretariat document',
        'RCM/2024/REP/002',
        [
          null,
          'co.observer@rcm.example',
          'mx.delegate@rcm.example',
          'pa.focal@rcm.example',
          'iom@rcm.example',
        ],
        'secretariat@rcm.example',
      ),
    )
  })

  test("a group's document is invisible outside the group (another group included)", async ({ baseURL }) => {
    await attack(
      baseURL!,
      documentTarget(
        'group document',
        'RCM/2024/WP/001',
        // mx.delegate is in another group (labor migration)
        [null, 'co.observer@rcm.example', 'mx.delegate@rcm.example', 'unhcr@rcm.example'],
        'iom@rcm.example',
      ),
    )
  })

  test('an embargoed document is invisible until its embargo ends, but to its owner', async ({ baseURL }) => {
    await attack(
      baseURL!,
      documentTarget(
        'embargoed document',
        'RCM/2026/CN/001',
        [null, 'co.observer@rcm.example', 'mx.delegate@rcm.example', 'iom@rcm.example'],
        'gt.focal@rcm.example',
      ),
    )
  })

  test("an observer's personal calendar feed and Bearer API calls carry no members-only meeting", async ({
    baseURL,
  }) => {
    const target = meetingTarget()
    const cookie = await cookieFor('co.observer@rcm.example', baseURL!)
    const created = await raw(baseURL!, {
      method: 'POST',
      path: '/meetings',
      body: 'intent=createFeed',
      headers: {
        Cookie: cookie,
        Origin: baseURL!,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    })
    expect(created.status).toBe(200)
    const feed = /\/calendar\/feed\/[A-Za-z0-9_-]+\.ics/.exec(created.body)?.[0]
    expect(feed, 'the feed address is shown').toBeTruthy()
    const ics = await raw(baseURL!, { path: feed! })
    expect(ics.status).toBe(200)
    expect(ics.body).toContain('BEGIN:VCALENDAR')
    expect(ics.body).not.toContain(target.title)
    // with a token instead of the cookie
    const token = await apiTokenFor('co.observer@rcm.example', baseURL!)
    const bearer = { Authorization: `Bearer ${token}`, Accept: 'application/json' }
    for (const path of target.own.filter((p) => p.startsWith('/api/')))
      expect((await raw(baseURL!, { path, headers: bearer })).status, path).toBe(404)
    for (const path of ['/api/v1/meetings', '/api/v1/actions']) {
      const r = await raw(baseURL!, { path, headers: bearer })
      expect(r.status, path).toBe(200)
      expect(r.body, path).not.toContain(target.title)
    }
  })
})
