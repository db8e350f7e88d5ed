import { asc, eq, inArray } from 'drizzle-orm'
import { db } from '@db/client'
import { organizations, ptpYears } from '@db/schema'
import { shortOrgName } from './org-labels'
import type { Lang } from '~/i18n/core'

export type OrganizationRow = typeof organizations.$inferSelect

/** What a list or a choice of organizations reads of each: its id, code, kind and both names. */
export const organizationColumns = {
  id: organizations.id,
  code: organizations.code,
  kind: organizations.kind,
  nameEs: organizations.nameEs,
  nameEn: organizations.nameEn,
}

/** The directory's order of organizations: the RCM's own order, then the code. */
export const directoryOrder = () => [asc(organizations.sortOrder), asc(organizations.code)] as const

export const orgName = (o: Pick<OrganizationRow, 'nameEs' | 'nameEn'>, lang: Lang) =>
  lang === 'es' ? o.nameEs : o.nameEn

/** The short label of the signed-in person's organization, for the page header. */
export function shellOrganization(organizationId: string, lang: Lang): string {
  const o = db
    .select({ nameEs: organizations.nameEs, nameEn: organizations.nameEn, acronym: organizations.acronym })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get()
  if (!o) return ''
  return shortOrgName(o, lang)
}

/** Short names (own-language acronym, else name) of the organizations with these codes, by code: a page
 * names them, never shows the code (a bracket's author in a plan's text, say). Unknown codes stay as they are. */
export function shortNamesByCode(codes: string[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(codes.map((c) => [c, c]))
  if (!codes.length) return out
  const rows = db
    .select({
      code: organizations.code,
      acronym: organizations.acronym,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
    })
    .from(organizations)
    .where(inArray(organizations.code, codes))
    .all()
  for (const o of rows) out[o.code] = shortOrgName(o, lang)
  return out
}

export function getOrganizationByCode(code: string) {
  return db.select().from(organizations).where(eq(organizations.code, code.toUpperCase())).get() ?? null
}

export function listOrganizations() {
  return db
    .select()
    .from(organizations)
    .orderBy(...directoryOrder())
    .all()
}

/** The Pro-Tempore Presidency of a year, if known. */
export function ptpForYear(year: number) {
  const row = db
    .select({ year: ptpYears.year, note: ptpYears.note, organization: organizations })
    .from(ptpYears)
    .leftJoin(organizations, eq(organizations.id, ptpYears.organizationId))
    .where(eq(ptpYears.year, year))
    .get()
  return row ?? null
}

export function listPtpYears() {
  return db
    .select({
      year: ptpYears.year,
      note: ptpYears.note,
      code: organizations.code,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
    })
    .from(ptpYears)
    .leftJoin(organizations, eq(organizations.id, ptpYears.organizationId))
    .orderBy(asc(ptpYears.year))
    .all()
}
