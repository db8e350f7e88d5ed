import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseFile, db } from '@db/client'
import { auditLog, organizations, people } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import { checkOneTimeToken } from '~/modules/auth/one-time-tokens.server'
import {
  AdminCreateError,
  createFirstAdmin,
  parseAdminCreateArgs,
} from '~/modules/members/admin-create.server'
import { freshDemoDb, freshEmptyDb } from './helpers/db'

const orgCount = () => db.select({ n: count() }).from(organizations).get()!.n

describe('admin:create', () => {
  afterEach(() => {
    delete process.env.APP_ORIGIN
    resetEnvCache()
  })

  describe('on an empty database', () => {
    beforeEach(() => {
      freshEmptyDb()
    })

    it('creates the structure and an invited secretariat account with a one-time link', () => {
      process.env.APP_ORIGIN = 'https://portal.example.org'
      resetEnvCache()
      expect(orgCount()).toBe(0)
      const created = createFirstAdmin(
        parseAdminCreateArgs(['--email', 'Chief@Example.org', '--name', ' Ana ']),
      )
      expect(created.structureCreated).toBe(true)
      expect(orgCount()).toBeGreaterThan(20)

      const person = db.select().from(people).where(eq(people.id, created.personId)).get()!
      const secretariat = db.select().from(organizations).where(eq(organizations.code, 'SECRETARIAT')).get()!
      expect(person).toMatchObject({
        email: 'chief@example.org',
        name: 'Ana',
        role: 'secretariat',
        status: 'invited',
        passwordHash: null,
        organizationId: secretariat.id,
      })

      const link = new URL(created.link)
      expect(link.origin).toBe('https://portal.example.org')
      const token = link.pathname.replace('/invitation/', '')
      expect(checkOneTimeToken(db, 'invitation', token)).toMatchObject({ ok: true, personId: person.id })
      const entry = db.select().from(auditLog).where(eq(auditLog.action, 'person.adminCreate')).get()
      expect(entry).toMatchObject({ targetId: person.id, outcome: 'ok' })
    })

    it('does not insert the structure twice and refuses an e-mail already in use', () => {
      createFirstAdmin(parseAdminCreateArgs(['--email', 'a@example.org', '--name', 'A']))
      const orgs = orgCount()
      const second = createFirstAdmin(
        parseAdminCreateArgs(['--email', 'b@example.org', '--name', 'B', '--lang', 'en']),
      )
      expect(second.structureCreated).toBe(false)
      expect(orgCount()).toBe(orgs)
      expect(() =>
        createFirstAdmin(parseAdminCreateArgs(['--email', 'A@example.org', '--name', 'Again'])),
      ).toThrow(AdminCreateError)
      expect(db.select({ n: count() }).from(people).get()!.n).toBe(2)
    })
  })

  it('refuses an e-mail in use in a demo database too', () => {
    freshDemoDb()
    expect(() =>
      createFirstAdmin(parseAdminCreateArgs(['--email', 'secretariat@rcm.example', '--name', 'X'])),
    ).toThrow(/already in use/)
  })

  it.each([
    [[], /--email and --name are required/],
    [['--email', 'a@example.org'], /--email and --name are required/],
    [['--email', 'not-an-email', '--name', 'A'], /--email is not a valid e-mail address/],
    [['--email', 'a@example.org', '--name', '   '], /--name is empty/],
    [['--email', 'a@example.org', '--name', 'A', '--lang', 'fr'], /--lang/],
    [['--email', 'a@example.org', '--name', 'A', '--role', 'x'], /Unknown option '--role'/],
    [['--email', 'a@example.org', '--name', 'A', 'extra'], /Usage/],
  ])('refuses bad arguments %j', (argv, message) => {
    expect(() => parseAdminCreateArgs(argv)).toThrow(message)
    expect(() => parseAdminCreateArgs(argv)).toThrow(AdminCreateError)
  })

  it('the command prints the link, and exits with 1 and a clear message when refused', () => {
    const file = freshEmptyDb()
    const run = (argv: string[]) => {
      try {
        const stdout = execFileSync(
          process.execPath,
          ['--import', 'tsx', path.resolve('db/admin-create-cli.ts'), ...argv],
          {
            env: { ...process.env, DATABASE_PATH: file, APP_ORIGIN: 'http://portal.test:8080' },
            encoding: 'utf8',
            stdio: 'pipe',
          },
        )
        return { code: 0, stdout, stderr: '' }
      } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string }
        return { code: e.status, stdout: e.stdout, stderr: e.stderr }
      }
    }
    expect(databaseFile()).toBe(file)
    const ok = run(['--email', 'first@example.org', '--name', 'First Admin'])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/http:\/\/portal\.test:8080\/invitation\/[a-z0-9]+/)
    const again = run(['--email', 'first@example.org', '--name', 'First Admin'])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already in use')
    const bad = run(['--name', 'No Mail'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('Usage')
  })
})
