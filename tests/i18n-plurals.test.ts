// Plurals right everywhere (issue 14): a count shown with a noun says the noun in the right number, in
// both languages, through Intl.PluralRules (a Plural message, or inline forms for several counts).
import { describe, expect, it } from 'vitest'
import { catalogue } from '~/i18n/catalogue.server'
import { format } from '~/i18n/core'

/** Placeholders that hold a count of things. */
const COUNTS = ['count', 'total', 'done', 'open', 'overdue', 'cancelled', 'unread', 'items']

/** The count placeholders of a text that stand beside a word ("{count} cumplidas", "de {count}
 * puntos"), leaving out inline plural forms and a bare number after a label ("Owned ({count})",
 * "{type}: {count}"). */
function bareCounts(text: string): string[] {
  const withoutInline = text.replace(/\{(\w+), plural,((?:\s*(?:zero|one|other)\s*\{[^{}]*\})+)\s*\}/g, '')
  const found: string[] = []
  for (const m of withoutInline.matchAll(/\{(\w+)\}/g)) {
    if (!COUNTS.includes(m[1])) continue
    const before = withoutInline.slice(0, m.index)
    const after = withoutInline.slice(m.index + m[0].length)
    const labelOnly = /[(:]\s*$/.test(before) && /^\s*(\)|$|[.;,])/.test(after)
    if (!labelOnly) found.push(m[0])
  }
  return found
}

describe('count messages', () => {
  it('every count beside a word has plural forms, in both languages', () => {
    const bad: string[] = []
    for (const lang of ['es', 'en'] as const)
      for (const [key, message] of Object.entries(catalogue[lang]))
        if (typeof message === 'string' && bareCounts(message).length) bad.push(`${lang} ${key}: ${message}`)
    expect(bad).toEqual([])
  })

  it('the scan finds a count without plural forms (the check can fail)', () => {
    expect(bareCounts('{total} acciones: {done} cumplidas')).toEqual(['{total}', '{done}'])
    expect(bareCounts('Owned ({count})')).toEqual([])
    expect(bareCounts('{total, plural, one {# acción} other {# acciones}}')).toEqual([])
  })

  it('says "1 cumplida" and "2 vencidas", not "1 cumplidas" or "2 vencida"', () => {
    const summary = catalogue.es['actions.report.summary']
    expect(format('es', summary, { total: 1, done: 1, open: 0, overdue: 2, cancelled: 0 })).toBe(
      '1 acción: 1 cumplida, 0 abiertas (2 vencidas), 0 canceladas.',
    )
    expect(
      format('en', catalogue.en['actions.report.summary'], {
        total: 1,
        done: 1,
        open: 2,
        overdue: 1,
        cancelled: 0,
      }),
    ).toBe('1 action: 1 done, 2 open (1 overdue), 0 cancelled.')
    expect(format('es', catalogue.es['actions.overdueCount'], { count: 2 })).toBe('2 vencidas')
    expect(format('es', catalogue.es['actions.overdueCount'], { count: 1 })).toBe('1 vencida')
    expect(
      format('es', catalogue.es['meetingsRun.doc.circulated'], { date: 'a', deadline: 'b', count: 0 }),
    ).toBe('Circulada el a; comentarios hasta el b; ningún comentario recibido.')
    expect(format('en', '{n, plural, one {# item} other {# items}}', { n: 1200 })).toBe('1,200 items')
  })
})

describe('the RCM’s own words', () => {
  it('says "Member Countries" / "Países Miembros" as the RCM does, never "member states"', () => {
    const bad: string[] = []
    for (const lang of ['es', 'en'] as const)
      for (const [key, message] of Object.entries(catalogue[lang]))
        for (const text of typeof message === 'string' ? [message] : Object.values(message))
          if (/member states?\b|estados? miembros?|pa[ií]s(es)? miembros?|member countr/i.test(text))
            if (
              !/Member Countr(y|ies)|Pa[ií]s(es)? Miembros?/.test(text) ||
              /member states?\b|estados? miembros?|member countr(y|ies)|pa[ií]s(es)? miembros?/.test(text)
            )
              bad.push(`${lang} ${key}: ${text}`)
    expect(bad).toEqual([])
  })
})
