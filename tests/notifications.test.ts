/**
 * Notifications: events become notifications only for the people who may see the record when they are
 * dispatched (the pages' own rules), mails in each person's language with both parts and the list
 * headers, preferences (off, daily digest in the person's zone), marking read, and the pages.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import {
  groupMemberships,
  groups,
  mailOutbox,
  meetingInvitations,
  meetings,
  notificationPreferences,
  notifications,
  organizations,
} from '@db/schema'
import type { NewDocumentInput } from '~/modules/documents/schemas'
import { receiveFile } from '~/modules/documents/storage.server'
import { createDocument } from '~/modules/documents/writes.server'
import { sendDigests } from '~/modules/notifications/digest.server'
import { dispatchNotifications } from '~/modules/notifications/dispatch.server'
import {
  follow,
  listNotifications,
  markAllRead,
  markRead,
  savePreferences,
  unreadCount,
} from '~/modules/notifications/notifications.server'
import { notify } from '~/modules/notifications/notify.server'
import { NOTIFICATION_KINDS } from '~/modules/notifications/constants'
import { minimalPdf } from './documents-fixtures'
import { action as prefsAction } from '~/routes/account.notifications'
import { action as notificationsAction, loader as notificationsLoader } from '~/routes/notifications'
import { cookieFor, freshDemoDb, makeRequest, personByEmail, viewerFor } from './helpers/db'

const SNM = 'pa.snm@rcm.example' // drafter in pa-smuggling-plan, language es
const IOM = 'iom@rcm.example' // drafter in pa-smuggling-plan
const UNHCR = 'unhcr@rcm.example' // in no drafting group
const MX = 'mx.delegate@rcm.example'
const CO = 'co.observer@rcm.example'

const planGroup = () => db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!

async function groupDocument(by: string, title: string, input: Partial<NewDocumentInput> = {}) {
  async function* bytes() {
    yield minimalPdf(title)
  }
  const file = await receiveFile(bytes(), 'doc.pdf')
  const { id } = await createDocument(
    viewerFor(by),
    { title, kind: 'report', language: 'es', visibility: 'group', group: planGroup().slug, ...input },
    file,
  )
  return id
}

const notesOf = (email: string) =>
  db
    .select()
    .from(notifications)
    .where(eq(notifications.personId, personByEmail(email).id))
    .all()
const mailsTo = (email: string) => db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).all()

beforeEach(() => {
  freshDemoDb()
  // the demo's own notifications (db/seed/notifications.ts) are tested last, on a fresh copy
  db.delete(notifications).run()
})

describe('a document shared with a group', () => {
  it('tells the group members who may see it, not the uploader, not outsiders; mails in their language', async () => {
    const id = await groupDocument(IOM, 'Hoja de ruta del grupo')
    expect(dispatchNotifications()).toBe(1)
    const snm = notesOf(SNM)
    expect(snm).toHaveLength(1)
    expect(snm[0]).toMatchObject({ kind: 'document_new', recordType: 'document', recordId: id, readAt: null })
    expect(notesOf(IOM)).toHaveLength(0) // their own act
    for (const outsider of [UNHCR, MX, CO]) expect(notesOf(outsider), outsider).toHaveLength(0)
    expect(unreadCount(personByEmail(SNM).id)).toBe(1)

    const [mail] = mailsTo(SNM)
    const lang = personByEmail(SNM).language
    expect(mail.kind).toBe('notification')
    expect(mail.subject).toBe(
      lang === 'es' ? 'Documento nuevo: Hoja de ruta del grupo' : 'New document: Hoja de ruta del grupo',
    )
    expect(mail.text).toContain(`[[APP_ORIGIN]]/documents/${id}`)
    expect(mail.html).toContain(`href="[[APP_ORIGIN]]/documents/${id}"`)
    expect(JSON.parse(mail.headers!)).toEqual({
      'Auto-Submitted': 'auto-generated',
      'List-Unsubscribe': '<[[APP_ORIGIN]]/account/notifications>',
    })
    expect(mailsTo(UNHCR)).toHaveLength(0)
    // dispatched once: a second run does nothing more
    expect(dispatchNotifications()).toBe(0)
    expect(notesOf(SNM)).toHaveLength(1)
  })

  it('a new version tells them again; a title with markup is escaped in the HTML part', async () => {
    const id = await groupDocument(IOM, 'Plan <b>v1</b> & anexo')
    dispatchNotifications()
    const { addVersion } = await import('~/modules/documents/writes.server')
    async function* bytes() {
      yield minimalPdf('version two')
    }
    await addVersion(viewerFor(IOM), id, {}, await receiveFile(bytes(), 'v2.pdf'))
    dispatchNotifications()
    expect(
      notesOf(SNM)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['document_new', 'document_version'])
    const html = mailsTo(SNM)
      .map((m) => m.html)
      .join('\n')
    expect(html).toContain('Plan &lt;b&gt;v1&lt;/b&gt; &amp; anexo')
    expect(html).not.toContain('<b>v1</b>')
  })

  it('visibility at dispatch time: removed from the group before the document is shared, nothing', async () => {
    db.delete(groupMemberships)
      .where(
        and(
          eq(groupMemberships.groupId, planGroup().id),
          eq(groupMemberships.personId, personByEmail(SNM).id),
        ),
      )
      .run()
    await groupDocument(IOM, 'Después de la salida')
    dispatchNotifications()
    expect(notesOf(SNM)).toHaveLength(0)
    expect(mailsTo(SNM)).toHaveLength(0)
  })

  it('removed after the event but before its dispatch: still nothing (decided when sent)', async () => {
    await groupDocument(IOM, 'Entre el evento y el envío')
    db.delete(groupMemberships)
      .where(
        and(
          eq(groupMemberships.groupId, planGroup().id),
          eq(groupMemberships.personId, personByEmail(SNM).id),
        ),
      )
      .run()
    dispatchNotifications()
    expect(notesOf(SNM)).toHaveLength(0)
  })

  it('removed from the group after being told: the line stays, without the title or the link', async () => {
    const id = await groupDocument(IOM, 'Plan reservado de Darién')
    dispatchNotifications()
    const before = listNotifications(viewerFor(SNM), 'es').items.find((n) => n.recordId === id)!
    expect(before.title).toBe('Plan reservado de Darién')
    expect(before.path).toBe(`/documents/${id}`)
    db.delete(groupMemberships)
      .where(
        and(
          eq(groupMemberships.groupId, planGroup().id),
          eq(groupMemberships.personId, personByEmail(SNM).id),
        ),
      )
      .run()
    for (const lang of ['es', 'en'] as const) {
      const { items } = listNotifications(viewerFor(SNM), lang)
      expect(JSON.stringify(items)).not.toContain('Plan reservado')
      expect(items.some((n) => n.recordId === id)).toBe(false)
      const hidden = items.find((n) => n.id === before.id)!
      expect(hidden.path).toBe('/notifications')
      expect(hidden.title).toBe(
        lang === 'es' ? 'un registro que ya no puede ver' : 'a record you can no longer see',
      )
    }
    // the page says the same
    const page = await notificationsLoader({
      request: makeRequest('/notifications', { cookie: cookieFor(SNM) }),
      params: {},
      context: {},
    })
    expect(JSON.stringify(page)).not.toContain('Plan reservado')
  })

  it('a follower who may not see the document is not told (following grants nothing)', async () => {
    follow(viewerFor(UNHCR), 'group', planGroup().id)
    await groupDocument(IOM, 'Solo para el grupo')
    dispatchNotifications()
    expect(notesOf(UNHCR)).toHaveLength(0)
    // a public document in that group's name reaches the follower
    await groupDocument(IOM, 'Publicado', { visibility: 'public' })
    dispatchNotifications()
    expect(notesOf(UNHCR)).toHaveLength(1)
  })

  it('one cannot follow a document one cannot see (404)', async () => {
    const id = await groupDocument(IOM, 'Oculto')
    expect(() => follow(viewerFor(UNHCR), 'document', id)).toThrow(/404/)
  })
})

describe('a meeting', () => {
  function meeting(openness: 'open' | 'members_only', invited: string[]) {
    const by = viewerFor('secretariat@rcm.example')
    return db.transaction((tx) => {
      const { id } = tx
        .insert(meetings)
        .values({
          kind: 'workshop',
          titleEs: `Reunión ${openness}`,
          titleEn: `Meeting ${openness}`,
          startsAt: new Date(Date.now() + 30 * 86400000),
          endsAt: new Date(Date.now() + 31 * 86400000),
          openness,
        })
        .returning({ id: meetings.id })
        .get()
      for (const code of invited) {
        const org = tx.select().from(organizations).where(eq(organizations.code, code)).get()!
        tx.insert(meetingInvitations).values({ meetingId: id, organizationId: org.id }).run()
      }
      notify(tx, { kind: 'meeting_created', recordType: 'meeting', recordId: id, actorId: by.id })
      return id
    })
  }

  it('members only: the invited observer is not told, the member state is', () => {
    meeting('members_only', ['MX', 'CO'])
    dispatchNotifications()
    expect(notesOf(MX)).toHaveLength(1)
    expect(notesOf(CO)).toHaveLength(0)
  })

  it('minutes circulated: members of a members-only meeting are told, with a link to the minutes', () => {
    const id = meeting('members_only', ['MX', 'CO'])
    dispatchNotifications()
    db.transaction((tx) =>
      notify(tx, {
        kind: 'minutes_circulated',
        recordType: 'meeting',
        recordId: id,
        params: { path: 'minutes' },
      }),
    )
    dispatchNotifications()
    const mx = notesOf(MX).find((n) => n.kind === 'minutes_circulated')!
    expect(JSON.parse(mx.params).path).toBe(`/meetings/${id}/minutes`)
    expect(notesOf(CO)).toHaveLength(0)
  })

  it('open: the invited observer is told too; an organization not invited is not', () => {
    meeting('open', ['MX', 'CO'])
    dispatchNotifications()
    expect(notesOf(CO)).toHaveLength(1)
    expect(notesOf(UNHCR)).toHaveLength(0)
  })
})

describe('preferences', () => {
  const allModes = (mode: 'immediate' | 'digest' | 'off') =>
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, mode])) as Parameters<typeof savePreferences>[1]

  it('off: the notification is in the portal, no mail', async () => {
    savePreferences(viewerFor(SNM), allModes('off'))
    await groupDocument(IOM, 'Sin correo')
    dispatchNotifications()
    expect(notesOf(SNM)).toHaveLength(1)
    expect(mailsTo(SNM)).toHaveLength(0)
    expect(sendDigests(new Date())).toBe(0)
  })

  it('daily digest: one mail grouping everything, from 7:00 in the person’s zone (Panama), once a day', async () => {
    savePreferences(viewerFor(SNM), allModes('digest'))
    await groupDocument(IOM, 'Primero')
    await groupDocument(IOM, 'Segundo')
    dispatchNotifications()
    expect(mailsTo(SNM)).toHaveLength(0)
    // 11:30 UTC is 06:30 in Panama (UTC-5): not yet
    expect(sendDigests(new Date('2026-12-04T11:30:00Z'))).toBe(0)
    expect(sendDigests(new Date('2026-12-04T12:05:00Z'))).toBe(1)
    const mails = mailsTo(SNM)
    expect(mails).toHaveLength(1)
    expect(mails[0].kind).toBe('digest')
    expect(mails[0].text).toContain('Primero')
    expect(mails[0].text).toContain('Segundo')
    expect(mails[0].subject).toMatch(/2/)
    // later the same day, a new notification waits for tomorrow
    await groupDocument(IOM, 'Tercero')
    dispatchNotifications()
    expect(sendDigests(new Date('2026-12-04T20:00:00Z'))).toBe(0)
    expect(sendDigests(new Date('2026-12-05T12:01:00Z'))).toBe(1)
    expect(mailsTo(SNM)).toHaveLength(2)
  })
})

describe('reading', () => {
  it('lists newest first with names, marks one and all read; another person’s is 404', async () => {
    await groupDocument(IOM, 'Uno')
    await groupDocument(IOM, 'Dos')
    dispatchNotifications()
    const snm = viewerFor(SNM)
    const { items } = listNotifications(snm, 'es')
    expect(items.map((i) => i.title)).toEqual(['Dos', 'Uno'])
    expect(items[0].path).toMatch(/^\/documents\//)
    expect(() => markRead(viewerFor(UNHCR), items[0].id)).toThrow(/404/)
    markRead(snm, items[0].id)
    expect(unreadCount(snm.id)).toBe(1)
    expect(listNotifications(snm, 'es', { unread: true }).items.map((i) => i.title)).toEqual(['Uno'])
    expect(markAllRead(snm)).toBe(1)
    expect(unreadCount(snm.id)).toBe(0)
    expect(listNotifications(snm, 'es', { kind: 'meeting_created' }).items).toHaveLength(0)
  })
})

describe('pages', () => {
  const page = (email: string, url = '/notifications') =>
    notificationsLoader({ request: makeRequest(url, { cookie: cookieFor(email) }), params: {}, context: {} })
  const post = (email: string, url: string, form: Record<string, string>) =>
    (url.startsWith('/account') ? prefsAction : notificationsAction)({
      request: makeRequest(url, { method: 'POST', cookie: cookieFor(email), form }),
      params: {},
      context: {},
    }).catch((r: unknown) => r)

  it('/notifications: the member sees it by name with its link; the outsider sees nothing; signed out goes to sign-in', async () => {
    const id = await groupDocument(IOM, 'Informe del grupo')
    dispatchNotifications()
    const mine = (await page(SNM)) as unknown as {
      data: { items: { title: string; path: string }[]; unreadTotal: number }
    }
    expect(mine.data.items).toEqual([
      expect.objectContaining({ title: 'Informe del grupo', path: `/documents/${id}` }),
    ])
    expect(mine.data.unreadTotal).toBe(1)
    const theirs = (await page(UNHCR)) as unknown as { data: { items: unknown[] } }
    expect(theirs.data.items).toHaveLength(0)
    const anon = await notificationsLoader({
      request: makeRequest('/notifications'),
      params: {},
      context: {},
    }).catch((r: Response) => r)
    expect((anon as Response).status).toBe(302)
  })

  it('mark read by POST; an unknown intent is 400; another person’s notification is 404', async () => {
    await groupDocument(IOM, 'Para leer')
    dispatchNotifications()
    const [n] = notesOf(SNM)
    expect(((await post(UNHCR, '/notifications', { intent: 'read', id: n.id })) as Response).status).toBe(404)
    expect(((await post(SNM, '/notifications', { intent: 'nope' })) as Response).status).toBe(400)
    const ok = (await post(SNM, '/notifications', {
      intent: 'read',
      id: n.id,
      kind: 'document_new',
    })) as Response
    expect(ok.status).toBe(302)
    expect(ok.headers.get('Location')).toBe('/notifications?kind=document_new')
    expect(unreadCount(personByEmail(SNM).id)).toBe(0)
  })

  it('preferences form: a bad value is refused at its field and nothing is saved; a good one is saved', async () => {
    const bad = (await post(SNM, '/account/notifications', {
      intent: 'preferences',
      'mode.document_new': 'sometimes',
      'mode.meeting_created': 'off',
    })) as { init: { status: number }; data: { invalid: string[] } }
    expect(bad.init.status).toBe(400)
    expect(bad.data.invalid).toEqual(['document_new'])
    expect(db.select().from(notificationPreferences).all()).toHaveLength(0)
    const good = (await post(SNM, '/account/notifications', {
      intent: 'preferences',
      'mode.document_new': 'digest',
      'mode.meeting_created': 'off',
    })) as Response
    expect(good.status).toBe(302)
    const saved = db.select().from(notificationPreferences).all()
    expect(saved.map((p) => [p.kind, p.mode]).sort()).toEqual([
      ['document_new', 'digest'],
      ['meeting_created', 'off'],
    ])
  })
})

describe('plans and the demo data', () => {
  it('a comment on a section tells its lead drafter; a reply tells the comment’s author; not outsiders', async () => {
    const { planSections } = await import('@db/schema')
    const { addComment } = await import('~/modules/plans/comments.server')
    const snm = personByEmail(SNM).id
    const iom = personByEmail(IOM).id
    const section = db
      .select()
      .from(planSections)
      .where(inArray(planSections.leadDrafterId, [snm, iom]))
      .get()!
    expect(section).toBeDefined()
    const [lead, other] = section.leadDrafterId === snm ? [SNM, IOM] : [IOM, SNM]
    const before = (email: string) => notesOf(email).length
    const leadBefore = before(lead)
    const commentId = addComment(viewerFor(other), section.planId, {
      sectionId: section.id,
      body: 'Una observación',
    })
    dispatchNotifications()
    const leadNotes = notesOf(lead)
    expect(leadNotes).toHaveLength(leadBefore + 1)
    expect(leadNotes.at(-1)).toMatchObject({
      kind: 'section_comment',
      recordType: 'plan',
      recordId: section.planId,
    })
    expect(JSON.parse(leadNotes.at(-1)!.params).path).toBe(`/plans/${section.planId}/sections/${section.id}`)
    const otherBefore = before(other)
    addComment(viewerFor(lead), section.planId, {
      sectionId: section.id,
      body: 'Respuesta',
      parentId: commentId,
    })
    dispatchNotifications()
    expect(notesOf(other).map((n) => n.kind)).toContain('comment_reply')
    expect(notesOf(other)).toHaveLength(otherBefore + 1)
    expect(notesOf(UNHCR).filter((n) => n.recordType === 'plan')).toHaveLength(0)
  })

  it('the demo delegates start with unread notifications about records they may see', () => {
    freshDemoDb()
    for (const email of ['pa.focal@rcm.example', 'mx.delegate@rcm.example']) {
      const viewer = viewerFor(email)
      expect(unreadCount(viewer.id), email).toBeGreaterThan(0)
      for (const n of listNotifications(viewer, 'en').items) expect(n.title, email).not.toBe('')
    }
  })
})
