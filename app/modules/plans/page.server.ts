/**
 * What the plan's page shows: the plan as the viewer may see it, each section's texts rendered to safe
 * HTML (brackets marked), its comment threads and suggestions, and the raw text of the one section
 * being edited. The page ships HTML and numbers, not the renderer.
 */
import type { Lang } from '~/i18n/core'
import type { Viewer } from '~/modules/access/viewer'
import { listComments, listSuggestions } from './comments.server'
import { EDITABLE_STAGES, SECTION_LANGS, type SectionLang } from './constants'
import { sideBySide } from './diff.server'
import { compareRevisions, getPlan, listPlans, sectionRevisions } from './queries.server'
import { bracketNames, renderSection } from './render.server'

export interface PageOptions {
  /** the section to show the editor of, and its language */
  edit?: { sectionId: string; lang: SectionLang } | null
}

export function planPage(viewer: Viewer, planId: string, lang: Lang, options: PageOptions = {}) {
  const plan = getPlan(viewer, planId, lang)
  if (!plan) return null
  const threads = listComments(viewer, planId) ?? []
  const suggestions = listSuggestions(viewer, planId) ?? []
  const { sections, ...rest } = plan
  let editing: { sectionId: string; lang: SectionLang; revision: number; text: string } | null = null
  const edit = options.edit
  if (edit) {
    const s = sections.find((x) => x.id === edit.sectionId)
    if (s?.can.edit) {
      const t = s.texts[edit.lang]
      editing = { sectionId: s.id, lang: edit.lang, revision: t?.revision ?? 0, text: t?.text ?? '' }
    }
  }
  const names = bracketNames(
    [
      ...sections.flatMap((s) => Object.values(s.texts).map((t) => t?.text)),
      ...threads.flatMap((c) => [c.body, ...c.replies.map((r) => r.body)]),
    ],
    lang,
  )
  return {
    ...rest,
    locked: !EDITABLE_STAGES.includes(plan.stage),
    editing,
    sections: sections.map(({ texts, ...s }) => ({
      ...s,
      // the revision a suggestion is written on: the original language's current one
      baseRevision: texts[plan.originalLanguage]?.revision ?? 0,
      texts: SECTION_LANGS.flatMap((l: SectionLang) => {
        const t = texts[l]
        return t
          ? [
              {
                lang: l,
                revision: t.revision,
                author: t.author,
                savedAt: t.savedAt,
                outdated: t.outdated,
                html: renderSection(t.text, names),
              },
            ]
          : []
      }),
      threads: threads
        .filter((c) => c.sectionId === s.id)
        .map((c) => ({
          ...c,
          html: renderSection(c.body, names),
          replies: c.replies.map((r) => ({ ...r, html: renderSection(r.body, names) })),
        })),
      suggestions: suggestions.filter((x) => x.sectionId === s.id),
    })),
  }
}

/** A section's revisions (rendered) and the difference between two of them: by default the latest
 * and the one before it in the same language. */
export function sectionHistoryPage(
  viewer: Viewer,
  planId: string,
  sectionId: string,
  lang: Lang,
  options: { from: number | null; to: number | null },
) {
  const history = sectionRevisions(viewer, planId, sectionId, lang)
  if (!history) return null
  const { revisions } = history
  const latest = revisions[0]
  const to = options.to ?? latest?.number ?? null
  const toLang = revisions.find((r) => r.number === to)?.lang
  const from =
    options.from ?? revisions.find((r) => to !== null && r.number < to && r.lang === toLang)?.number ?? null
  const diff = from !== null && to !== null ? compareRevisions(viewer, planId, sectionId, from, to) : null
  return {
    section: history.section,
    revisions: (() => {
      const names = bracketNames(
        revisions.map((r) => r.text),
        lang,
      )
      return revisions.map((r) => ({ ...r, html: renderSection(r.text, names) }))
    })(),
    compare: diff ? { ...diff, ...sideBySide(diff.parts) } : null,
  }
}

export type PlanPage = NonNullable<ReturnType<typeof planPage>>

export { listPlans }
