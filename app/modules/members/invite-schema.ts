// The invitation form's schema, in a module of its own: it runs in the browser (invite.tsx), and a
// module that runs in the browser anywhere is bundled with every page that imports it (esbuild decides
// what a shared module contains once for all pages). The other schemas of ./people-schemas only run on
// the server, so the admin pages that import them for their loaders and actions do not load zod.
import { z } from 'zod'
import { LANGS } from '~/i18n/core'
import { emailField } from '~/modules/auth/schemas'
import { INVITE_ROLES } from './constants'

const requiredText = (max: number) =>
  z
    .string({ message: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong')
const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional()
const code = z.string({ message: 'validation.required' }).trim().toUpperCase().max(40, 'validation.invalid')

export const InviteSchema = z.object({
  name: requiredText(200),
  email: emailField,
  title: optionalText(200),
  organization: code.min(1, 'validation.required'),
  institution: code.optional(),
  role: z.enum(INVITE_ROLES, { message: 'validation.invalid' }),
  language: z.enum(LANGS, { message: 'validation.invalid' }),
})
export type InviteInput = z.infer<typeof InviteSchema>
