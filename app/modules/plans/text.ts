// Pure helpers over plan texts, client-safe: disputed wording in brackets and the sections' numbers.

/**
 * Disputed wording is kept in brackets attributed to an organization: `[PA: texto propuesto]`,
 * `[IOM: alternative wording]`. The code is an organization's (upper-case letters, digits, hyphens).
 * A Markdown link (`[PA: x](https://...)`) is not a bracket. Brackets do not nest.
 */
export const BRACKET_PATTERN = /\[([A-Z][A-Z0-9-]{0,15}):[ \t]*([^[\]\n]*(?:\n(?!\n)[^[\]\n]*)*)\](?!\()/g

export interface Bracket {
  organization: string
  text: string
}

export function bracketsOf(text: string): Bracket[] {
  return [...text.matchAll(BRACKET_PATTERN)].map((m) => ({ organization: m[1], text: m[2].trim() }))
}

/** Open brackets by organization code, and their total. */
export function bracketCounts(text: string): { total: number; byOrganization: Record<string, number> } {
  const byOrganization: Record<string, number> = {}
  let total = 0
  for (const b of bracketsOf(text)) {
    byOrganization[b.organization] = (byOrganization[b.organization] ?? 0) + 1
    total++
  }
  return { total, byOrganization }
}

/** Adds counts (a plan's total over its sections). */
export function addCounts(
  into: { total: number; byOrganization: Record<string, number> },
  more: { total: number; byOrganization: Record<string, number> },
) {
  into.total += more.total
  for (const [org, n] of Object.entries(more.byOrganization))
    into.byOrganization[org] = (into.byOrganization[org] ?? 0) + n
  return into
}

export interface TreeNode {
  id: string
  parentId: string | null
  position: number
  retired: boolean
}

/**
 * The sections in reading order (depth first, siblings by position) with their computed number
 * ("1", "1.2", "1.2.3"); retired sections, and everything under them, get no number and do not count.
 * A section whose parent is missing is read as a top-level one.
 */
export function numberSections<T extends TreeNode>(
  sections: readonly T[],
): { section: T; number: string | null; depth: number }[] {
  const ids = new Set(sections.map((s) => s.id))
  const children = new Map<string | null, T[]>()
  for (const s of sections) {
    const parent = s.parentId && ids.has(s.parentId) ? s.parentId : null
    ;(children.get(parent) ?? children.set(parent, []).get(parent)!).push(s)
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
  const out: { section: T; number: string | null; depth: number }[] = []
  const seen = new Set<string>()
  const walk = (parent: string | null, prefix: string | null, depth: number) => {
    let n = 0
    for (const s of children.get(parent) ?? []) {
      if (seen.has(s.id)) continue
      seen.add(s.id)
      const counted = prefix !== '' && !s.retired
      const number = counted ? (prefix ? `${prefix}.${++n}` : String(++n)) : null
      out.push({ section: s, number, depth })
      walk(s.id, number ?? '', depth + 1)
    }
  }
  walk(null, null, 0)
  return out
}
