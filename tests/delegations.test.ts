/**
 * Delegations as they really are (decision 0028), through the routes: a focal point registers a member
 * without a portal account with their logistics; logistics are seen only by the secretariat and the
 * member's own delegation (page, print, badges, API); the invitation letter (a PDF built in a child
 * process, read back with unpdf) in Spanish and English; the retention job with a fake clock. Refused
 * cases: another state's delegation, another delegation's logistics and letter (404), bad input — each
 * with its message at the field in the person's language, the text typed kept and nothing changed.
 */
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { auditLog, delegationLogistics, delegationMembers, meetings } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import { stopChildJobs } from '~/modules/core/child-jobs.server'
import { MeetingDetail } from '~/modules/meetings/api-schemas'
import { LOGISTICS_WINDOW_DAYS } from '~/modules/meetings/delegation-schemas'
import { purgeExpiredLogistics } from '~/modules/meetings/logistics.server'
import { sweep } from '~/modules/startup.server'
import * as apiMeeting from '~/routes/api.v1.meetings.$id'
import * as participantsTab from '~/routes/meetings.$id.participants'
import * as memberPage from '~/routes/meetings.$id.participants_.$memberId'
import * as newMember from '~/routes/meetings.$id.participants_.new'
import * as letter from '~/routes/meetings.$id_.participants.$memberId.letter[.]pdf'
import * as badges from '~/routes/meetings.$id_.participants.badges'
import * as printPage from '~/routes/meetings.$id_.participants.print'
import { freshDemoDb, personByEmail } from './helpers/db'
import { meetingByTitle } from './helpers/demo'
import { run, type Handler } from './helpers/route'

const rendered = vi.hoisted(() => ({ data: null as unknown, action: undefined as unknown, lang: 'es' }))
vi.mock('@remix-run/react', () => {
  const a = ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children)
  return {
    Link: a,
    Form: ({ children, ...rest }: { children: ReactNode }) => createElement('form', rest, children),
    useLoaderData: () => rendered.data,
    useActionData: () => rendered.action,
    useRouteLoaderData: () => ({ lang: rendered.lang }),
    useNavigation: () => ({ state: 'idle' }),
  }
})
function render(component: () => ReactNode, data: unknown, lang: 'es' | 'en', action?: unknown) {
  rendered.data = data
  rendered.action = action
  rendered.lang = lang
  return renderToStaticMarkup(createElement(component))
}

const SECRETARIAT = 'secretariat@rcm.example'
const PA_FOCAL = 'pa.focal@rcm.example'
const CR_FOCAL = 'cr.focal@rcm.example'
const VICE_MINISTER = 'Marcela Solís Araya'

let next: ReturnType<typeof meetingByTitle>
beforeEach(() => {
  freshDemoDb()
  next = meetingByTitle('First meeting of the Regional Consultation Group')
})
afterAll(() => stopChildJobs())

const members = () =>
  db
    .select()
    .from(delegationMembers)
    .where(eq(delegationMembers.meetingId, next.id))
    .orderBy(delegationMembers.id)
    .all()
const logistics = () => db.select().from(delegationLogistics).orderBy(delegationLogistics.memberId).all()
const snapshot = () => ({ members: members(), logistics: logistics() })

/** The seeded Vice-Minister of Costa Rica, who has no account. */
function viceMinister() {
  const m = db
    .select()
    .from(delegationMembers)
    .where(and(eq(delegationMembers.meetingId, next.id), eq(delegationMembers.name, VICE_MINISTER)))
    .get()
  if (!m) throw new Error('no Vice-Minister in the demo data')
  return m
}

/** Local wall-clock value `days` after the meeting starts, in its zone (America/Guatemala, UTC-6). */
function local(from: Date, days: number, time = '10:00') {
  const d = new Date(from.getTime() + days * 24 * 3600 * 1000 - 6 * 3600 * 1000)
  return `${d.toISOString().slice(0, 10)}T${time}`
}

const newForm = (over: Record<string, string> = {}) => ({
  organization: 'PA',
  name: 'Roberto Ábrego Núñez',
  title: 'Viceministro de Relaciones Exteriores',
  institution: 'Ministerio de Relaciones Exteriores',
  email: 'rabrego@mire.example',
  role: 'head',
  arrivalAt: local(next.startsAt, -1, '16:30'),
  departureAt: local(next.endsAt, 1, '08:00'),
  accessibility: 'Acompañante para desplazarse',
  dietary: 'Sin gluten',
  ...over,
})

type Failure = { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }

describe('registering a member without an account', () => {
  it("the focal point registers a Vice-Minister into Panama's delegation, with logistics", async () => {
    const created = await run(newMember.action, '/', { as: PA_FOCAL, form: newForm() }, { id: next.id })
    expect(created.status).toBe(302)
    const row = members().find((m) => m.name === 'Roberto Ábrego Núñez')!
    expect(created.location).toBe(`/meetings/${next.id}/participants/${row.id}?saved=added`)
    expect(row).toMatchObject({
      personId: null,
      title: 'Viceministro de Relaciones Exteriores',
      institution: 'Ministerio de Relaciones Exteriores',
      email: 'rabrego@mire.example',
      role: 'head',
      organizationId: personByEmail(PA_FOCAL).organizationId,
      registeredById: personByEmail(PA_FOCAL).id,
    })
    const l = logistics().find((x) => x.memberId === row.id)!
    // 16:30 in Guatemala is 22:30 UTC
    expect(l.arrivalAt!.toISOString().slice(11, 16)).toBe('22:30')
    expect(l).toMatchObject({ accessibility: 'Acompañante para desplazarse', dietary: 'Sin gluten' })
    const entry = db.select().from(auditLog).orderBy(desc(auditLog.at)).limit(1).get()!
    expect(entry).toMatchObject({ action: 'delegation.addMember', targetId: row.id })
    // the audit log carries no personal data of the member
    expect(JSON.stringify(entry.details)).not.toContain('Ábrego')

    // the participants page lists them, marked as without an account, with a link to their page
    const tab = await run(participantsTab.loader, '/?lang=en', { as: PA_FOCAL }, { id: next.id })
    const html = render(participantsTab.default, tab.data, 'en')
    expect(html).toContain('Roberto Ábrego Núñez')
    expect(html).toContain('no portal account')
    expect(html).toContain(`/meetings/${next.id}/participants/${row.id}`)
    expect(html).toContain(`/meetings/${next.id}/participants/new?org=PA`)

    // the member page states the retention rule on the form, in the person's language
    const page = await run(
      memberPage.loader,
      '/?lang=es',
      { as: PA_FOCAL },
      { id: next.id, memberId: row.id },
    )
    expect(page.status).toBe(200)
    const phtml = render(memberPage.default, page.data, 'es')
    expect(phtml).toContain('Solo la ven la Secretaría Ejecutiva y su propia delegación')
    expect(phtml).toContain('Se elimina 30 días después del fin de la reunión')
    expect(phtml).toContain('>Sin gluten</textarea>')
    expect(phtml).toContain('Descargar la carta (PDF)')
  })

  it('a second head is refused at the role field; the focal point edits and removes the member', async () => {
    const first = await run(newMember.action, '/', { as: PA_FOCAL, form: newForm() }, { id: next.id })
    expect(first.status).toBe(302)
    const before = snapshot()
    const second = await run(
      newMember.action,
      '/?lang=en',
      { as: PA_FOCAL, form: newForm({ name: 'Otra Jefa' }) },
      { id: next.id },
    )
    expect(second.status).toBe(400)
    expect((second.data as Failure).result.error.role).toEqual(['meetings.error.oneHead'])
    expect(snapshot()).toEqual(before)

    const row = members().find((m) => m.name === 'Roberto Ábrego Núñez')!
    const saved = await run(
      memberPage.action,
      '/',
      {
        as: PA_FOCAL,
        form: { ...newForm({ title: 'Viceministro', dietary: '' }), intent: 'save' },
      },
      { id: next.id, memberId: row.id },
    )
    expect(saved.status).toBe(302)
    expect(members().find((m) => m.id === row.id)!.title).toBe('Viceministro')
    expect(logistics().find((l) => l.memberId === row.id)!.dietary).toBeNull()

    const removed = await run(
      memberPage.action,
      '/',
      { as: PA_FOCAL, form: { intent: 'remove' } },
      { id: next.id, memberId: row.id },
    )
    expect(removed.location).toBe(`/meetings/${next.id}/participants?saved=removed`)
    expect(members().some((m) => m.id === row.id)).toBe(false)
    expect(logistics().some((l) => l.memberId === row.id)).toBe(false)
  })

  it("refuses a focal point registering into another state's delegation: message at the field, text kept", async () => {
    const before = snapshot()
    const audits = db.select().from(auditLog).all().length
    const answer = await run(
      newMember.action,
      '/?lang=es',
      { as: PA_FOCAL, form: newForm({ organization: 'CR' }) },
      { id: next.id },
    )
    expect(answer.status).toBe(403)
    const failure = answer.data as Failure
    expect(failure.result.error.organization).toEqual(['delegations.error.notYourDelegation'])
    expect(failure.result.initialValue.name).toBe('Roberto Ábrego Núñez')
    expect(snapshot()).toEqual(before)
    // the refusal is audited, nothing else written
    const after = db.select().from(auditLog).all()
    expect(after.length).toBe(audits + 1)
    expect(after.at(-1)).toMatchObject({ action: 'delegation.register', outcome: 'refused' })

    const form = await run(newMember.loader, '/?lang=es', { as: PA_FOCAL }, { id: next.id })
    const html = render(newMember.default, form.data, 'es', answer.data)
    expect(html).toContain(
      'Solo puede registrar miembros en la delegación de su propia organización, antes del cierre de la inscripción.',
    )
    expect(html).toMatch(/id="organization-error"/)
    expect(html).toContain('value="Roberto Ábrego Núñez"')
    expect(html).toContain('value="Viceministro de Relaciones Exteriores"')
    // the form offers Panama only
    expect(html).not.toContain('value="CR"')
  })

  it('a delegate without registration rights gets no form (403), and the form of a hidden meeting is 404', async () => {
    expect(
      (await run(newMember.loader, '/', { as: 'mx.delegate@rcm.example' }, { id: next.id })).status,
    ).toBe(403)
    const before = snapshot()
    const posted = await run(
      newMember.action,
      '/',
      { as: 'mx.delegate@rcm.example', form: newForm({ organization: 'MX' }) },
      { id: next.id },
    )
    expect(posted.status).toBe(403)
    expect(snapshot()).toEqual(before)
    const troika = meetingByTitle('Troika meeting')
    expect(
      (await run(newMember.loader, '/', { as: 'co.observer@rcm.example' }, { id: troika.id })).status,
    ).toBe(404)
  })

  it.each([
    [
      'departure before arrival',
      () => ({ arrivalAt: local(next.startsAt, 0, '12:00'), departureAt: local(next.startsAt, 0, '09:00') }),
      'departureAt',
      'delegations.error.departureBeforeArrival',
      'The departure cannot be before the arrival.',
    ],
    [
      'arrival a year before the meeting',
      () => ({ arrivalAt: local(next.startsAt, -365) }),
      'arrivalAt',
      'delegations.error.arrivalOutside',
      'The arrival must be at most 14 days before the meeting starts, and no later than its end.',
    ],
    [
      'departure a month after the meeting',
      () => ({ departureAt: local(next.endsAt, 30) }),
      'departureAt',
      'delegations.error.departureOutside',
      'The departure must be after the meeting starts, and at most 14 days after it ends.',
    ],
    [
      'a malformed e-mail',
      () => ({ email: 'rabrego@@mire' }),
      'email',
      'validation.email',
      'Enter a valid e-mail address, such as name@example.org.',
    ],
    ['no name', () => ({ name: '   ' }), 'name', 'validation.required', 'This field is required.'],
  ])('refuses %s at its field, keeps the text, changes nothing', async (_case, over, field, key, text) => {
    const before = snapshot()
    const form = newForm(over())
    const answer = await run(newMember.action, '/?lang=en', { as: PA_FOCAL, form }, { id: next.id })
    expect(answer.status).toBe(400)
    const failure = answer.data as Failure
    expect(failure.result.error[field]).toEqual([key])
    expect(failure.result.initialValue.institution).toBe('Ministerio de Relaciones Exteriores')
    expect(snapshot()).toEqual(before)
    const page = await run(newMember.loader, '/?lang=en', { as: PA_FOCAL }, { id: next.id })
    const html = render(newMember.default, page.data, 'en', answer.data)
    expect(html).toContain(text)
    // the window the messages name is the one the service checks
    if (key.endsWith('Outside')) expect(text).toContain(`${LOGISTICS_WINDOW_DAYS} days`)
    expect(html).toMatch(new RegExp(`id="${field}-error"`))
    expect(html).toContain('value="Ministerio de Relaciones Exteriores"')
  })

  it('the same date checks guard the logistics of a member with an account', async () => {
    const mx = members().find((m) => m.personId === personByEmail('mx.delegate@rcm.example').id)!
    const before = snapshot()
    const answer = await run(
      memberPage.action,
      '/',
      { as: 'mx.delegate@rcm.example', form: { intent: 'save', arrivalAt: local(next.startsAt, -40) } },
      { id: next.id, memberId: mx.id },
    )
    expect(answer.status).toBe(400)
    expect((answer.data as Failure).result.error.arrivalAt).toEqual(['delegations.error.arrivalOutside'])
    expect(snapshot()).toEqual(before)
    // their own logistics, within the window: saved
    const ok = await run(
      memberPage.action,
      '/',
      {
        as: 'mx.delegate@rcm.example',
        form: { intent: 'save', arrivalAt: local(next.startsAt, -2), dietary: 'Kosher' },
      },
      { id: next.id, memberId: mx.id },
    )
    expect(ok.status).toBe(302)
    expect(logistics().find((l) => l.memberId === mx.id)).toMatchObject({ dietary: 'Kosher' })
    // a delegate cannot rename themselves through the details of the form: the fields are ignored
    expect(members().find((m) => m.id === mx.id)!.name).toBeNull()
    // leaving the delegation takes the logistics along (the secretariat changes Mexico's delegation)
    const left = await run(
      participantsTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: { intent: 'register', organization: 'MX', [`role-${mx.personId}`]: 'none' },
      },
      { id: next.id },
    )
    expect(left.status).toBe(302)
    expect(members().some((m) => m.id === mx.id)).toBe(false)
    expect(logistics().some((l) => l.memberId === mx.id)).toBe(false)
  })
})

describe("another delegation's logistics do not exist for the viewer", () => {
  it('participants page, print page, member page and API: only the secretariat and Costa Rica see them', async () => {
    const vm = viceMinister()
    type Tab = {
      delegations: { organization: { code: string }; members: { memberId: string; logistics: unknown }[] }[]
    }
    const logisticsOn = async (who: string, loader: Handler) => {
      const data = (await run<Tab>(loader, '/?lang=en', { as: who }, { id: next.id })).data
      return data.delegations.flatMap((d) => d.members).find((m) => m.memberId === vm.id)!.logistics
    }
    for (const loader of [participantsTab.loader, printPage.loader]) {
      expect(await logisticsOn(SECRETARIAT, loader)).toMatchObject({ dietary: 'Vegetariana' })
      expect(await logisticsOn(CR_FOCAL, loader)).toMatchObject({ dietary: 'Vegetariana' })
      for (const who of [
        PA_FOCAL,
        'mx.delegate@rcm.example',
        'cr.delegate1@rcm.example',
        'iom@rcm.example',
      ]) {
        expect(await logisticsOn(who, loader), who).toBeNull()
      }
    }
    // the printed list shows the columns to Costa Rica, not to Panama
    const crPrint = await run(printPage.loader, '/?lang=en', { as: CR_FOCAL }, { id: next.id })
    expect(render(printPage.default, crPrint.data, 'en')).toContain('Vegetariana')
    const paPrint = await run(printPage.loader, '/?lang=en', { as: PA_FOCAL }, { id: next.id })
    const paHtml = render(printPage.default, paPrint.data, 'en')
    expect(paHtml).toContain(VICE_MINISTER) // names are for every participant
    expect(paHtml).not.toContain('Vegetariana')
    expect(paHtml).not.toContain('Silla de ruedas')
    expect(paHtml).not.toContain('Arrival')

    // the member page does not exist for another state, nor for a colleague outside the delegation
    for (const who of [
      PA_FOCAL,
      'mx.delegate@rcm.example',
      'cr.delegate1@rcm.example',
      'co.observer@rcm.example',
    ]) {
      const page = await run(memberPage.loader, '/', { as: who }, { id: next.id, memberId: vm.id })
      expect(page.status, who).toBe(404)
      const before = snapshot()
      const post = await run(
        memberPage.action,
        '/',
        { as: who, form: { intent: 'save', name: 'X', role: 'head', dietary: 'hostile' } },
        { id: next.id, memberId: vm.id },
      )
      expect(post.status, who).toBe(404)
      const remove = await run(
        memberPage.action,
        '/',
        { as: who, form: { intent: 'remove' } },
        { id: next.id, memberId: vm.id },
      )
      expect(remove.status, who).toBe(404)
      expect(snapshot()).toEqual(before)
    }
    expect(
      (await run(memberPage.loader, '/', { as: CR_FOCAL }, { id: next.id, memberId: vm.id })).status,
    ).toBe(200)

    // the API: the same shape for everyone, logistics only where allowed
    const api = async (who: string) => {
      const res = await run(apiMeeting.loader, `/api/v1/meetings/${next.id}`, { as: who }, { id: next.id })
      expect(res.status).toBe(200)
      const body = MeetingDetail.parse(res.data)
      return body.delegations.find((d) => d.organization === 'CR')!.members.find((m) => m.id === vm.id)!
    }
    expect(await api(SECRETARIAT)).toMatchObject({
      name: VICE_MINISTER,
      hasAccount: false,
      logistics: { dietary: 'Vegetariana' },
    })
    expect((await api(CR_FOCAL)).logistics).not.toBeNull()
    for (const who of [PA_FOCAL, 'mx.delegate@rcm.example', 'cr.delegate1@rcm.example', 'iom@rcm.example']) {
      const m = await api(who)
      expect(m.logistics, who).toBeNull()
      expect(m.name).toBe(VICE_MINISTER)
    }
    const raw = await run(apiMeeting.loader, `/api/v1/meetings/${next.id}`, { as: PA_FOCAL }, { id: next.id })
    expect(raw.body).not.toContain('Vegetariana')
    expect(raw.body).not.toContain('Silla de ruedas')
    expect(raw.body).not.toContain('msolis@')
  })

  it('badges: the secretariat prints every delegation, a focal point their own, a delegate none (404)', async () => {
    type Badges = { delegations: { organization: { name: string }; members: { name: string }[] }[] }
    const all = (await run<Badges>(badges.loader, '/?lang=es', { as: SECRETARIAT }, { id: next.id })).data
    expect(all.delegations.map((d) => d.organization.name)).toEqual(
      expect.arrayContaining(['Costa Rica', 'México', 'Guatemala']),
    )
    const cr = await run<Badges>(badges.loader, '/?lang=es&kind=cards', { as: CR_FOCAL }, { id: next.id })
    expect(cr.data.delegations.map((d) => d.organization.name)).toEqual(['Costa Rica'])
    const html = render(badges.default, cr.data, 'es')
    expect(html).toContain(VICE_MINISTER)
    expect(html).toContain('Costa Rica')
    expect(html).not.toMatch(/>CR</)
    const badgeHtml = render(badges.default, { ...all, kind: 'badges' }, 'en')
    expect(badgeHtml).toContain('Viceministra de Gobernación y Policía')
    expect(badgeHtml).toContain('Head of delegation')
    expect((await run(badges.loader, '/', { as: 'mx.delegate@rcm.example' }, { id: next.id })).status).toBe(
      404,
    )
  })
})

describe('the invitation letter', () => {
  async function pdfText(bytes: Uint8Array | null) {
    const pdf = await getDocumentProxy(new Uint8Array(bytes!))
    const { text } = await extractText(pdf, { mergePages: true })
    return text.replace(/\s+/g, ' ')
  }

  it('in Spanish and in English, with the accents, for the focal point; 404 for another delegation', async () => {
    const vm = viceMinister()
    const es = await run(letter.loader, '/?language=es', { as: CR_FOCAL }, { id: next.id, memberId: vm.id })
    expect(es.status).toBe(200)
    expect(es.headers.get('Content-Type')).toBe('application/pdf')
    expect(es.headers.get('Content-Disposition')).toMatch(/^attachment;/)
    expect(es.headers.get('Cache-Control')).toContain('no-store')
    expect(Buffer.from(es.bytes!).subarray(0, 5).toString()).toBe('%PDF-')
    const esText = await pdfText(es.bytes)
    for (const s of [
      'Conferencia Regional sobre Migración',
      'Secretaría Ejecutiva',
      VICE_MINISTER,
      'Viceministra de Gobernación y Policía',
      'Ministerio de Gobernación y Policía',
      'Primera reunión del Grupo Regional de Consulta sobre Migración',
      'Ciudad de Guatemala, Guatemala',
      'en calidad de jefe o jefa de la delegación de Costa Rica',
      'visado',
    ]) {
      expect(esText).toContain(s)
    }
    const en = await run(
      letter.loader,
      '/?language=en&lang=es',
      { as: CR_FOCAL },
      { id: next.id, memberId: vm.id },
    )
    const enText = await pdfText(en.bytes)
    expect(enText).toContain('Executive Secretariat')
    expect(enText).toContain('First meeting of the Regional Consultation Group on Migration')
    expect(enText).toContain('visa application')
    expect(enText).not.toContain('Secretaría Ejecutiva')

    for (const who of [PA_FOCAL, 'cr.delegate1@rcm.example', 'mx.delegate@rcm.example']) {
      const refused = await run(letter.loader, '/?language=es', { as: who }, { id: next.id, memberId: vm.id })
      expect(refused.status, who).toBe(404)
    }
    // a member with an account gets their own letter; the secretariat anyone's
    const mx = members().find((m) => m.personId === personByEmail('mx.delegate@rcm.example').id)!
    expect(
      (await run(letter.loader, '/', { as: 'mx.delegate@rcm.example' }, { id: next.id, memberId: mx.id }))
        .status,
    ).toBe(200)
    expect(
      (await run(letter.loader, '/', { as: SECRETARIAT }, { id: next.id, memberId: vm.id })).status,
    ).toBe(200)
    // an unknown member id and a member of another meeting look the same
    expect(
      (await run(letter.loader, '/', { as: SECRETARIAT }, { id: next.id, memberId: 'nothing' })).status,
    ).toBe(404)
  })

  it('names a one-day meeting by its day, and an online one as such', async () => {
    const troika = meetingByTitle('Troika meeting')
    const pa = db.select().from(delegationMembers).where(eq(delegationMembers.meetingId, troika.id)).all()
    const member = pa.length
      ? pa[0]
      : db
          .insert(delegationMembers)
          .values({
            meetingId: troika.id,
            organizationId: personByEmail(PA_FOCAL).organizationId,
            name: 'Ana Viceministra',
            role: 'head',
          })
          .returning()
          .get()
    const res = await run(
      letter.loader,
      '/?language=en',
      { as: SECRETARIAT },
      { id: troika.id, memberId: member.id },
    )
    expect(res.status).toBe(200)
    const text = await pdfText(res.bytes)
    expect(text).toMatch(/to be held in an online format on \d{1,2} [A-Z][a-z]+ \d{4}\./)
  })

  it('writes a name outside WinAnsi without failing', async () => {
    const vm = viceMinister()
    db.update(delegationMembers).set({ name: 'Łucja Nguyễn 李' }).where(eq(delegationMembers.id, vm.id)).run()
    const res = await run(letter.loader, '/?language=en', { as: CR_FOCAL }, { id: next.id, memberId: vm.id })
    expect(res.status).toBe(200)
    expect(await pdfText(res.bytes)).toContain('Lucja Nguyen ?')
  })
})

describe('retention: logistics are deleted a set number of days after the meeting', () => {
  const DAY = 24 * 3600 * 1000
  it('keeps them until LOGISTICS_RETENTION_DAYS after the end, then deletes whole rows (fake clock)', () => {
    const vm = viceMinister()
    const end = next.endsAt.getTime()
    expect(purgeExpiredLogistics(new Date(end + 29 * DAY))).toBe(0)
    expect(logistics().some((l) => l.memberId === vm.id)).toBe(true)
    expect(purgeExpiredLogistics(new Date(end + 31 * DAY))).toBeGreaterThanOrEqual(1)
    expect(logistics().some((l) => l.memberId === vm.id)).toBe(false)
    // the member stays in the delegation; only the logistics go
    expect(viceMinister().name).toBe(VICE_MINISTER)
    const entry = db.select().from(auditLog).where(eq(auditLog.action, 'delegation.purgeLogistics')).get()
    expect(entry?.details).toMatchObject({ retentionDays: 30 })
  })

  it('follows the setting and the meeting as it stands; the start-up sweep runs it', () => {
    const vm = viceMinister()
    process.env.LOGISTICS_RETENTION_DAYS = '5'
    resetEnvCache()
    try {
      // the meeting moved a week later: its logistics are kept a week longer
      const moved = new Date(next.endsAt.getTime() + 7 * DAY)
      db.update(meetings).set({ endsAt: moved }).where(eq(meetings.id, next.id)).run()
      expect(purgeExpiredLogistics(new Date(next.endsAt.getTime() + 6 * DAY))).toBe(0)
      sweep(moved.getTime() + 6 * DAY)
      expect(logistics().some((l) => l.memberId === vm.id)).toBe(false)
    } finally {
      delete process.env.LOGISTICS_RETENTION_DAYS
      resetEnvCache()
    }
  })

  it('refuses logistics for a meeting already past the retention period', async () => {
    const vm = viceMinister()
    // the meeting ended 40 days ago
    const ended = new Date(Date.now() - 40 * DAY)
    db.update(meetings)
      .set({ startsAt: new Date(ended.getTime() - DAY), endsAt: ended })
      .where(eq(meetings.id, next.id))
      .run()
    const before = snapshot()
    const res = await run(
      memberPage.action,
      '/',
      { as: SECRETARIAT, form: { intent: 'save', name: VICE_MINISTER, role: 'head', dietary: 'Vegana' } },
      { id: next.id, memberId: vm.id },
    )
    expect(res.status).toBe(409)
    expect(snapshot()).toEqual(before)
    expect(db.select().from(delegationMembers).where(isNull(delegationMembers.personId)).all().length).toBe(1)
  })
})
