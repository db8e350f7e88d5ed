// Response schemas of the auth area's JSON API. Client-safe (no server imports).
import { z } from 'zod'
import { LANGS } from '~/i18n/core'
import { GROUP_ROLES, LocalizedText, ORGANIZATION_KINDS, PERSON_ROLES } from '~/modules/members/api-schemas'

export const Me = z.object({
  id: z.string().describe('Opaque identifier'),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  role: z.enum(PERSON_ROLES),
  language: z.enum(LANGS),
  organization: z.object({
    id: z.string(),
    code: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    name: LocalizedText,
  }),
  institution: z
    .object({ id: z.string(), code: z.string(), name: LocalizedText })
    .nullable()
    .describe('The national institution inside a member state, if any'),
  groups: z.array(z.object({ id: z.string(), slug: z.string(), role: z.enum(GROUP_ROLES) })),
})

export type MeOut = z.infer<typeof Me>
