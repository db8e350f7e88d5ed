import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { randomBytes } from 'node:crypto'

/** Opaque record id: 80 random bits, base32 (16 characters). Never derived from data. */
export function newId(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(10))
}
