import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { randomBytes } from 'node:crypto'

/** 20 random bytes from the CSPRNG (160 bits), base32: session, API, invitation and reset tokens. */
export function generateToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20))
}

/** What the database stores instead of a token. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}
