// The sign-in area's fixed lists, without zod or server imports (client-safe; db/schema.ts builds on
// them).

/** What a one-time link (hashed, expiring, single use) is for. */
export const ONE_TIME_TOKEN_KINDS = ['invitation', 'password_reset'] as const
export type OneTimeKind = (typeof ONE_TIME_TOKEN_KINDS)[number]

/** Why a one-time link no longer works. */
export const LINK_REFUSALS = ['used', 'expired', 'unknown'] as const
export type LinkRefusal = (typeof LINK_REFUSALS)[number]
