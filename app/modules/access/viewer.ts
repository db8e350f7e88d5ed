// Types only: safe to import from client code.
import type { Lang } from '~/i18n/core'
import type { GroupRole } from '~/modules/groups/constants'
import type { OrganizationKind, PersonRole } from '~/modules/members/constants'

export type { Lang, OrganizationKind, PersonRole }

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
  /** the person's role in each of those groups (read on every request, like groupIds); missing: no
   * role anywhere */
  groupRoles?: Readonly<Record<string, GroupRole>>
  /** how the request was authenticated */
  via: 'session' | 'token'
  sessionId: string | null
  /** for a request authenticated by an API token: what the token may do (read: GET only) */
  tokenScope?: 'read' | 'write'
}
