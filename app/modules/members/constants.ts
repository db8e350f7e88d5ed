// The members area's fixed lists, without zod or server imports: safe and light for client components,
// and the one definition db/schema.ts builds its enums and CHECK constraints from.

/** Member states, observer states, agencies, civil society networks, the secretariat, and the national
 * institutions under a member state. */
export const ORGANIZATION_KINDS = [
  'member_state',
  'observer_state',
  'international_organization',
  'civil_society',
  'secretariat',
  'national_institution',
] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

export const PERSON_ROLES = ['secretariat', 'focal_point', 'delegate'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

/** invited: has not set a password yet; disabled: cannot sign in (their sessions are ended). */
export const PERSON_STATUSES = ['invited', 'active', 'disabled'] as const
export type PersonStatus = (typeof PERSON_STATUSES)[number]

/** The roles an invitation offers, in the order of the form. */
export const INVITE_ROLES = [
  'focal_point',
  'delegate',
  'secretariat',
] as const satisfies readonly PersonRole[]
export type InviteRole = (typeof INVITE_ROLES)[number]
/** Sorts of /admin/people. */
export const PEOPLE_SORTS = ['name', 'email', 'organization', 'status', 'created'] as const
export type PeopleSort = (typeof PEOPLE_SORTS)[number]
