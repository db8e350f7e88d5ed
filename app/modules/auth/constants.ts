// The sign-in area's fixed lists, without zod or server imports (client-safe; db/schema.ts builds on
// them).

/** What a one-time link (hashed, expiring, single use) is for. */
export const ONE_TIME_TOKEN_KINDS = ['invitation', 'password_reset'] as const
export type OneTimeKind = (typeof ONE_TIME_TOKEN_KINDS)[number]

/** Why a one-time link no longer works. */
export const LINK_REFUSALS = ['used', 'expired', 'unknown'] as const
export type LinkRefusal = (typeof LINK_REFUSALS)[number]

/** What a personal API token may do: read (GET only) or read and write. */
export const API_TOKEN_SCOPES = ['read', 'write'] as const
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number]
/** Lifetimes offered for a new token, in days; every token expires (90 days unless chosen otherwise). */
export const TOKEN_EXPIRY_DAYS = ['30', '90', '365'] as const
export const DEFAULT_TOKEN_DAYS = 90
