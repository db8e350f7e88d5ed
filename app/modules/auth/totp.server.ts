/**
 * TOTP second factor (RFC 6238: SHA-1, 30-second steps, 6 digits, the defaults every authenticator app
 * understands). Available to everyone, required for secretariat accounts unless the account is the demo's
 * exempt one. The key is stored base32 in people.totp_key.
 */
import { generateHOTP, verifyHOTP, createTOTPKeyURI } from '@oslojs/otp'
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'
import { count, eq } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import type QRCodeType from 'qrcode'
import { lazyPackage } from '~/modules/core/lazy-package.server'
import { db, type Tx } from '@db/client'
import { people, rateLimitEvents } from '@db/schema'
import { mustUseSecondFactor } from '~/modules/access/can'
import { audit } from '~/modules/audit/audit.server'
import { LOGIN_WINDOW_MS, recordHit, refuseThrottled, retryAfterSeconds } from './rate-limit.server'
import { markTwoFactorVerified } from './session.server'

/** loaded at the first enrolment, not with the build (core/lazy-package.server.ts) */
const qrcode = lazyPackage<typeof QRCodeType>('qrcode')

export const TOTP_ISSUER = 'RCM Portal'
const PERIOD_S = 30
const DIGITS = 6
const KEY_BYTES = 20
/** Wrong codes per person before 429 (the same limit as wrong passwords, LOGIN_LIMIT_PER_ACCOUNT). */
export const SECOND_FACTOR_LIMIT = 10

export const secondFactorKey = (personId: string) => `2fa:${personId}`

/** A new random key, base32 (32 characters for 20 bytes). */
export function generateTotpKey(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(KEY_BYTES))
}

function decodeKey(key: string): Uint8Array | null {
  if (!/^[A-Z2-7]{32}$/.test(key)) return null
  try {
    return decodeBase32IgnorePadding(key)
  } catch {
    return null
  }
}

export function isValidTotpKey(key: string): boolean {
  return decodeKey(key) !== null
}

export function totpUri(key: string, accountName: string): string {
  const bytes = decodeKey(key)
  if (!bytes) throw new Error('Invalid TOTP key')
  return createTOTPKeyURI(TOTP_ISSUER, accountName, bytes, PERIOD_S, DIGITS)
}

/** The QR code of the otpauth URI as an SVG string (our own markup: paths only, no scripts or styles). */
export function totpQrSvg(uri: string): Promise<string> {
  return qrcode().toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
}

/** What an authenticator app shows at `now` (tests and the enrolment hint use it). */
export function totpCodeAt(key: string, now = Date.now()): string {
  const bytes = decodeKey(key)
  if (!bytes) throw new Error('Invalid TOTP key')
  return generateHOTP(bytes, BigInt(Math.floor(now / (PERIOD_S * 1000))), DIGITS)
}

/** The time step the code matches within one step either side (clock drift), or null. */
function matchingStep(key: string, code: string, now: number): number | null {
  const bytes = decodeKey(key)
  if (!bytes || !/^\d{6}$/.test(code)) return null
  const step = Math.floor(now / (PERIOD_S * 1000))
  for (const s of [step - 1, step, step + 1]) {
    if (verifyHOTP(bytes, BigInt(s), DIGITS, code)) return s
  }
  return null
}

/** A code may be used once: the used step is remembered (in the rate-limit table, pruned after a day,
 * which is far longer than a code lives). */
const usedStepKey = (personId: string, step: number) => `2fa:used:${personId}:${step}`
function stepAlreadyUsed(tx: Tx | typeof db, personId: string, step: number): boolean {
  const row = tx
    .select({ n: count() })
    .from(rateLimitEvents)
    .where(eq(rateLimitEvents.key, usedStepKey(personId, step)))
    .get()
  return (row?.n ?? 0) > 0
}
function rememberStep(tx: Tx | typeof db, personId: string, step: number, now: number) {
  tx.insert(rateLimitEvents)
    .values({ key: usedStepKey(personId, step), at: new Date(now) })
    .run()
}

/** Checks a code against a key, once: a replayed code is refused. Pure check + record, no audit. */
export function verifyTotpCode(
  tx: Tx | typeof db,
  personId: string,
  key: string,
  code: string,
  now = Date.now(),
): boolean {
  const step = matchingStep(key, code, now)
  if (step === null || stepAlreadyUsed(tx, personId, step)) return false
  rememberStep(tx, personId, step, now)
  return true
}

export interface SecondFactorStatus {
  enrolled: boolean
  /** they must use one (`mustUseSecondFactor`: the secretariat) */
  required: boolean
  /** would have to, but the account is the demo's exempt one */
  exempt: boolean
  /** the account's exemption flag, as `can(viewer, 'secondFactor.turnOff', …)` reads it */
  totpExempt: boolean
  email: string
}

export function secondFactorStatus(personId: string): SecondFactorStatus | null {
  const p = db
    .select({
      totpKey: people.totpKey,
      role: people.role,
      totpExempt: people.totpExempt,
      email: people.email,
    })
    .from(people)
    .where(eq(people.id, personId))
    .get()
  if (!p) return null
  return {
    enrolled: Boolean(p.totpKey),
    required: mustUseSecondFactor(p),
    exempt: p.totpExempt && mustUseSecondFactor({ role: p.role, totpExempt: false }),
    totpExempt: p.totpExempt,
    email: p.email,
  }
}

/** A fresh candidate key with its URI and QR code, for the enrolment form. */
export async function startEnrolment(accountName: string, key = generateTotpKey()) {
  const uri = totpUri(key, accountName)
  return { secret: key, uri, qrSvg: await totpQrSvg(uri) }
}
export type Enrolment = Awaited<ReturnType<typeof startEnrolment>>

export type CodeResult =
  | { ok: true }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfter: number }
  | { ok: false; reason: 'not_enrolled' | 'already_enrolled' | 'unknown' }

function throttle(personId: string, now: number): number {
  return retryAfterSeconds(secondFactorKey(personId), SECOND_FACTOR_LIMIT, LOGIN_WINDOW_MS, now)
}

interface Who {
  personId: string
  ip: string | null
  now?: number
}

function personRow(tx: Tx | typeof db, personId: string) {
  return tx.select().from(people).where(eq(people.id, personId)).get()
}

function refuseCode(
  person: { id: string; email: string; organizationId: string },
  action: string,
  ip: string | null,
  now: number,
): CodeResult {
  recordHit(secondFactorKey(person.id), now)
  audit({ actor: person, action, outcome: 'failed', ip, details: { reason: 'wrong_code' } })
  return { ok: false, reason: 'invalid' }
}

type PersonRow = NonNullable<ReturnType<typeof personRow>>

/** Checks a code against `secret`; when it is right, makes `change` and records `action` (about the
 * person themselves unless `aboutPerson` is false) in one transaction. A wrong code is refused and
 * counts towards the limit. */
function withCorrectCode(
  person: PersonRow,
  input: { action: string; ip: string | null; now: number; secret: string; code: string },
  change: (tx: Tx) => void,
  aboutPerson = true,
): CodeResult {
  const { action, ip, now } = input
  const target = aboutPerson ? { targetType: 'person', targetId: person.id } : {}
  const ok = db.transaction(
    (tx) => {
      if (!verifyTotpCode(tx, person.id, input.secret, input.code, now)) return false
      change(tx)
      audit({ actor: person, action, ...target, ip }, tx)
      return true
    },
    { behavior: 'immediate' },
  )
  return ok ? { ok: true } : refuseCode(person, action, ip, now)
}

/** Sign-in: checks the code of an enrolled person and marks the pending session verified. Wrong codes
 * count towards the limit (10 in 15 minutes, then 429). */
export function verifySecondFactor(input: Who & { sessionId: string; code: string }): CodeResult {
  const now = input.now ?? Date.now()
  const person = personRow(db, input.personId)
  if (!person) return { ok: false, reason: 'unknown' }
  if (!person.totpKey) return { ok: false, reason: 'not_enrolled' }
  const action = 'auth.secondFactor'
  const wait = throttle(person.id, now)
  if (wait > 0) return refuseThrottled({ actor: person, action, ip: input.ip }, wait)
  const check = { action, ip: input.ip, now, secret: person.totpKey, code: input.code }
  return withCorrectCode(person, check, () => markTwoFactorVerified(input.sessionId), false)
}

/** Saves a candidate key once the person proves their app has it (a correct code). At sign-in the
 * pending session is marked verified in the same transaction. */
export function enrolSecondFactor(
  input: Who & { secret: string; code: string; sessionId?: string | null },
): CodeResult {
  const now = input.now ?? Date.now()
  const person = personRow(db, input.personId)
  if (!person || person.status !== 'active') return { ok: false, reason: 'unknown' }
  if (person.totpKey) return { ok: false, reason: 'already_enrolled' }
  const action = 'account.secondFactor.enrol'
  const wait = throttle(person.id, now)
  if (wait > 0) return refuseThrottled({ actor: person, action, ip: input.ip }, wait)
  if (!isValidTotpKey(input.secret)) return refuseCode(person, action, input.ip, now)
  const check = { action, ip: input.ip, now, secret: input.secret, code: input.code }
  return withCorrectCode(person, check, (tx) => {
    tx.update(people)
      .set({ totpKey: input.secret, updatedAt: new Date(now) })
      .where(eq(people.id, person.id))
      .run()
    if (input.sessionId) markTwoFactorVerified(input.sessionId)
  })
}

export type DisableResult = CodeResult | { ok: false; reason: 'required' }

/** Turns the second factor off after a correct current code. Those who must use one cannot
 * (`mustUseSecondFactor`). */
export function disableSecondFactor(input: Who & { code: string }): DisableResult {
  const now = input.now ?? Date.now()
  const person = personRow(db, input.personId)
  if (!person) return { ok: false, reason: 'unknown' }
  if (mustUseSecondFactor(person)) {
    audit({
      actor: person,
      action: 'account.secondFactor.disable',
      outcome: 'refused',
      ip: input.ip,
      details: { reason: 'required' },
    })
    return { ok: false, reason: 'required' }
  }
  if (!person.totpKey) return { ok: false, reason: 'not_enrolled' }
  const wait = throttle(person.id, now)
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfter: wait }
  const check = {
    action: 'account.secondFactor.disable',
    ip: input.ip,
    now,
    secret: person.totpKey,
    code: input.code,
  }
  return withCorrectCode(person, check, (tx) => {
    tx.update(people)
      .set({ totpKey: null, updatedAt: new Date(now) })
      .where(eq(people.id, person.id))
      .run()
  })
}
