import type * as Argon2 from '@node-rs/argon2'
import { describe, expect, it, vi } from 'vitest'

// Wraps argon2's hash() to see whether it was called at all: an over-long password must be refused
// before any hashing work is done.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof Argon2>()
  return { ...real, hash: vi.fn(real.hash) }
})

const argon2 = await import('@node-rs/argon2')
const { hashPassword, verifyPassword, PasswordLengthError, PASSWORD_MAX, PASSWORD_MIN } = await import(
  '~/modules/auth/password.server'
)
const schemas = await import('~/modules/auth/schemas')

const hashSpy = vi.mocked(argon2.hash)

describe('passwords', () => {
  it('are hashed with argon2id and the OWASP parameters, salted', async () => {
    const a = await hashPassword('correct horse')
    expect(a.startsWith('$argon2id$')).toBe(true)
    expect(a).toContain('$m=19456,t=2,p=1$')
    const b = await hashPassword('correct horse')
    expect(b).not.toBe(a)
    expect(await verifyPassword(a, 'correct horse')).toBe(true)
    expect(await verifyPassword(a, 'correct horsf')).toBe(false)
    expect(await verifyPassword(a, '')).toBe(false)
    expect(await verifyPassword('not a hash', 'correct horse')).toBe(false)
  })

  it('accept 8 to 128 characters and refuse 7 and 129 before hashing', async () => {
    expect(PASSWORD_MIN).toBe(8)
    expect(PASSWORD_MAX).toBe(128)
    expect(await verifyPassword(await hashPassword('12345678'), '12345678')).toBe(true)
    hashSpy.mockClear()
    await expect(hashPassword('1234567')).rejects.toBeInstanceOf(PasswordLengthError)
    await expect(hashPassword('x'.repeat(129))).rejects.toBeInstanceOf(PasswordLengthError)
    await expect(hashPassword('x'.repeat(100_000))).rejects.toBeInstanceOf(PasswordLengthError)
    expect(hashSpy).not.toHaveBeenCalled()
  })

  it('are not truncated: the last of 128 characters counts, and a 129th is refused', async () => {
    const long = 'a'.repeat(127) + 'b'
    const hashed = await hashPassword(long)
    expect(await verifyPassword(hashed, long)).toBe(true)
    expect(await verifyPassword(hashed, 'a'.repeat(127) + 'c')).toBe(false)
    expect(await verifyPassword(hashed, 'a'.repeat(128))).toBe(false)
    // The right password plus one more character is over the limit, not "the right password".
    expect(await verifyPassword(hashed, long + 'b')).toBe(false)
  })

  it('have no composition rules, and the form schema uses the same limits', async () => {
    expect(schemas.PASSWORD_MIN).toBe(PASSWORD_MIN)
    expect(schemas.PASSWORD_MAX).toBe(PASSWORD_MAX)
    expect(schemas.newPasswordField.safeParse('aaaaaaaa').success).toBe(true)
    expect(schemas.newPasswordField.safeParse('x'.repeat(128)).success).toBe(true)
    expect(schemas.newPasswordField.safeParse('aaaaaaa').success).toBe(false)
    expect(schemas.newPasswordField.safeParse('x'.repeat(129)).success).toBe(false)
  })
})
