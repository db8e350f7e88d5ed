/**
 * What the plan's page shows: the plan as the viewer may see it, each section's texts rendered to safe
 * HTML (brackets marked), so that the page ships HTML and numbers, not the renderer.
 */
import type { Lang } from '~/i18n/core'
import type { Viewer } from '~/modules/access/viewer'
import { EDITABLE_STAGES, SECTION_LANGS, type SectionLang } from './constants'
import { getPlan, listPlans } from './queries.server'
import { renderSection } from './render.server'

export function planPage(viewer: Viewer, planId: string, lang: Lang) {
  const plan = getPlan(viewer, planId, lang)
  if (!plan) return null
  const { sections, ...rest } = plan
  return {
    ...rest,
    locked: !EDITABLE_STAGES.includes(plan.stage),
    sections: sections.map(({ texts, ...s }) => ({
      ...s,
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
                html: renderSection(t.text),
              },
            ]
          : []
      }),
    })),
  }
}

export type PlanPage = NonNullable<ReturnType<typeof planPage>>

export { listPlans }
