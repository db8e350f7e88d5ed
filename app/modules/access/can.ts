/**
 * The ONE place that decides who may do what. Pure and synchronous, so the UI can ask it to hide
 * controls; the server asks it before every read and write. Denied by default; unknown actions throw.
 * Client-safe (no server imports).
 */
import type { OrganizationKind, Viewer } from './viewer'

export type Subject = Viewer | null

/** Resource shapes, by action. */
export interface OrgRef {
  organizationId: string
  /** for a national institution: the member state it belongs to */
  parentOrganizationId?: string | null
}
export interface PersonRef extends OrgRef {
  personId: string
}
export interface GroupRef {
  groupId: string
}

export interface Actions {
  /** /admin pages: people, audit, outbox */
  'admin.access': undefined
  'audit.read': undefined
  'outbox.read': undefined
  /** invite someone into an organization */
  'person.invite': OrgRef
  'person.disable': PersonRef
  'person.enable': PersonRef
  /** end another person's sessions */
  'person.endSessions': PersonRef
  /** see that people exist at all: names, titles, organizations */
  'person.list': undefined
  /** e-mail and phone of a person in that organization */
  'person.viewContact': OrgRef
  'organization.view': undefined
  'group.view': undefined
  'group.viewMembers': GroupRef
}
export type Action = keyof Actions

const isSecretariat = (v: Subject): boolean => v?.role === 'secretariat'
const signedIn = (v: Subject): v is Viewer => v !== null

/** Member-state users (including their national institutions) and the secretariat. */
export function isMemberSide(v: Subject): v is Viewer {
  if (!v) return false
  return (
    v.role === 'secretariat' ||
    v.organizationKind === 'member_state' ||
    v.organizationKind === 'national_institution'
  )
}

export const OBSERVER_KINDS: readonly OrganizationKind[] = [
  'observer_state',
  'international_organization',
  'civil_society',
]

function ownOrganization(v: Viewer, r: OrgRef) {
  return r.organizationId === v.organizationId || r.parentOrganizationId === v.organizationId
}

type Rule<A extends Action> = (v: Subject, r: Actions[A]) => boolean

const rules: { [A in Action]: Rule<A> } = {
  'admin.access': (v) => isSecretariat(v),
  'audit.read': (v) => isSecretariat(v),
  'outbox.read': (v) => isSecretariat(v),
  'person.invite': (v, r) =>
    isSecretariat(v) || (signedIn(v) && v.role === 'focal_point' && !!r && ownOrganization(v, r)),
  'person.disable': (v, r) => isSecretariat(v) && !!r && r.personId !== v?.id,
  'person.enable': (v, r) => isSecretariat(v) && !!r,
  'person.endSessions': (v, r) => isSecretariat(v) || (signedIn(v) && !!r && r.personId === v.id),
  'person.list': (v) => signedIn(v),
  'person.viewContact': (v, r) => isSecretariat(v) || (signedIn(v) && !!r && ownOrganization(v, r)),
  'organization.view': () => true,
  'group.view': () => true,
  'group.viewMembers': (v, r) =>
    isSecretariat(v) || (signedIn(v) && !!r && v.groupIds.includes(r.groupId)) || isMemberSide(v),
}

export function can<A extends Action>(
  viewer: Subject,
  action: A,
  ...resource: Actions[A] extends undefined ? [] : [Actions[A]]
): boolean {
  const rule = rules[action] as Rule<A> | undefined
  if (!rule) throw new Error(`Unknown action: ${String(action)}`)
  return rule(viewer, resource[0] as Actions[A])
}

export const ALL_ACTIONS = Object.keys(rules) as Action[]
