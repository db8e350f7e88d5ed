/**
 * A section's Markdown as safe HTML (the portal's sanitizing renderer), with the bracketed wording of
 * each organization shown distinctly. The marking is added after sanitizing, to text the sanitizer let
 * through: the organization code is letters, digits and hyphens, and the inner text is already-safe
 * HTML without block boundaries (only inline strong, em, del and code tags may sit inside).
 */
import type { Lang } from '~/i18n/core'
import { shortNamesByCode } from '~/modules/members/organizations.server'
import { renderMarkdown } from '~/modules/text/markdown.server'
import { bracketsOf } from './text'

const BRACKET_IN_HTML = /\[([A-Z][A-Z0-9-]{0,15}):[ \t]*((?:[^[\]<]|<\/?(?:strong|em|del|code)>)*)\](?!\()/g

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Authors type a bracket with their organization's code (`[PA-MINSEG: …]`); readers see the
 * organization's short name in their language instead (names, never codes): one lookup for all the
 * texts of a page. A code of no organization stays as typed. */
export function bracketNames(texts: (string | null | undefined)[], lang: Lang): Record<string, string> {
  const codes = new Set(texts.flatMap((t) => (t ? bracketsOf(t).map((b) => b.organization) : [])))
  return shortNamesByCode([...codes], lang)
}

export function renderSection(markdown: string, names: Record<string, string> = {}): string {
  return renderMarkdown(markdown).replace(
    BRACKET_IN_HTML,
    (_m, org: string, inner: string) =>
      `<mark class="bracket" data-org="${org}"><span class="bracket-org">[${escapeHtml(names[org] ?? org)}:</span> ${inner}<span class="bracket-org">]</span></mark>`,
  )
}
