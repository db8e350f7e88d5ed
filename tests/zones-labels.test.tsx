// Date-time fields say which time zone they are in, and shown deadlines name the person's zone.
import { createElement, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { MemoryRouter } from 'react-router-dom'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { MeetingForm } from '~/components/meeting-form'
import { formatDate } from '~/i18n'
import { Deadline } from '~/components/procedures/procedures'
import { DateRange } from '~/components/meetings'
import { freshDemoDb } from './helpers/db'
import { run } from './helpers/route'

const state = vi.hoisted(() => ({ loaderData: null as unknown, lang: 'es' }))
vi.mock('@remix-run/react', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>()
  return {
    ...actual,
    useLoaderData: () => state.loaderData,
    useActionData: () => undefined,
    useRouteLoaderData: () => ({ lang: state.lang }),
    useNavigation: () => ({ state: 'idle' }),
    Form: (props: Record<string, unknown>) => {
      const { children, ...rest } = props
      return createElement('form', rest, children as ReactNode)
    },
    Link: (props: Record<string, unknown>) => {
      const { children, to, prefetch: _p, ...rest } = props
      return createElement('a', { ...rest, href: to as string }, children as ReactNode)
    },
  }
})

const render = (node: ReactNode, lang: 'es' | 'en' = 'es') => {
  state.lang = lang
  return renderToString(node)
}
const options = { hosts: [], invitable: [], groups: [] }

describe('zones at the fields', () => {
  beforeEach(() => freshDemoDb())

  it('the meeting form labels its times with the meeting’s zone', () => {
    const es = render(
      createElement(MeetingForm, {
        lastResult: null,
        defaultValue: { timeZone: 'America/Panama' },
        options,
        submitLabel: 'common.save',
      }),
    )
    expect(es).toContain('Inicio · hora de Panamá (UTC−5)')
    expect(es).toContain('Plazo de inscripción · hora de Panamá (UTC−5)')
    const en = render(
      createElement(MeetingForm, {
        lastResult: null,
        defaultValue: { timeZone: 'America/Guatemala' },
        options,
        submitLabel: 'common.save',
      }),
      'en',
    )
    expect(en).toContain('Starts · Guatemala time (UTC−6)')
  })

  it('a written procedure’s deadline is entered in San José time, said so', async () => {
    const page = await import('~/routes/procedures.new')
    state.loaderData = (
      await run(page.loader as never, '/procedures/new', { as: 'secretariat@rcm.example' })
    ).data
    const html = render(createElement(page.default))
    expect(html).toContain('Plazo · hora de Costa Rica (UTC−6)')
  })

  it('a deadline shows San José’s time and the person’s own, named', () => {
    const at = '2026-12-10T23:00:00Z' // 17:00 in San José, 18:00 in Panama
    const html = render(
      createElement(Deadline, { at, seatZone: 'America/Costa_Rica', ownZone: 'America/Panama' }),
    )
    expect(html).toMatch(/17:00.*San José/)
    expect(html).toMatch(/18:00 en su hora \(hora de Panamá \(UTC−5\)\)/)
  })

  it('the audit log shows its times in the reader’s zone, named', async () => {
    const page = await import('~/routes/admin.audit')
    const data = (await run(page.loader as never, '/admin/audit', { as: 'secretariat@rcm.example' }))
      .data as {
      items: { at: string | Date }[]
    }
    state.loaderData = data
    const html = render(createElement(MemoryRouter, null, createElement(page.default)))
    expect(html).toContain('Horas indicadas: hora de Costa Rica (UTC−6).')
    const first = data.items[0].at
    expect(html).toContain(formatDate('es', first, 'datetime', 'America/Costa_Rica'))
    expect(html).not.toContain(`>${formatDate('es', first, 'datetime', 'UTC')}<`)
  })

  it('a meeting’s times in its own zone, and the start in the reader’s when their clock differs', () => {
    const start = new Date('2026-12-10T14:00:00Z') // 09:00 in Panama, 08:00 in San José
    const end = new Date('2026-12-10T22:00:00Z')
    const panama = render(createElement(DateRange, { start, end, timeZone: 'America/Panama' }))
    expect(panama.replace(/<!-- -->/g, '')).toContain('(hora de Panamá (UTC−5))')
    expect(panama).toMatch(/empieza el [^<]*08:00 en su hora \(hora de Costa Rica \(UTC−6\)\)/)
    const guatemala = render(createElement(DateRange, { start, end, timeZone: 'America/Guatemala' }))
    expect(guatemala.replace(/<!-- -->/g, '')).toContain('(hora de Guatemala (UTC−6))')
    expect(guatemala).not.toContain('en su hora')
  })
})
