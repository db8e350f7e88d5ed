// npm run admin:create -- --email E --name N [--lang es|en]: the first secretariat account of an empty
// install. The logic lives in app/modules/members/admin-create.server.ts (tested there).
import {
  AdminCreateError,
  createFirstAdmin,
  parseAdminCreateArgs,
} from '../app/modules/members/admin-create.server'
import { closeDatabase, databaseFile } from './client'

try {
  const input = parseAdminCreateArgs(process.argv.slice(2))
  const created = createFirstAdmin(input)
  console.log(`Database: ${databaseFile()}`)
  if (created.structureCreated) console.log('The RCM structure (organizations, PPT, groups) was created.')
  console.log(`Secretariat account created for ${input.email} (status: invited).`)
  console.log(`Open this link to choose the password (works once, until ${created.expiresAt.toISOString()}):`)
  console.log(`  ${created.link}`)
} catch (error) {
  // Refusals and an invalid environment get a clear line and exit code 1, not a stack trace.
  console.error(error instanceof AdminCreateError ? error.message : `admin:create failed: ${String(error)}`)
  process.exitCode = 1
} finally {
  closeDatabase()
}
