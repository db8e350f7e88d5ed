// Word-level differences between two texts of a section (revision against revision, yours against the
// current one), for the inline and the side-by-side views.
import { diffWordsWithSpace } from 'diff'

export interface DiffPart {
  value: string
  added: boolean
  removed: boolean
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({
    value: c.value,
    added: !!c.added,
    removed: !!c.removed,
  }))
}

/** The two sides of a difference: what the left text had (removed marked) and what the right has. */
export function sideBySide(parts: DiffPart[]) {
  return {
    left: parts.filter((p) => !p.added),
    right: parts.filter((p) => !p.removed),
  }
}
