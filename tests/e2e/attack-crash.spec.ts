// Attack suite, crashes and backups. A production server of its own takes uploads and action
// updates through the API while it is killed with SIGKILL at random moments, three times; after each
// restart the database passes integrity_check and foreign_key_check, every write answered 2xx is there,
// no row points at a missing file, and /healthz answers within 5 s of the restart. Then
// `npm run db:backup` runs under the same load, and the backup is restored into a fresh DATA_DIR by
// README's recovery steps: integrity and every file's SHA-256 verified, the restored server answers.
import Database from 'better-sqlite3'
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { expect, test } from '@playwright/test'
import { apiTokenWith } from './attack-helpers'
import { freshDir, ownServer, signInCookie, type OwnServer } from './attack-server'

const run = promisify(execFile)
const LIMITS = { UPLOAD_FILES_PER_HOUR: '100000', UPLOAD_MB_PER_DAY: '100000' }

test.describe.configure({ mode: 'serial' })
test.setTimeout(90_000)

let server: OwnServer
let token: string
let actions: string[]
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** What the server answered 2xx for: documents (with their file's hash) and update notes. */
const acked = { documents: new Map<string, string>(), notes: new Set<string>() }

test.beforeAll(async () => {
  server = await ownServer('attack-crash', LIMITS)
  freshDir(server.dataDir)
  await server.start()
  token = await apiTokenWith(server.url, await signInCookie(server.url, 'mx.focal@rcm.example'))
  const db = new Database(path.join(server.dataDir, 'portal.db'), { readonly: true })
  actions = db
    .prepare(
      `select a.id from action_items a join action_owners o on o.action_id = a.id
        join organizations g on g.id = o.organization_id
        where g.code = 'MX' and a.status in ('not_started', 'in_progress') order by a.id limit 4`,
    )
    .pluck()
    .all() as string[]
  db.close()
  expect(actions.length).toBeGreaterThan(0)
})

test.afterAll(async () => {
  await server?.stop()
})

let pdfs = 0
const answers: Record<string, number> = {}
let lastRefusal = ''
async function pdf(): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.addPage().drawText(`crash ${++pdfs} ${randomBytes(6).toString('hex')}`)
  return Buffer.from(await doc.save())
}

async function upload(url: string): Promise<void> {
  const bytes = await pdf()
  const form = new FormData()
  form.set('title', `Carga ${pdfs}`)
  form.set('kind', 'report')
  form.set('language', 'es')
  form.set('visibility', 'participants')
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `carga-${pdfs}.pdf`)
  const r = await fetch(`${url}/api/v1/documents`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  })
  answers[`upload ${r.status}`] = (answers[`upload ${r.status}`] ?? 0) + 1
  if (r.status === 201) acked.documents.set(((await r.json()) as { id: string }).id, sha(bytes))
  else if (r.status >= 400) lastRefusal = await r.text()
  else await r.body?.cancel()
}

let notes = 0
async function update(url: string): Promise<void> {
  const note = `crash-note-${++notes}-${randomBytes(4).toString('hex')}`
  const action = actions[notes % actions.length]
  const r = await fetch(`${url}/api/v1/actions/${action}/updates`, {
    method: 'POST',
    body: JSON.stringify({ status: 'in_progress', progress: notes % 100, note }),
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  })
  answers[`update ${r.status}`] = (answers[`update ${r.status}`] ?? 0) + 1
  if (r.status === 201) acked.notes.add(note)
  await r.body?.cancel()
}

/** Four writers (two uploading, two updating) until stop() is called; network errors are expected. */
function writeLoad(url: string) {
  let running = true
  const loop = async (step: (u: string) => Promise<void>) => {
    while (running) await step(url).catch(() => new Promise((r) => setTimeout(r, 20)))
  }
  const loops = [loop(upload), loop(upload), loop(update), loop(update)]
  return async () => {
    running = false
    await Promise.all(loops)
  }
}

function checkData(dataDir: string) {
  const db = new Database(path.join(dataDir, 'portal.db'), { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    const file = db.prepare(
      'select f.sha256 from document_files f join document_versions v on v.id = f.version_id where v.document_id = ?',
    )
    const missingDocs = [...acked.documents].filter(([id, hash]) => file.pluck().get(id) !== hash)
    expect(missingDocs, 'answered uploads missing').toEqual([])
    const note = db.prepare('select count(*) from action_updates where note = ?').pluck()
    expect(
      [...acked.notes].filter((n) => note.get(n) !== 1),
      'answered updates missing',
    ).toEqual([])
    const keys = db.prepare('select distinct storage_key from document_files').pluck().all() as string[]
    const missingFiles = keys.filter((k) => !fs.existsSync(path.join(dataDir, 'uploads', k.slice(0, 2), k)))
    expect(missingFiles, 'rows pointing at a missing file').toEqual([])
    return keys
  } finally {
    db.close()
  }
}

test('kill -9 under write load, three times: nothing answered is lost, the server is back within 5 s', async () => {
  for (let round = 1; round <= 3; round++) {
    const stop = writeLoad(server.url)
    // once writes are flowing (an upload answered this round), at a random moment
    const uploads = acked.documents.size
    for (let t = 0; t < 200 && acked.documents.size === uploads; t++)
      await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, Math.random() * 800))
    await server.kill9()
    await stop()
    const startedIn = await server.start()
    expect(startedIn, `round ${round}: /healthz after the restart (ms)`).toBeLessThan(5000)
    checkData(server.dataDir)
  }
  expect(
    acked.documents.size,
    `uploads answered ${JSON.stringify(answers)} ${lastRefusal}`,
  ).toBeGreaterThanOrEqual(3)
  expect(acked.notes.size, 'updates answered').toBeGreaterThanOrEqual(3)
})

test("npm run db:backup under write load, restored by README's steps into a fresh DATA_DIR", async () => {
  const backups = path.resolve('tests/.tmp/attack-backups')
  freshDir(backups)
  fs.mkdirSync(backups, { recursive: true })
  const backupFile = path.join(backups, 'portal-backup.db')
  const stop = writeLoad(server.url)
  await new Promise((r) => setTimeout(r, 300))
  const answeredBeforeBackup = new Set(acked.documents.keys())
  // README: the database first, through the backup API, while the server writes...
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: server.dataDir, NODE_ENV: 'production' }
  delete env.DATABASE_PATH
  const { stdout } = await run('npm', ['run', '--silent', 'db:backup', '--', backupFile], { env })
  expect(stdout).toContain('written to')
  // ...then the uploads folder, with any file copy (files are never modified in place)
  fs.cpSync(path.join(server.dataDir, 'uploads'), path.join(backups, 'uploads'), { recursive: true })
  await stop()

  // README's restore, into a fresh DATA_DIR: copy the backup to DATA_DIR/portal.db (no -wal or -shm
  // there), copy uploads/ back, start the server
  const restored = await ownServer('attack-restored', LIMITS)
  freshDir(restored.dataDir)
  fs.mkdirSync(restored.dataDir, { recursive: true })
  fs.copyFileSync(backupFile, path.join(restored.dataDir, 'portal.db'))
  fs.cpSync(path.join(backups, 'uploads'), path.join(restored.dataDir, 'uploads'), { recursive: true })
  try {
    const startedIn = await restored.start()
    expect(startedIn).toBeLessThan(10_000)
    const db = new Database(path.join(restored.dataDir, 'portal.db'), { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      // every file the restored rows name is there, with the bytes of its hash
      const files = db.prepare('select storage_key, sha256 from document_files').all() as {
        storage_key: string
        sha256: string
      }[]
      expect(files.length).toBeGreaterThan(0)
      const bad = files.filter((f) => {
        const p = path.join(restored.dataDir, 'uploads', f.storage_key.slice(0, 2), f.storage_key)
        return !fs.existsSync(p) || sha(fs.readFileSync(p)) !== f.sha256
      })
      expect(bad, 'restored rows without their file').toEqual([])
      // the backup holds everything answered before it began
      const present = db.prepare('select count(*) from documents where id = ?').pluck()
      const lost = [...answeredBeforeBackup].filter((id) => present.get(id) !== 1)
      expect(lost, 'documents answered before the backup').toEqual([])
    } finally {
      db.close()
    }
    expect((await fetch(`${restored.url}/healthz`)).status).toBe(200)
    expect(await signInCookie(restored.url, 'mx.focal@rcm.example')).toBeTruthy()
    // the restored portal serves a restored file
    const restoredToken = await apiTokenWith(
      restored.url,
      await signInCookie(restored.url, 'mx.focal@rcm.example'),
    )
    const [someId] = [...answeredBeforeBackup]
    const r = await fetch(`${restored.url}/api/v1/documents/${someId}`, {
      headers: { Authorization: `Bearer ${restoredToken}` },
    })
    expect(r.status).toBe(200)
  } finally {
    await restored.stop()
  }
})

test("README's restore over the live DATA_DIR: stop, copy the backup over portal.db, drop -wal/-shm, start", async () => {
  const backups = path.resolve('tests/.tmp/attack-backups')
  const backupFile = path.join(backups, 'portal-backup.db')
  const backedUp = new Database(backupFile, { readonly: true })
  const expected = backedUp.prepare('select count(*) from documents').pluck().get()
  backedUp.close()
  // writes after the backup, which the restore must drop
  const stop = writeLoad(server.url)
  const uploads = acked.documents.size
  for (let t = 0; t < 200 && acked.documents.size === uploads; t++)
    await new Promise((r) => setTimeout(r, 50))
  await stop()
  await server.stop()
  const db = path.join(server.dataDir, 'portal.db')
  fs.copyFileSync(backupFile, db)
  for (const extra of ['-wal', '-shm']) fs.rmSync(db + extra, { force: true })
  fs.cpSync(path.join(backups, 'uploads'), path.join(server.dataDir, 'uploads'), { recursive: true })
  expect(await server.start()).toBeLessThan(5000)
  const after = new Database(db, { readonly: true })
  try {
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(after.pragma('foreign_key_check')).toEqual([])
    expect(after.prepare('select count(*) from documents').pluck().get()).toBe(expected)
  } finally {
    after.close()
  }
  expect(await signInCookie(server.url, 'mx.focal@rcm.example')).toBeTruthy()
})
