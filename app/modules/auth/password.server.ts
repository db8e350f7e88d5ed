import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id parameters (m=19456 KiB, t=2, p=1). Algorithm 2 = Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export class PasswordLengthError extends Error {}

export async function hashPassword(password: string): Promise<string> {
  // Refused before hashing: no truncation, no hashing of huge inputs.
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) throw new PasswordLengthError()
  return hash(password, OPTIONS)
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false
  try {
    return await verify(hashed, password)
  } catch {
    return false
  }
}

// A fixed hash to verify against when the e-mail is unknown, so that timing does not tell which
// accounts exist. Computed once, lazily.
let dummy: Promise<string> | null = null
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hash('not-a-real-password-rcm', OPTIONS)
  await verifyPassword(await dummy, password.slice(0, PASSWORD_MAX))
  return false
}
