/**
 * The whole cycle through the route actions, as plain form posts (what a browser without JavaScript
 * sends): the secretariat creates a meeting with an agenda, Panama's focal point registers its
 * delegation, the secretariat writes the minutes and circulates them, Mexico comments, the secretariat
 * adopts them and records a decision. Then the pages are rendered in Spanish and English.
 */
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { auditLog } from '@db/schema'
import { MeetingDetail } from '~/modules/meetings/api-schemas'
import * as apiMeeting from '~/routes/api.v1.meetings.$id'
import * as layout from '~/routes/meetings.$id'
import * as agendaTab from '~/routes/meetings.$id._index'
import * as decisionsTab from '~/routes/meetings.$id.decisions'
import * as minutesTab from '~/routes/meetings.$id.minutes'
import * as participantsTab from '~/routes/meetings.$id.participants'
import * as listPage from '~/routes/meetings._index'
import * as register from '~/routes/meetings.decisions'
import * as newPage from '~/routes/meetings.new'
import * as dashboard from '~/routes/_index'
import { freshDemoDb, personByEmail } from './helpers/db'
import { run } from './helpers/route'
import { meetingByNumber, meetingByTitle } from './helpers/demo'

// Pages are rendered to HTML with their loader's data, outside a Remix server (no build needed).
const rendered = vi.hoisted(() => ({ data: null as unknown, action: undefined as unknown, lang: 'es' }))
vi.mock('@remix-run/react', () => {
  const a = ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children)
  return {
    Link: a,
    NavLink: ({ to, children, end: _end, ...rest }: { to: string; children: ReactNode; end?: boolean }) =>
      createElement('a', { href: to, ...rest }, children),
    Form: ({ children, ...rest }: { children: ReactNode }) => createElement('form', rest, children),
    Outlet: () => null,
    useLoaderData: () => rendered.data,
    useActionData: () => rendered.action,
    useRouteLoaderData: () => ({ lang: rendered.lang }),
    useNavigation: () => ({ state: 'idle' }),
    useLocation: () => ({ pathname: '/meetings', search: '' }),
  }
})
function render(component: () => ReactNode, data: unknown, lang: 'es' | 'en' = 'es', action?: unknown) {
  rendered.data = data
  rendered.action = action
  rendered.lang = lang
  return renderToStaticMarkup(createElement(component))
}

beforeEach(() => {
  freshDemoDb()
})

const SECRETARIAT = 'secretariat@rcm.example'

describe('a meeting from creation to its decisions, without JavaScript', () => {
  it('runs the whole cycle', async () => {
    // 1. The secretariat creates the meeting (member states and IOM invited).
    const created = await run(newPage.action, '/meetings/new', {
      as: SECRETARIAT,
      form: {
        kind: 'rcgm',
        titleEs: 'Reunión extraordinaria del GRCM',
        titleEn: 'Extraordinary RCGM meeting',
        timeZone: 'America/Panama',
        startsAt: '2030-05-20T09:00',
        endsAt: '2030-05-21T13:00',
        registrationDeadline: '2030-05-01T23:59',
        place: 'Ciudad de Panamá',
        host: 'PA',
        openness: 'open',
        status: 'confirmed',
        invited: 'PA',
      },
    })
    expect(created.status).toBe(302)
    const id = created.location!.split('/').pop()!
    // a second invitation, through the edit form's repeated checkbox field, keeps the first
    const form = new URLSearchParams()
    for (const [k, v] of Object.entries({
      kind: 'rcgm',
      titleEs: 'Reunión extraordinaria del GRCM',
      titleEn: 'Extraordinary RCGM meeting',
      timeZone: 'America/Panama',
      startsAt: '2030-05-20T09:00',
      endsAt: '2030-05-21T13:00',
      registrationDeadline: '2030-05-01T23:59',
      place: 'Ciudad de Panamá',
      host: 'PA',
      openness: 'open',
      status: 'confirmed',
    }))
      form.append(k, v)
    for (const code of ['PA', 'MX', 'IOM']) form.append('invited', code)
    const { loader: _l, action: editAction } = await import('~/routes/meetings.$id.edit')
    const { makeRequest, cookieFor } = await import('./helpers/db')
    const editRequest = makeRequest(`/meetings/${id}/edit`, {
      cookie: cookieFor(SECRETARIAT),
      method: 'POST',
    })
    const edited = await editAction({
      request: new Request(editRequest.url, { method: 'POST', headers: editRequest.headers, body: form }),
      params: { id },
      context: {},
    })
    expect((edited as Response).status).toBe(302)

    // 2. The agenda: three items and a sub-item; the third moves up.
    const add = async (fields: Record<string, string>) => {
      const r = await run(
        agendaTab.action,
        `/meetings/${id}`,
        { as: SECRETARIAT, form: { intent: 'add', ...fields } },
        { id },
      )
      expect(r.status).toBe(302)
      return r.location!.split('#agenda-').pop()!
    }
    const opening = await add({
      titleEs: 'Apertura',
      titleEn: 'Opening',
      startsAt: '2030-05-20T09:00',
      durationMinutes: '30',
    })
    const reports = await add({ titleEs: 'Informes', titleEn: 'Reports', presenter: 'Secretaría Ejecutiva' })
    const followUp = await add({ titleEs: 'Seguimiento', titleEn: 'Follow-up' })
    await add({ titleEs: 'Informe financiero', titleEn: 'Financial report', parentId: reports })
    const moved = await run(
      agendaTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: { intent: 'move', itemId: followUp, direction: 'up' },
      },
      { id },
    )
    expect(moved.status).toBe(302)
    const agenda = (await run(agendaTab.loader, `/meetings/${id}`, { as: SECRETARIAT }, { id })).data as {
      agenda: { id: string; number: string; title: string }[]
    }
    expect(agenda.agenda.map((a) => `${a.number} ${a.title}`)).toEqual([
      '1 Apertura',
      '2 Seguimiento',
      '3 Informes',
      '3.1 Informe financiero',
    ])
    // a field error comes back at the field, the typed values kept
    const bad = await run(
      agendaTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: { intent: 'add', titleEs: 'Otro', durationMinutes: '0' },
      },
      { id },
    )
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({ result: { error: { durationMinutes: ['meetings.error.duration'] } } })

    // 3. Panama's focal point registers the delegation (the form lists Panama's people).
    const participants = await run(
      participantsTab.loader,
      `/meetings/${id}/participants`,
      { as: 'pa.focal@rcm.example' },
      { id },
    )
    const pform = (
      participants.data as { form: { organization: { code: string }; people: { id: string }[] } }
    ).form
    expect(pform.organization.code).toBe('PA')
    const focal = personByEmail('pa.focal@rcm.example').id
    const snm = personByEmail('pa.snm@rcm.example').id
    expect(pform.people.map((p) => p.id)).toEqual(expect.arrayContaining([focal, snm]))
    const registered = await run(
      participantsTab.action,
      '/',
      {
        as: 'pa.focal@rcm.example',
        form: {
          intent: 'register',
          organization: 'PA',
          [`role-${focal}`]: 'head',
          [`role-${snm}`]: 'adviser',
        },
      },
      { id },
    )
    expect(registered.status).toBe(302)
    const twoHeads = await run(
      participantsTab.action,
      '/',
      {
        as: 'pa.focal@rcm.example',
        form: { intent: 'register', organization: 'PA', [`role-${snm}`]: 'head' },
      },
      { id },
    )
    expect(twoHeads.status).toBe(400)
    const rsvp = (await run(participantsTab.loader, '/', { as: 'pa.snm@rcm.example' }, { id })).data as {
      delegations: {
        organization: { code: string }
        members: { memberId: string; personId: string; canRespond: boolean }[]
      }[]
    }
    const me = rsvp.delegations
      .find((d) => d.organization.code === 'PA')!
      .members.find((m) => m.personId === snm)!
    expect(me.canRespond).toBe(true)
    expect(
      (
        await run(
          participantsTab.action,
          '/',
          {
            as: 'pa.snm@rcm.example',
            form: { intent: 'respond', memberId: me.memberId, answer: 'accepted' },
          },
          { id },
        )
      ).status,
    ).toBe(302)
    const attendance = await run(
      participantsTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: { intent: 'attendance', [`attendance-${me.memberId}`]: 'present' },
      },
      { id },
    )
    expect(attendance.status).toBe(302)

    // 4. The secretariat writes the minutes of the opening, then circulates them.
    const saved = await run(
      minutesTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: {
          intent: 'save',
          agendaItemId: opening,
          baseRevision: '0',
          text: 'La **Presidencia** abrió la sesión.',
        },
      },
      { id },
    )
    expect(saved.status).toBe(302)
    const hiddenDraft = (await run(minutesTab.loader, '/', { as: 'mx.delegate@rcm.example' }, { id }))
      .data as {
      items: { item: { id: string }; minutes: unknown }[]
    }
    expect(hiddenDraft.items.find((i) => i.item.id === opening)!.minutes).toBeNull()
    const past = await run(
      minutesTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: { intent: 'circulate', commentDeadline: '2000-01-01T00:00' },
      },
      { id },
    )
    expect(past.status).toBe(400)
    const circulated = await run(
      minutesTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: { intent: 'circulate', commentDeadline: '2099-01-01T12:00' },
      },
      { id },
    )
    expect(circulated.status).toBe(302)

    // 5. Mexico comments on the circulated minutes.
    const commented = await run(
      minutesTab.action,
      '/',
      {
        as: 'mx.delegate@rcm.example',
        form: {
          intent: 'comment',
          agendaItemId: opening,
          text: 'México sugiere mencionar a las delegaciones presentes.',
        },
      },
      { id },
    )
    expect(commented.status).toBe(302)
    const withComment = (await run(minutesTab.loader, '/', { as: 'pa.focal@rcm.example' }, { id })).data as {
      items: {
        item: { id: string }
        minutes: { status: string; html: string }
        comments: { organization: string }[]
      }[]
    }
    const openingMinutes = withComment.items.find((i) => i.item.id === opening)!
    expect(openingMinutes.minutes.status).toBe('circulated')
    expect(openingMinutes.minutes.html).toContain('<strong>Presidencia</strong>')
    expect(openingMinutes.comments.map((c) => c.organization)).toEqual(['México'])

    // 6. The secretariat adopts them: locked from now on.
    expect(
      (
        await run(
          minutesTab.action,
          '/',
          { as: SECRETARIAT, form: { intent: 'adopt', confirm: 'yes' } },
          { id },
        )
      ).status,
    ).toBe(302)
    const locked = await run(
      minutesTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: { intent: 'save', agendaItemId: opening, baseRevision: '1', text: 'Otro texto' },
      },
      { id },
    )
    expect(locked.status).toBe(403)

    // 7. ...and records a decision on the follow-up item.
    const decided = await run(
      decisionsTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: {
          agendaItemId: followUp,
          textEs: 'Encargar a la Secretaría un informe de seguimiento.',
          textEn: 'Ask the Secretariat for a follow-up report.',
        },
      },
      { id },
    )
    expect(decided.status).toBe(302)
    const decisions = (await run(decisionsTab.loader, '/', { as: 'mx.delegate@rcm.example' }, { id }))
      .data as {
      decisions: { code: string; agendaItem: { number: string } }[]
    }
    expect(decisions.decisions).toEqual([
      expect.objectContaining({
        code: '2030-05-20-RCGM/D.1',
        agendaItem: expect.objectContaining({ number: '2' }),
      }),
    ])

    // The API tells the same story.
    const api = await run(
      apiMeeting.loader,
      `/api/v1/meetings/${id}`,
      { as: 'mx.delegate@rcm.example' },
      { id },
    )
    const record = MeetingDetail.parse(api.data)
    expect(record.invitedOrganizations).toEqual(['MX', 'PA', 'IOM'])
    expect(record.agenda.map((a) => a.number)).toEqual(['1', '2', '3', '3.1'])
    expect(record.agenda[0].minutesStatus).toBe('adopted')
    expect(record.decisions.map((d) => d.code)).toEqual(['2030-05-20-RCGM/D.1'])

    // Every change was audited.
    const actions = db
      .select()
      .from(auditLog)
      .all()
      .filter((e) => e.targetId === id || (e.details as { meetingId?: string } | null)?.meetingId === id)
    for (const a of [
      'meeting.create',
      'meeting.edit',
      'agenda.add',
      'agenda.move',
      'delegation.register',
      'minutes.write',
      'minutes.circulate',
      'minutes.comment',
      'minutes.adopt',
      'decision.record',
    ]) {
      expect(
        actions.map((e) => e.action),
        a,
      ).toContain(a)
    }
  })
})

describe('pages in both languages', () => {
  it('the XXVIII meeting page shows its agenda as "Orden del día" in Spanish and "Agenda" in English', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const header = (await run(layout.loader, `/meetings/${m.id}?lang=es`, { as: SECRETARIAT }, { id: m.id }))
      .data
    const agendaEs = (
      await run(agendaTab.loader, `/meetings/${m.id}?lang=es`, { as: SECRETARIAT }, { id: m.id })
    ).data
    const htmlEs = render(layout.default, header) + render(agendaTab.default, agendaEs)
    expect(htmlEs).toMatch(/Orden del día/)
    expect(htmlEs).toContain('Migración: el desafío regional del siglo XXI')
    expect(htmlEs).toContain('Designación de la Presidencia Pro Tempore 2024')
    expect(htmlEs).toContain(`/meetings/${m.id}.ics`)
    const agendaEn = (
      await run(agendaTab.loader, `/meetings/${m.id}?lang=en`, { as: SECRETARIAT }, { id: m.id })
    ).data
    const htmlEn = render(agendaTab.default, agendaEn, 'en')
    expect(htmlEn).toContain('<h2 id="agenda-title">Agenda</h2>')
    expect(htmlEn).toContain('Designation of the 2024 Pro-Tempore Presidency')
    // the secretariat gets the move buttons as plain forms; a delegate does not
    expect(htmlEn).toContain('name="intent" value="move"')
    const asDelegate = (
      await run(agendaTab.loader, `/meetings/${m.id}`, { as: 'mx.delegate@rcm.example' }, { id: m.id })
    ).data
    expect(render(agendaTab.default, asDelegate, 'en')).not.toContain('value="move"')
  })

  it('the minutes, decisions, list, month view and register render', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const minutes = (await run(minutesTab.loader, '/', { as: 'mx.delegate@rcm.example' }, { id: m.id })).data
    const html = render(minutesTab.default, minutes, 'en')
    expect(html).toContain('Adopted')
    expect(html).toContain('Errata')
    expect(html).not.toContain('<script')
    const decisions = (await run(decisionsTab.loader, '/', { as: 'mx.delegate@rcm.example' }, { id: m.id }))
      .data
    expect(render(decisionsTab.default, decisions, 'es')).toContain('XXVIII-VM/D.3')
    const list = (await run(listPage.loader, '/meetings', { as: 'mx.delegate@rcm.example' })).data
    expect(render(listPage.default, list, 'es')).toContain('XXVIII Reunión Viceministerial')
    const month = (
      await run(listPage.loader, '/meetings?view=month&month=2023-12&lang=en', {
        as: 'mx.delegate@rcm.example',
      })
    ).data
    const monthHtml = render(listPage.default, month, 'en')
    expect(monthHtml).toContain('December 2023')
    expect(monthHtml).toContain('XXVIII Vice-Ministerial Meeting')
    const reg = (
      await run(register.loader, '/meetings/decisions?q=Belice', { as: 'mx.delegate@rcm.example' })
    ).data as {
      items: { code: string }[]
    }
    expect(reg.items.map((d) => d.code)).toContain('XXVIII-VM/D.5')
    expect(render(register.default, reg, 'es')).toContain('Registro de decisiones')
  })

  it('forms render with the field errors and what was typed (no JavaScript needed)', async () => {
    const loaded = (await run(newPage.loader, '/meetings/new?lang=en', { as: SECRETARIAT })).data
    const refused = await run(newPage.action, '/meetings/new', {
      as: SECRETARIAT,
      form: {
        kind: 'workshop',
        titleEs: 'Taller',
        titleEn: 'Workshop typed',
        timeZone: 'America/Panama',
        startsAt: '2030-01-02T09:00',
        endsAt: '2030-01-01T09:00',
        place: 'Panamá',
        openness: 'open',
        status: 'planned',
      },
    })
    const html = render(newPage.default, loaded, 'en', refused.data)
    expect(html).toContain('The meeting cannot end before it starts.')
    expect(html).toMatch(/id="[^"]*endsAt-error"/)
    expect(html).toContain('value="Workshop typed"')
    // every invitable organization is a checkbox with a label
    expect(html.match(/type="checkbox"/g)!.length).toBeGreaterThanOrEqual(30)
    // a refusal of the module (not of the schema) comes back the same way: at its field, text kept
    const taken = await run(newPage.action, '/meetings/new', {
      as: SECRETARIAT,
      form: {
        kind: 'vice_ministerial',
        number: 'XXVIII',
        titleEs: 'Reunión',
        titleEn: 'Meeting typed again',
        timeZone: 'America/Panama',
        startsAt: '2030-01-01T09:00',
        endsAt: '2030-01-02T09:00',
        place: 'Panamá',
        openness: 'open',
        status: 'planned',
      },
    })
    expect(taken.status).toBe(400)
    const takenHtml = render(newPage.default, loaded, 'en', taken.data)
    expect(takenHtml).toContain('Another meeting of this kind already has this number.')
    expect(takenHtml).toMatch(/id="[^"]*number-error"/)
    expect(takenHtml).toContain('value="Meeting typed again"')

    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const { default: EditPage, loader: editLoader } = await import('~/routes/meetings.$id.edit')
    const edit = (await run(editLoader, '/?lang=en', { as: SECRETARIAT }, { id: m.id })).data
    const ehtml = render(EditPage, edit, 'en')
    expect(ehtml).toContain('value="XXVIII"')
    expect(ehtml).toContain('value="2023-12-06T09:00"')
    expect(ehtml).toMatch(/<input[^>]*value="PA"[^>]*checked=""|<input[^>]*checked=""[^>]*value="PA"/)
    expect((await run(editLoader, '/', { as: 'pa.focal@rcm.example' }, { id: m.id })).status).toBe(403)
    const participants = (await run(participantsTab.loader, '/?lang=en', { as: SECRETARIAT }, { id: m.id }))
      .data
    const phtml = render(participantsTab.default, participants, 'en')
    expect(phtml).toContain('Head of delegation')
    expect(phtml).toContain('name="intent" value="attendance"')

    const recent = meetingByTitle('Working Group on Labour Migration')
    const minutesData = (await run(minutesTab.loader, `/?lang=en`, { as: SECRETARIAT }, { id: recent.id }))
      .data as {
      items: { item: { id: string } }[]
    }
    const conflict = {
      intent: 'save',
      result: { status: 'error', error: { '': ['meetings.minutes.conflict'] } },
      conflict: {
        agendaItemId: minutesData.items[0].item.id,
        text: 'Texto guardado por otra persona',
        revision: 3,
        status: 'draft',
        yours: 'Mi texto que no se pierde',
      },
    }
    const mhtml = render(minutesTab.default, minutesData, 'en', conflict)
    expect(mhtml).toContain('Mi texto que no se pierde')
    expect(mhtml).toContain('Texto guardado por otra persona')
    expect(mhtml).toContain('name="baseRevision" value="3"')
  })

  it("the dashboard shows a focal point's upcoming meetings and registrations due", async () => {
    const d = (await run(dashboard.loader, '/', { as: 'pa.focal@rcm.example' })).data as {
      dashboard: { meetings: { upcoming: { title: string }[]; registrationsDue: { title: string }[] } }
    }
    expect(d.dashboard.meetings.registrationsDue.map((m) => m.title)).toEqual(
      expect.arrayContaining(['Primera reunión del Grupo Regional de Consulta sobre Migración']),
    )
    expect(d.dashboard.meetings.upcoming.length).toBeGreaterThanOrEqual(2)
    const html = render(dashboard.default, d, 'es')
    expect(html).toContain('Delegaciones por inscribir')
    // Mexico has registered already; a delegate has no registrations to do
    const mx = (await run(dashboard.loader, '/', { as: 'mx.delegate@rcm.example' })).data as {
      dashboard: { meetings: { registrationsDue: unknown } }
    }
    expect(mx.dashboard.meetings.registrationsDue).toBeNull()
  })
})
