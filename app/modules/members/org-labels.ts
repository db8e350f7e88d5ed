// How an organization is named briefly, in the interface's language (client-safe). A bilingual acronym is
// stored English first, "IOM / OIM" (db/seed/structure.ts); in Spanish it reads Spanish first, "OIM / IOM".
import type { Lang } from '~/i18n/core'

/** The acronym with the interface language's first: "OIM / IOM" in Spanish, "IOM / OIM" in English. */
export function localAcronym(acronym: string | null | undefined, lang: Lang): string | null {
  if (!acronym) return null
  const parts = acronym.split(/\s+\/\s+/)
  return lang === 'es' && parts.length === 2 ? `${parts[1]} / ${parts[0]}` : acronym
}

/** The interface language's acronym alone ("OIM" in Spanish), for a tight space such as the header. */
export function ownAcronym(acronym: string | null | undefined, lang: Lang): string | null {
  return localAcronym(acronym, lang)?.split(/\s+\/\s+/)[0] ?? null
}

export interface OrgLabel {
  acronym: string | null
  nameEs: string
  nameEn: string
}

/** A short name for a list: the acronym in the interface's language, else the name itself. */
export function shortOrgName(o: OrgLabel, lang: Lang): string {
  const acronym = ownAcronym(o.acronym, lang)
  return acronym && acronym.length <= 12 ? acronym : lang === 'es' ? o.nameEs : o.nameEn
}
