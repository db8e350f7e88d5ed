/** The API's record of one search hit: `type`, `id`, `title` for every type, the document fields the
 * library's clients read, and what each type adds. Never an e-mail or phone. */
import type { RecordHit } from './records.server'

const named = (n: { id: string; titleEs: string | null; titleEn: string | null }) => ({
  id: n.id,
  title: n.titleEs ?? n.titleEn,
  titleEs: n.titleEs,
  titleEn: n.titleEn,
})

export function apiSearchItem(h: RecordHit) {
  const common = {
    type: h.type,
    id: h.id,
    title: h.titleEs ?? h.titleEn,
    titleEs: h.titleEs,
    titleEn: h.titleEn,
  }
  const found = {
    snippet: h.snippet,
    highlights: h.parts.filter((p) => p.match).map((p) => p.text),
    url: h.url,
  }
  switch (h.type) {
    case 'document': {
      const d = h.document!
      return {
        ...common,
        reference: d.reference,
        kind: d.kind,
        documentDate: d.documentDate,
        visibility: d.visibility,
        organization: d.organizationCode,
        group: d.groupSlug,
        ...found,
      }
    }
    case 'meeting':
      return { ...common, date: h.date, agendaItem: h.agendaItem ? named(h.agendaItem) : null, ...found }
    case 'decision':
      return {
        ...common,
        code: h.decision!.code,
        meeting: h.meeting ? named(h.meeting) : null,
        procedure: h.procedure ? named(h.procedure) : null,
        date: h.date,
        ...found,
      }
    case 'action':
      return { ...common, status: h.action!.status, dueDate: h.action!.dueDate, ...found }
    case 'plan':
      return { ...common, stage: h.plan!.stage, section: h.section ? named(h.section) : null, ...found }
    case 'person':
      return {
        ...common,
        organization: h.organization!.code,
        organizationName: { es: h.organization!.nameEs, en: h.organization!.nameEn },
        ...found,
      }
  }
}
