/**
 * Three-way merge of section texts, as MediaWiki merges a stale edit: the text the person started from
 * (base), what they wrote (mine) and the text as it stands now (theirs). Changes that do not overlap are
 * combined; where both changed the same place differently it is a conflict, left to a person. Lines
 * first (paragraphs of Markdown); a region where both changed the same lines is tried again word by
 * word, so that two people editing different sentences of one paragraph do not collide.
 */
import { diff3Merge } from 'node-diff3'

export type MergeOutcome = { clean: true; text: string } | { clean: false; conflicts: number }

const lines = (text: string) => (text === '' ? [] : text.split(/(?<=\n)/))
const words = (text: string) => text.split(/(\s+)/).filter((t) => t !== '')

function mergeTokens(mine: string[], base: string[], theirs: string[]) {
  const regions = diff3Merge(mine, base, theirs, { excludeFalseConflicts: true })
  const out: string[] = []
  const conflicts: { a: string[]; o: string[]; b: string[] }[] = []
  for (const r of regions) {
    if (r.ok) out.push(...r.ok)
    else if (r.conflict) {
      conflicts.push(r.conflict)
      out.push('')
    }
  }
  return { out, conflicts }
}

export function threeWayMerge(base: string, mine: string, theirs: string): MergeOutcome {
  if (mine === theirs) return { clean: true, text: mine }
  if (mine === base) return { clean: true, text: theirs }
  if (theirs === base) return { clean: true, text: mine }
  const regions = diff3Merge(lines(mine), lines(base), lines(theirs), { excludeFalseConflicts: true })
  let text = ''
  let conflicts = 0
  for (const r of regions) {
    if (r.ok) {
      text += r.ok.join('')
      continue
    }
    if (!r.conflict) continue
    const { a, o, b } = r.conflict
    // a deletion against an edit is a conflict, whatever the words say
    if (a.length === 0 || b.length === 0) {
      conflicts++
      continue
    }
    const fine = mergeTokens(words(a.join('')), words(o.join('')), words(b.join('')))
    if (fine.conflicts.length) conflicts++
    else text += fine.out.join('')
  }
  return conflicts ? { clean: false, conflicts } : { clean: true, text }
}
