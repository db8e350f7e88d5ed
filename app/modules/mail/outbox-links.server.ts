/**
 * The outbox must not be a key ring. A mail that carries a one-time link (an invitation, a password
 * reset) holds a working secret; the outbox page shows such a link only when the outbox is the delivery
 * (no SMTP_URL: the secretariat hands the links over, and the page says so) and the link still works.
 * Everywhere else the link is masked and only its kind and state are shown, and once SMTP has delivered
 * a mail its stored text loses the secret for good.
 */
import { inArray } from 'drizzle-orm'
import { db } from '@db/client'
import { oneTimeTokens } from '@db/schema'
import { hashToken } from '~/modules/auth/tokens.server'

/** `/invitation/<token>` and `/password-reset/<token>` (tokens: 32 characters of base32). */
const LINK = /\/(invitation|password-reset)\/([a-z2-7]{32})(?![a-z2-7])/g
const MASK = '•••'

export type LinkKind = 'invitation' | 'password_reset'
export type LinkState = 'valid' | 'used' | 'expired' | 'unknown'

export interface OutboxLink {
  kind: LinkKind
  state: LinkState
  expiresAt: Date | null
}

/** The text with every one-time link's token replaced by a mask. */
export function redactLinks(text: string): string {
  return text.replace(LINK, (_m, path: string) => `/${path}/${MASK}`)
}

interface Found {
  kind: LinkKind
  token: string
}

function linksIn(text: string): Found[] {
  return [...text.matchAll(LINK)].map((m) => ({
    kind: m[1] === 'invitation' ? 'invitation' : 'password_reset',
    token: m[2],
  }))
}

/**
 * What the outbox page may show of each message: its text (links masked unless `mayShowWorkingLinks`
 * and the link still works) and the state of every one-time link in it.
 */
export function outboxTexts(
  messages: { id: string; text: string }[],
  { mayShowWorkingLinks, now = Date.now() }: { mayShowWorkingLinks: boolean; now?: number },
): Map<string, { text: string; links: OutboxLink[] }> {
  const found = new Map(messages.map((m) => [m.id, linksIn(m.text)]))
  const hashes = [...found.values()].flat().map((l) => hashToken(l.token))
  const rows = hashes.length
    ? db
        .select({
          tokenHash: oneTimeTokens.tokenHash,
          usedAt: oneTimeTokens.usedAt,
          expiresAt: oneTimeTokens.expiresAt,
        })
        .from(oneTimeTokens)
        .where(inArray(oneTimeTokens.tokenHash, hashes))
        .all()
    : []
  const byHash = new Map(rows.map((r) => [r.tokenHash, r]))
  const out = new Map<string, { text: string; links: OutboxLink[] }>()
  for (const m of messages) {
    const links: OutboxLink[] = []
    const working = new Set<string>()
    for (const l of found.get(m.id) ?? []) {
      const row = byHash.get(hashToken(l.token))
      const state: LinkState = !row
        ? 'unknown'
        : row.usedAt
          ? 'used'
          : row.expiresAt.getTime() <= now
            ? 'expired'
            : 'valid'
      if (state === 'valid') working.add(l.token)
      links.push({ kind: l.kind, state, expiresAt: row?.expiresAt ?? null })
    }
    const text = m.text.replace(LINK, (whole, path: string, token: string) =>
      mayShowWorkingLinks && working.has(token) ? whole : `/${path}/${MASK}`,
    )
    out.set(m.id, { text, links })
  }
  return out
}
