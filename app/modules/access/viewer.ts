// Types only: safe to import from client code.
export type OrganizationKind =
  | 'member_state'
  | 'observer_state'
  | 'international_organization'
  | 'civil_society'
  | 'secretariat'
  | 'national_institution'
export type PersonRole = 'secretariat' | 'focal_point' | 'delegate'
export type Lang = 'es' | 'en'

/** The signed-in person as every permission decision sees them. */
export interface Viewer {
  id: string
  name: string
  email: string
  role: PersonRole
  organizationId: string
  organizationCode: string
  organizationKind: OrganizationKind
  institutionId: string | null
  language: Lang
  /** ids of the working groups the person belongs to */
  groupIds: string[]
  /** how the request was authenticated */
  via: 'session' | 'token'
  sessionId: string | null
}
