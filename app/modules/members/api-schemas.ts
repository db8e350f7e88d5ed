// Response and query schemas of the members area's JSON API. Client-safe (no server imports): the
// handlers build these shapes, the tests check responses against them, and openapi.json is generated
// from them.
import { z } from 'zod'
import { GROUP_KINDS, GROUP_ROLES } from '~/modules/groups/constants'
import { ORGANIZATION_KINDS, PERSON_ROLES } from '~/modules/members/constants'

// The lists the database allows (db/schema.ts builds its enums and CHECKs from the same constants).
export { GROUP_KINDS, GROUP_ROLES, ORGANIZATION_KINDS, PERSON_ROLES }

const Id = z.string().describe('Opaque identifier')

export const LocalizedText = z.object({ es: z.string(), en: z.string() })

/** Query of GET /organizations: unknown parameters are refused (a typo must not silently widen a list). */
export const OrganizationsQuery = z.strictObject({
  kind: z.enum(ORGANIZATION_KINDS).optional().describe('Only organizations of this kind'),
})

export const OrganizationCodeParams = z.object({
  code: z
    .string()
    .describe('ISO 3166-1 alpha-2 code of a state, or the code of an organization (e.g. PA, IOM)'),
})

export const OrganizationSummary = z.object({
  id: Id,
  code: z.string().describe('ISO code of a state, or the acronym-based code of an organization'),
  kind: z.enum(ORGANIZATION_KINDS),
  acronym: z.string().nullable(),
  name: LocalizedText,
  parentCode: z.string().nullable().describe('For a national institution: the member state it belongs to'),
  isCurrentPpt: z.boolean().describe('Holds the Pro-Tempore Presidency this year'),
})

export const OrganizationList = z.object({
  items: z.array(OrganizationSummary),
  nextCursor: z.string().nullable().describe('Always null: the whole list fits in one page'),
})

export const PersonCard = z.object({
  id: Id,
  name: z.string(),
  title: z.string().nullable(),
  role: z.enum(PERSON_ROLES),
  institutionCode: z.string().nullable(),
  email: z
    .string()
    .optional()
    .describe('Only for those who may see contact details: the secretariat and the same organization'),
  phone: z.string().nullable().optional().describe('Present exactly when email is'),
})

export const OrganizationDetail = OrganizationSummary.extend({
  description: z.object({ es: z.string().nullable(), en: z.string().nullable() }),
  website: z.string().nullable(),
  institutions: z.array(
    z.object({ id: Id, code: z.string(), acronym: z.string().nullable(), name: LocalizedText }),
  ),
  pptYears: z
    .array(z.object({ year: z.number().int(), note: z.string().nullable() }))
    .describe('Years in which the state holds or held the Pro-Tempore Presidency'),
  people: z
    .array(PersonCard)
    .describe('Active people of the organization; empty for anonymous callers (people are never public)'),
})

export const GroupItem = z.object({
  id: Id,
  slug: z.string(),
  kind: z.enum(GROUP_KINDS),
  name: LocalizedText,
  active: z.boolean(),
  organizations: z.array(z.string()).describe('Codes of the organizations taking part'),
  isMember: z.boolean().describe('The caller belongs to the group (always false for anonymous callers)'),
})

export const GroupList = z.object({
  items: z.array(GroupItem),
  nextCursor: z.string().nullable().describe('Always null: the whole list fits in one page'),
})

export type OrganizationSummaryOut = z.infer<typeof OrganizationSummary>
export type OrganizationDetailOut = z.infer<typeof OrganizationDetail>
export type PersonCardOut = z.infer<typeof PersonCard>
export type GroupItemOut = z.infer<typeof GroupItem>
