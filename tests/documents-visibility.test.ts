import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { documents, groups, organizations, people } from '@db/schema'
import { can, type DocumentRef } from '~/modules/access/can'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { freshDemoDb, viewerFor } from './helpers/db'

const VISIBILITIES = ['public', 'participants', 'members', 'group', 'secretariat'] as const
const HOUR = 60 * 60 * 1000
const NOW = Date.UTC(2030, 0, 1)
const EMBARGOES = { none: null, past: NOW - HOUR, future: NOW + HOUR } as const

/** Every role the rules distinguish: the public, the secretariat, member states (state and national
 * institution people), observer states and organizations in and out of the group, civil society. */
function viewers(): [string, Viewer | null][] {
  const emails = [
    'secretariat@rcm.example',
    'pa.focal@rcm.example',
    'pa.snm@rcm.example',
    'mx.delegate@rcm.example',
    'co.observer@rcm.example',
    'iom@rcm.example',
    'unhcr@rcm.example',
    'rrocm.focal@rcm.example',
  ]
  const list: [string, Viewer | null][] = [['anonymous', null]]
  for (const e of emails) list.push([e, viewerFor(e)])
  // A person whose organization is itself a national institution (the rule treats it as member side).
  const snm = db.select().from(organizations).where(eq(organizations.code, 'PA-SNM')).get()!
  list.push([
    'institution',
    { ...viewerFor('pa.snm@rcm.example'), organizationId: snm.id, organizationKind: 'national_institution' },
  ])
  return list
}

describe('document visibility: can() and the SQL rule agree', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('on every role x visibility x embargo x owner combination (and deleted ones)', () => {
    const org = (code: string) =>
      db.select().from(organizations).where(eq(organizations.code, code)).get()!.id
    const groupId = db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!.id
    const uploader = db.select().from(people).where(eq(people.email, 'secretariat@rcm.example')).get()!.id
    const owners = ['PA', 'MX', 'IOM', 'SECRETARIAT'].map(org)
    const rows: (DocumentRef & { id: string })[] = []
    let n = 1000
    for (const visibility of VISIBILITIES)
      for (const embargo of Object.values(EMBARGOES))
        for (const owner of owners)
          for (const deleted of [false, true]) {
            n++
            const row = db
              .insert(documents)
              .values({
                reference: `TEST/${n}`,
                searchRowid: n,
                titleEs: `Prueba ${n}`,
                originalLanguage: 'es',
                kind: 'other',
                ownerOrganizationId: owner,
                uploadedById: uploader,
                visibility,
                groupId: visibility === 'group' ? groupId : null,
                embargoUntil: embargo === null ? null : new Date(embargo),
                deletedAt: deleted ? new Date(NOW - HOUR) : null,
              })
              .returning()
              .get()
            rows.push({ ...row, id: row.id })
          }
    let compared = 0
    for (const [who, viewer] of viewers()) {
      for (const includeDeleted of [false, true]) {
        const visible = new Set(
          db
            .select({ id: documents.id })
            .from(documents)
            .where(and(visibleDocumentsWhere(viewer, NOW, { includeDeleted }), eq(documents.kind, 'other')))
            .all()
            .map((r) => r.id),
        )
        for (const row of rows) {
          if (row.deletedAt && !includeDeleted && viewer?.role === 'secretariat') continue
          const expected = withClock(NOW, () => can(viewer, 'document.view', row))
          const label = `${who} ${row.visibility} embargo=${String(row.embargoUntil)} owner=${row.ownerOrganizationId} deleted=${Boolean(row.deletedAt)}`
          expect(visible.has(row.id), label).toBe(expected)
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(1000)
  })

  it('lets each level be seen by exactly its audience', () => {
    const base = { groupId: null, embargoUntil: null, ownerOrganizationId: 'nobody' }
    const pa = viewerFor('pa.focal@rcm.example')
    const snm = viewerFor('pa.snm@rcm.example')
    const co = viewerFor('co.observer@rcm.example')
    const iom = viewerFor('iom@rcm.example')
    const unhcr = viewerFor('unhcr@rcm.example')
    const sec = viewerFor('secretariat@rcm.example')
    const sees = (
      v: Viewer | null,
      visibility: DocumentRef['visibility'],
      extra: Partial<DocumentRef> = {},
    ) => can(v, 'document.view', { ...base, visibility, ...extra })
    expect(sees(null, 'public')).toBe(true)
    expect(sees(null, 'participants')).toBe(false)
    expect(sees(co, 'participants')).toBe(true)
    expect(sees(pa, 'members')).toBe(true)
    expect(sees(snm, 'members')).toBe(true)
    expect(sees(co, 'members')).toBe(false)
    expect(sees(iom, 'members')).toBe(false)
    const group = snm.groupIds[0]
    expect(sees(iom, 'group', { groupId: group })).toBe(true)
    expect(sees(unhcr, 'group', { groupId: group })).toBe(false)
    expect(sees(pa, 'group', { groupId: group })).toBe(false)
    expect(sees(sec, 'group', { groupId: group })).toBe(true)
    expect(sees(pa, 'secretariat')).toBe(false)
    expect(sees(sec, 'secretariat')).toBe(true)
  })

  it('embargo: before the moment only the owner organization and the secretariat, after it the level applies', () => {
    const pa = viewerFor('pa.focal@rcm.example')
    const mx = viewerFor('mx.delegate@rcm.example')
    const sec = viewerFor('secretariat@rcm.example')
    const doc = (until: number): DocumentRef => ({
      visibility: 'public',
      groupId: null,
      embargoUntil: until,
      ownerOrganizationId: pa.organizationId,
    })
    withClock(NOW, () => {
      expect(can(null, 'document.view', doc(NOW + 1))).toBe(false)
      expect(can(mx, 'document.view', doc(NOW + 1))).toBe(false)
      expect(can(pa, 'document.view', doc(NOW + 1))).toBe(true)
      expect(can(sec, 'document.view', doc(NOW + 1))).toBe(true)
      expect(can(null, 'document.view', doc(NOW))).toBe(true)
      expect(can(mx, 'document.view', doc(NOW - 1))).toBe(true)
    })
  })

  it('publishing: observers never as members, groups only one’s own, secretariat level only the secretariat', () => {
    const up = (email: string, visibility: DocumentRef['visibility'], groupId: string | null = null) =>
      can(viewerFor(email), 'document.upload', { visibility, groupId })
    const group = viewerFor('pa.snm@rcm.example').groupIds[0]
    expect(up('co.observer@rcm.example', 'members')).toBe(false)
    expect(up('iom@rcm.example', 'members')).toBe(false)
    expect(up('co.observer@rcm.example', 'participants')).toBe(true)
    expect(up('pa.focal@rcm.example', 'members')).toBe(true)
    expect(up('pa.focal@rcm.example', 'group', group)).toBe(false)
    expect(up('iom@rcm.example', 'group', group)).toBe(true)
    expect(up('secretariat@rcm.example', 'group', group)).toBe(true)
    expect(up('pa.focal@rcm.example', 'secretariat')).toBe(false)
    expect(up('secretariat@rcm.example', 'secretariat')).toBe(true)
    expect(can(null, 'document.upload', { visibility: 'public', groupId: null })).toBe(false)
  })

  it('maintenance: owner organization and secretariat; restoring: secretariat only', () => {
    const pa = viewerFor('pa.focal@rcm.example')
    const doc: DocumentRef = {
      visibility: 'members',
      groupId: null,
      embargoUntil: null,
      ownerOrganizationId: pa.organizationId,
    }
    for (const action of ['document.addVersion', 'document.edit', 'document.delete'] as const) {
      expect(can(pa, action, doc)).toBe(true)
      expect(can(viewerFor('pa.snm@rcm.example'), action, doc)).toBe(true)
      expect(can(viewerFor('mx.delegate@rcm.example'), action, doc)).toBe(false)
      expect(can(viewerFor('secretariat@rcm.example'), action, doc)).toBe(true)
      expect(can(null, action, doc)).toBe(false)
    }
    const deleted = { ...doc, deletedAt: NOW }
    expect(can(pa, 'document.restore', deleted)).toBe(false)
    expect(can(pa, 'document.view', deleted)).toBe(false)
    expect(can(viewerFor('secretariat@rcm.example'), 'document.restore', deleted)).toBe(true)
    expect(can(viewerFor('secretariat@rcm.example'), 'document.restore', doc)).toBe(false)
    expect(can(pa, 'document.viewDownloads', doc)).toBe(false)
    expect(can(viewerFor('secretariat@rcm.example'), 'document.viewDownloads', doc)).toBe(true)
  })
})

/** can() reads the clock for embargoes: run it at a fixed moment. */
function withClock<T>(at: number, fn: () => T): T {
  const real = Date.now
  Date.now = () => at
  try {
    return fn()
  } finally {
    Date.now = real
  }
}
