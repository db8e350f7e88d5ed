// Which file the document page's main download button offers (client-safe): the interface language's
// when the current version holds it (original or up-to-date translation), else the current version's
// original; every other language that has a file is offered beside it, with its state.
import { FILE_LANGUAGES, type FileLanguage } from './constants'

export interface OfferedFile {
  language: FileLanguage
  version: number
  /** the original of its version, or a translation */
  kind: 'original' | 'translation'
  /** of the current version, or of an older one */
  state: 'current' | 'outdated'
  mimeType: string
}

interface VersionFiles {
  number: number
  files: readonly { language: FileLanguage; isOriginal: boolean; mimeType: string }[]
}

/** `versions` newest first (as the page loads them); `current` the current version's number. */
export function downloadChoice(
  interfaceLanguage: string,
  versions: readonly VersionFiles[],
  current: number,
): { main: OfferedFile | null; others: OfferedFile[] } {
  const newest = new Map<FileLanguage, OfferedFile>()
  for (const v of [...versions].sort((a, b) => b.number - a.number))
    for (const f of v.files)
      if (!newest.has(f.language))
        newest.set(f.language, {
          language: f.language,
          version: v.number,
          kind: f.isOriginal ? 'original' : 'translation',
          state: v.number === current ? 'current' : 'outdated',
          mimeType: f.mimeType,
        })
  const offered = [...newest.values()].sort(
    (a, b) => FILE_LANGUAGES.indexOf(a.language) - FILE_LANGUAGES.indexOf(b.language),
  )
  const fresh = offered.filter((f) => f.state === 'current')
  const main =
    fresh.find((f) => f.language === interfaceLanguage) ??
    fresh.find((f) => f.kind === 'original') ??
    fresh[0] ??
    null
  return { main, others: offered.filter((f) => f !== main) }
}
