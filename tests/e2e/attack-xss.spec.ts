// Attack suite, stored XSS: a payload in every user text and in a filename is rendered inert:
// the served HTML (the page and the data Remix streams into it) has no live <script>, on* attribute or
// javascript: link from the payload, and in Chromium, with JavaScript on, no dialog opens. Against a
// production server of its own (the texts are written through the API and the database).
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { expect, test } from '@playwright/test'
import { apiTokenWith, raw, rowsAt } from './attack-helpers'
import { freshDir, ownServer, signInCookie, type OwnServer } from './attack-server'

let server: OwnServer
let dbFile: string

test.beforeAll(async () => {
  server = await ownServer('attack-xss')
  freshDir(server.dataDir)
  dbFile = path.join(server.dataDir, 'portal.db')
  await server.start()
})

test.afterAll(async () => {
  await server?.stop()
})

const payload = (tag: string) =>
  `${tag} <script>alert('${tag}-s')</script><img src=x onerror="alert('${tag}-i')">` +
  `<a href="javascript:alert('${tag}-a')">a</a> [md](javascript:alert('${tag}-m')) ` +
  `<svg onload=alert('${tag}-v')></svg> "><iframe src="javascript:alert('${tag}-f')">`

/** Live markup of the payload: a real tag, an event attribute or a javascript: address in a tag. */
const LIVE = [
  /<script>alert\(/i,
  /<img src=x onerror/i,
  /<svg onload/i,
  /<iframe src="javascript:/i,
  /\s(href|src)\s*=\s*["']?\s*javascript:/i,
]

async function tinyPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  pdf.addPage().drawText('xss')
  return Buffer.from(await pdf.save())
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `b${randomBytes(8).toString('hex')}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` }
}

test('every user text and a filename are rendered inert, in the HTML and in Chromium', async ({
  browser,
}) => {
  const focal = await signInCookie(server.url, 'mx.focal@rcm.example')
  const token = await apiTokenWith(server.url, focal)
  const auth = { Authorization: `Bearer ${token}`, Accept: 'application/json' }

  // a document: title, description and the file's name
  const upload = multipart(
    {
      title: payload('doctitle'),
      description: payload('docdesc'),
      kind: 'report',
      language: 'es',
      visibility: 'participants',
    },
    { name: `informe<script>alert('fname')<script>.pdf`, type: 'application/pdf', bytes: await tinyPdf() },
  )
  const created = await raw(server.url, {
    method: 'POST',
    path: '/api/v1/documents',
    body: upload.body,
    headers: { ...auth, 'Content-Type': upload.type },
  })
  expect(created.status, created.body).toBe(201)
  const documentId = JSON.parse(created.body).id as string

  // an action update note, through the API
  const mexico = rowsAt<{ id: string }>(dbFile, "select id from organizations where code = 'MX'")[0]!.id
  const action = rowsAt<{ id: string }>(
    dbFile,
    `select a.id from action_items a join action_owners o on o.action_id = a.id
      where o.organization_id = ? and a.status in ('not_started', 'in_progress') order by a.id limit 1`,
    mexico,
  )[0]!.id
  const update = await raw(server.url, {
    method: 'POST',
    path: `/api/v1/actions/${action}/updates`,
    body: JSON.stringify({ status: 'in_progress', progress: 30, note: payload('note') }),
    headers: { ...auth, 'Content-Type': 'application/json' },
  })
  expect(update.status, update.body).toBe(201)

  // texts the secretariat and delegations write on pages: stored directly (the same columns)
  const sqlite = new Database(dbFile)
  let meetingId: string
  try {
    const minutes = sqlite
      .prepare("select id, meeting_id, revision from minutes where status = 'circulated' limit 1")
      .get() as { id: string; meeting_id: string; revision: number }
    meetingId = minutes.meeting_id
    const mx = sqlite.prepare("select id from people where email = 'mx.delegate@rcm.example'").get() as {
      id: string
    }
    // a new revision, as a save makes (the history keeps it too)
    sqlite
      .prepare('update minutes set text = ?, revision = revision + 1, updated_at = ? where id = ?')
      .run(payload('minutes'), Date.now(), minutes.id)
    sqlite
      .prepare(
        'insert into minutes_comments (id, minutes_id, person_id, organization_id, revision, text, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        randomBytes(8).toString('hex'),
        minutes.id,
        mx.id,
        mexico,
        minutes.revision,
        payload('comment'),
        Date.now(),
      )
    sqlite
      .prepare('update meetings set title_es = ?, title_en = ? where id = ?')
      .run(payload('meeting'), payload('meeting'), meetingId)
    sqlite
      .prepare('update agenda_items set title_es = ?, title_en = ? where meeting_id = ?')
      .run(payload('item'), payload('item'), meetingId)
    sqlite
      .prepare('update decisions set text_es = ?, text_en = ? where meeting_id = ?')
      .run(payload('decision'), payload('decision'), meetingId)
    sqlite
      .prepare('update action_items set title_es = ?, title_en = ? where id = ?')
      .run(payload('action'), payload('action'), action)
    sqlite.prepare('update people set name = ? where id = ?').run(payload('person'), mx.id)
  } finally {
    sqlite.close()
  }

  const pages = [
    `/documents/${documentId}`,
    '/documents',
    `/search?q=doctitle`,
    `/actions/${action}`,
    '/actions',
    `/meetings/${meetingId}`,
    `/meetings/${meetingId}/minutes`,
    `/meetings/${meetingId}/decisions`,
    `/meetings/${meetingId}/participants`,
    '/meetings/decisions',
    '/meetings',
    '/members/MX',
    '/',
  ]
  const secretariat = await signInCookie(server.url, 'secretariat@rcm.example')
  const [name, value] = secretariat.split('=') as [string, string]
  const context = await browser.newContext({ baseURL: server.url })
  await context.addCookies([{ name, value, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' }])
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`)
    void d.dismiss()
  })
  const live: string[] = []
  let shown = 0
  for (const p of pages) {
    // the raw HTML, and the data of the same page as Remix sends it on navigation
    for (const address of [p, p.replace(/(\?|$)/, '.data$1')]) {
      const r = await raw(server.url, { path: address, headers: { Cookie: secretariat } })
      expect(r.status, address).toBe(200)
      if (address.includes('.data')) {
        // data, never read as a page: the payload is there as it was written, in a script type
        expect(String(r.headers['content-type']), address).not.toContain('html')
        expect(r.headers['x-content-type-options'], address).toBe('nosniff')
        continue
      }
      for (const re of LIVE) if (re.test(r.body)) live.push(`${address}: ${re}`)
      if (/(doctitle|note|minutes|comment|meeting|decision|action|person|item) &lt;script&gt;/.test(r.body))
        shown++
    }
    const response = await page.goto(p)
    expect(response?.status(), p).toBe(200)
    // the page's DOM, after hydration: no element of a payload is live
    const found = await page.evaluate(() => {
      const out: string[] = []
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name) && /alert\(/.test(attr.value)) out.push(`${el.tagName} ${attr.name}`)
          if (/^(href|src|action|formaction)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value))
            out.push(`${el.tagName} ${attr.name}=${attr.value}`)
        }
        // a script made of a payload (the page's own scripts carry the texts as escaped strings)
        if (el.tagName === 'SCRIPT' && /^\s*alert\('/.test(el.textContent ?? '')) out.push('SCRIPT')
      }
      return out
    })
    for (const f of found) live.push(`${p} (DOM): ${f}`)
  }
  // the filename on the download
  const download = await raw(server.url, {
    path: `/documents/${documentId}/download`,
    headers: { Cookie: secretariat },
  })
  expect(download.status).toBe(200)
  expect(download.headers['content-disposition']).toMatch(/^attachment;/)
  expect(download.headers['content-disposition']).not.toMatch(/<script/)
  await context.close()
  expect(live, 'live markup from a payload').toEqual([])
  expect(dialogs, 'dialogs opened by a payload').toEqual([])
  // the payloads were there to be shown (escaped), so the checks above could fail
  expect(shown).toBeGreaterThan(5)
})
