/**
 * A section's Markdown as safe HTML (the portal's sanitizing renderer), with the bracketed wording of
 * each organization shown distinctly. The marking is added after sanitizing, to text the sanitizer let
 * through: the organization code is letters, digits and hyphens, and the inner text is already-safe
 * HTML without block boundaries (only inline strong, em, del and code tags may sit inside).
 */
import { renderMarkdown } from '~/modules/text/markdown.server'

const BRACKET_IN_HTML = /\[([A-Z][A-Z0-9-]{0,15}):[ \t]*((?:[^[\]<]|<\/?(?:strong|em|del|code)>)*)\](?!\()/g

export function renderSection(markdown: string): string {
  return renderMarkdown(markdown).replace(
    BRACKET_IN_HTML,
    (_m, org: string, inner: string) =>
      `<mark class="bracket" data-org="${org}"><span class="bracket-org">[${org}:</span> ${inner}<span class="bracket-org">]</span></mark>`,
  )
}
