/**
 * The plans' JSON records. A plan outside the caller's groups answers 404 like a missing one (null
 * here). The plan's ETag is a hash of its record: it changes with any text, status or stage.
 */
import { createHash } from 'node:crypto'
import type { Viewer } from '~/modules/access/viewer'
import { apiLang } from '~/modules/api/http.server'
import { listComments, type CommentView } from './comments.server'
import { getPlan, listPlans, sectionRevisions } from './queries.server'

const iso = (d: Date) => d.toISOString()

export function listPlansForApi(viewer: Viewer) {
  return listPlans(viewer, apiLang(viewer)).map((p) => ({
    id: p.id,
    title: { es: p.titleEs, en: p.titleEn },
    stage: p.stage,
    group: { id: p.group.id, slug: p.group.slug },
    sections: p.sections,
    updatedAt: iso(p.updatedAt),
    url: `/plans/${p.id}`,
  }))
}

export function planForApi(viewer: Viewer, planId: string) {
  const plan = getPlan(viewer, planId, apiLang(viewer))
  if (!plan) return null
  const lang = plan.originalLanguage
  const record = {
    id: plan.id,
    title: { es: plan.titleEs, en: plan.titleEn },
    stage: plan.stage,
    group: { id: plan.group.id, slug: plan.group.slug },
    updatedAt: iso(plan.updatedAt),
    url: `/plans/${plan.id}`,
    originalLanguage: lang,
    history: plan.history.map((h) => ({ ...h, at: iso(h.at) })),
    brackets: plan.brackets,
    openComments: plan.openComments,
    pendingSuggestions: plan.pendingSuggestions,
    sections: plan.sections.map((s) => {
      const text = (l: 'es' | 'en') => {
        const t = s.texts[l]
        return t ? { revision: t.revision, text: t.text, outdated: t.outdated } : null
      }
      return {
        id: s.id,
        parentId: s.parentId,
        number: s.number,
        kind: s.kind,
        title: { es: s.titleEs, en: s.titleEn },
        status: s.status,
        retired: s.retired,
        leadDrafter: s.leadDrafter,
        lang,
        revision: s.texts[lang]?.revision ?? 0,
        text: s.texts[lang]?.text ?? '',
        texts: { es: text('es'), en: text('en') },
        brackets: s.brackets,
        openComments: s.openComments,
        pendingSuggestions: s.pendingSuggestions,
      }
    }),
  }
  const etag = `"${createHash('sha256').update(JSON.stringify(record)).digest('base64url').slice(0, 27)}"`
  return { record, etag }
}

export function revisionsForApi(viewer: Viewer, planId: string, sectionId: string) {
  const r = sectionRevisions(viewer, planId, sectionId, apiLang(viewer))
  if (!r) return null
  return r.revisions.map((v) => ({
    revision: v.number,
    lang: v.lang,
    text: v.text,
    note: v.note,
    author: v.author,
    organization: v.organization?.code ?? null,
    baseRevision: v.baseRevision,
    merged: v.merged,
    translatesRevision: v.translatesRevision,
    suggestion: v.suggestionId,
    createdAt: iso(v.createdAt),
  }))
}

const commentOut = (
  c: Omit<CommentView, 'replies' | 'canResolve' | 'resolvedAt' | 'resolvedBy' | 'quote'>,
) => ({
  id: c.id,
  section: c.sectionId,
  lang: c.lang,
  revision: c.revision,
  body: c.body,
  author: c.author,
  createdAt: iso(c.createdAt),
})

export function commentsForApi(viewer: Viewer, planId: string, sectionId?: string) {
  const threads = listComments(viewer, planId, { sectionId })
  if (!threads) return null
  return threads.map((t) => ({
    ...commentOut(t),
    quote: t.quote,
    resolved: t.resolvedAt !== null,
    resolvedAt: t.resolvedAt ? iso(t.resolvedAt) : null,
    replies: t.replies.map(commentOut),
  }))
}

/** The revision named by If-Match: `"3"`, `W/"3"` or `3`; null when missing, NaN when unreadable. */
export function ifMatchRevision(request: Request): number | null {
  const header = request.headers.get('If-Match')
  if (header === null || header.trim() === '') return null
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  return m ? Number(m[1]) : Number.NaN
}
