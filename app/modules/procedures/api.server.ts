// The written procedures' API records, built from the same queries as the pages.
import type { z } from 'zod'
import type { Lang } from '~/i18n/core'
import { translator, hasMessage } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { zodFields } from '~/modules/api/http.server'
import { listProcedures, procedurePage, readFilter } from './queries.server'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function listProceduresForApi(viewer: Viewer, status: string | undefined, lang: Lang) {
  const filter = status ? readFilter(status) : 'all'
  return listProcedures(viewer, { filter, lang }).map((p) => ({
    ...p,
    deadline: p.deadline.toISOString(),
    closedAt: iso(p.closedAt),
  }))
}

export function procedureForApi(viewer: Viewer, id: string, lang: Lang) {
  const p = procedurePage(viewer, id, lang)
  if (!p) return null
  return {
    id: p.id,
    number: p.number,
    subject: p.subject,
    textKind: p.textKind,
    status: p.status,
    open: p.open,
    outcome: p.outcome,
    decisionCode: p.decisionCode,
    deadline: p.deadline.toISOString(),
    closedAt: iso(p.closedAt),
    text: p.text,
    textLang: p.textLang,
    plan: p.plan,
    document: p.document,
    originalDeadline: p.originalDeadline.toISOString(),
    extendedAt: iso(p.extendedAt),
    extensionReason: p.extensionReason,
    launchedAt: p.launchedAt.toISOString(),
    previousId: p.previous?.id ?? null,
    positions: p.states
      ? p.states.map((s) => ({
          state: s.code,
          name: s.name,
          position: s.position,
          reason: s.reason,
          by: s.by,
          at: iso(s.at),
          history: s.history.map((h) => ({ ...h, at: h.at.toISOString() })),
        }))
      : null,
    brokenBy: p.brokenBy.map((b) => ({ state: b.code, position: b.position, reason: b.reason })),
  }
}

/** Field messages in the caller's language. */
export function positionFields(error: z.ZodError, lang: Lang) {
  const { t } = translator(lang)
  return zodFields(error, (issue) => {
    const key = issue.code === 'unrecognized_keys' ? 'procedures.error.unknownField' : issue.message
    return hasMessage(key) ? t(key) : issue.message
  })
}
