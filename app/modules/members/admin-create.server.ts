/**
 * `npm run admin:create -- --email E --name N`: the first secretariat account of an empty install
 * (DEMO_DATA=off). Inserts the RCM structure when the database has no organizations yet, then an invited
 * secretariat person, and returns a one-time invitation link to print. Everything in one transaction.
 */
import { parseArgs } from 'node:util'
import { count, eq } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '@db/client'
import { organizations, people } from '@db/schema'
import { seedStructure } from '@db/seed/demo'
import { LANGS } from '~/i18n/core'
import { audit } from '~/modules/audit/audit.server'
import { createOneTimeToken, INVITATION_TTL_MS, linkTo } from '~/modules/auth/one-time-tokens.server'
import { emailField } from '~/modules/auth/schemas'

export const ADMIN_CREATE_USAGE =
  'Usage: npm run admin:create -- --email name@example.org --name "Full Name" [--lang es|en]'

/** A refusal the command explains in one line (and exits with 1). */
export class AdminCreateError extends Error {}

const ArgsSchema = z.object({
  email: emailField,
  name: z.string().trim().min(1, 'is empty').max(200, 'is too long'),
  lang: z.enum(LANGS).default('es'),
})
export type AdminCreateInput = z.infer<typeof ArgsSchema>

const ARG_MESSAGES: Record<string, string> = {
  'validation.required': 'is required',
  'validation.email': 'is not a valid e-mail address',
  'validation.tooLong': 'is too long',
}

export function parseAdminCreateArgs(argv: string[]): AdminCreateInput {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, lang: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    throw new AdminCreateError(`${(error as Error).message}\n${ADMIN_CREATE_USAGE}`)
  }
  if (values.email === undefined || values.name === undefined) {
    throw new AdminCreateError(`Both --email and --name are required.\n${ADMIN_CREATE_USAGE}`)
  }
  const parsed = ArgsSchema.safeParse(values)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `--${i.path.join('.')} ${ARG_MESSAGES[i.message] ?? i.message}`,
    )
    throw new AdminCreateError(`${problems.join('; ')}.\n${ADMIN_CREATE_USAGE}`)
  }
  return parsed.data
}

export interface AdminCreated {
  personId: string
  link: string
  expiresAt: Date
  structureCreated: boolean
}

export function createFirstAdmin(input: AdminCreateInput, now = Date.now()): AdminCreated {
  return db.transaction(
    (tx) => {
      const empty = (tx.select({ n: count() }).from(organizations).get()?.n ?? 0) === 0
      if (empty) seedStructure(tx)
      const secretariat = tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.kind, 'secretariat'))
        .get()
      if (!secretariat) {
        throw new AdminCreateError('The database has organizations but no Executive Secretariat.')
      }
      const taken = tx.select({ id: people.id }).from(people).where(eq(people.email, input.email)).get()
      if (taken) throw new AdminCreateError(`The e-mail ${input.email} is already in use.`)
      const person = tx
        .insert(people)
        .values({
          email: input.email,
          name: input.name,
          organizationId: secretariat.id,
          role: 'secretariat',
          language: input.lang,
          status: 'invited',
          passwordHash: null,
        })
        .returning({ id: people.id })
        .get()
      const token = createOneTimeToken(tx, { kind: 'invitation', personId: person.id }, now)
      audit(
        {
          action: 'person.adminCreate',
          targetType: 'person',
          targetId: person.id,
          details: { email: input.email, via: 'cli', structureCreated: empty },
        },
        tx,
      )
      return {
        personId: person.id,
        link: linkTo(`/invitation/${token}`),
        expiresAt: new Date(now + INVITATION_TTL_MS),
        structureCreated: empty,
      }
    },
    { behavior: 'immediate' },
  )
}
