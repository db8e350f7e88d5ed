/**
 * The messages travel to the browser in packs, one small script per pack and language
 * (`/i18n/<lang>.<pack>.<version>.js`, cached for good): `core` on every page (the layout, forms,
 * confirmations, errors), the others by the area of the address. A page loads the packs of its
 * address before it hydrates; a client-side navigation into another area loads that area's packs
 * before the new page renders (the root's `clientLoader`). Which key is in which pack follows from its
 * first segment (`documents.title` -> `documents`); `tests/e2e/bundle.spec.ts` checks, against the
 * client build, that every route's modules find their keys in the packs of their address.
 *
 * Shared by the server (entry.server, catalogue.server) and the browser: no messages here.
 */

/** Key prefixes per pack: a key's first segment, or its first two where a family of keys travels apart
 * (`notifications.follow` before `notifications`). */
const PREFIXES = {
  core: [
    'app',
    'nav',
    'common',
    'error',
    'notYet',
    'role',
    'kind',
    'lang',
    'auth',
    'kept',
    'validation',
    'confirm',
    'zones',
    'footer',
  ],
  dashboard: ['dashboard', 'landing'],
  members: ['members'],
  documents: ['documents'],
  meetings: ['meetings', 'meetingsRun'],
  delegations: ['delegations'],
  decisions: ['decisionsOwners'],
  actions: ['actions', 'followUp'],
  groups: ['groups'],
  plans: ['plans', 'planWord'],
  planMatrix: ['planMatrix'],
  planRounds: ['planRounds'],
  procedures: ['procedures'],
  search: ['search', 'searchTypes'],
  account: ['account'],
  admin: ['admin', 'audit', 'outbox'],
  notifications: ['notifications'],
  help: ['help', 'privacy', 'accessibility'],
  // key families many pages use, apart from their area's pack: the follow button, the group roles
  follow: ['notifications.follow'],
  groupRoles: ['groups.role'],
} as const

export type Pack = keyof typeof PREFIXES
export const PACKS = Object.keys(PREFIXES) as Pack[]

/** Keys the layout itself says, in `core` although their area's pack is not on every page. */
const CORE_KEYS = new Set(['help.nav', 'notifications.header', 'notifications.headerNone'])

const PACK_OF_PREFIX = new Map<string, Pack>(
  (Object.entries(PREFIXES) as [Pack, readonly string[]][]).flatMap(([pack, prefixes]) =>
    prefixes.map((p) => [p, pack] as const),
  ),
)

/** Every key prefix a pack is named for (a test checks that the catalogue has no other). */
export const KNOWN_PREFIXES: ReadonlySet<string> = new Set(PACK_OF_PREFIX.keys())

/** The pack a message key travels in: by its first two segments, else its first (unknown: `core`). */
export function packOfKey(key: string): Pack {
  if (CORE_KEYS.has(key)) return 'core'
  const first = key.indexOf('.')
  const second = key.indexOf('.', first + 1)
  if (second > 0) {
    const family = PACK_OF_PREFIX.get(key.slice(0, second))
    if (family) return family
  }
  return PACK_OF_PREFIX.get(key.slice(0, first)) ?? 'core'
}

/** Whether a text has the shape of a message key of the catalogue (a form error may be either). */
export function looksLikeKey(text: string): boolean {
  return /^[A-Za-z]+(?:\.[\w-]+)+$/.test(text) && PACK_OF_PREFIX.has(text.slice(0, text.indexOf('.')))
}

/** The packs an address needs besides `core`: those of every rule its path matches (an area, then the
 * pages of the area that need more). */
const RULES: [RegExp, Pack[]][] = [
  [/^\/$/, ['dashboard', 'actions', 'documents', 'groupRoles', 'meetings', 'members', 'plans', 'procedures']],
  [/^\/members(\/|$)/, ['members', 'groups', 'help']],
  [/^\/documents(\/|$)/, ['documents', 'follow']],
  [/^\/documents\/new$/, ['decisions']],
  [/^\/meetings(\/|$)/, ['meetings', 'follow']],
  [/^\/meetings\/[^/]+\/(participants|badges)/, ['delegations']],
  [/^\/meetings\/[^/]+\/decisions/, ['decisions']],
  [/^\/meetings\/decisions/, ['decisions', 'procedures']],
  [/^\/meetings\/[^/]+\/(follow-up|pending-actions)/, ['actions']],
  [/^\/actions(\/|$)/, ['actions', 'decisions']],
  [/^\/groups(\/|$)/, ['groups', 'groupRoles', 'plans', 'follow']],
  [/^\/plans(\/|$)/, ['plans', 'planMatrix', 'planRounds', 'actions', 'documents', 'groupRoles', 'follow']],
  [/^\/procedures(\/|$)/, ['procedures']],
  [/^\/search(\/|$)/, ['search', 'actions', 'documents', 'plans']],
  [/^\/account(\/|$)/, ['account', 'notifications']],
  [/^\/admin(\/|$)/, ['admin', 'procedures', 'notifications']],
  [/^\/notifications(\/|$)/, ['notifications']],
  [/^\/help(\/|$)/, ['help', 'actions', 'admin']],
  [/^\/(privacy|accessibility)(\/|$)/, ['help']],
  [/^\/(login|password-reset|invitation)(\/|$)/, ['account']],
  [/^\/invite(\/|$)/, ['admin']],
]

/** The packs a page at `pathname` needs, `core` first. */
export function packsForPath(pathname: string): Pack[] {
  const packs = new Set<Pack>(['core'])
  for (const [pattern, extra] of RULES) if (pattern.test(pathname)) for (const p of extra) packs.add(p)
  return [...packs]
}

/** The script of one pack in one language. `version` names the language's whole catalogue. */
export function packUrl(lang: string, pack: Pack, version: string): string {
  return `/i18n/${lang}.${pack}.${version}.js`
}
