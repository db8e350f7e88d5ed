// The mail queue's fixed lists (client-safe; db/schema.ts builds on them).

/** pending: waits for its next attempt; sending: claimed by a delivery run (with a lease); sent;
 * failed: gave up after the retry window (the secretariat may send it again). */
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const
export type MailStatus = (typeof MAIL_STATUSES)[number]
