// The shapes the action pages draw, shared by the services that build them and the components that
// show them. Types only: client-safe, nothing here reaches the browser bundle.
import type { MeetingOpenness } from '~/modules/access/can'
import type { OriginType } from './constants'
import type { ActionStatus, Validation } from './schemas'

/** The action's state when a change was refused as stale: shown beside what the person typed. */
export interface ActionSnapshot {
  revision: number
  status: ActionStatus
  progress: number
  dueDate: string
  updatedAt: string
  lastUpdate: {
    note: string
    status: ActionStatus
    progress: number
    author: string
    organization: string
    createdAt: string
  } | null
}

/** A document given as evidence of a report, as the viewer may open it. */
export interface EvidenceView {
  id: string
  reference: string
  title: string
}

/** One report in an action's history, newest first. */
export interface UpdateView {
  id: string
  status: ActionStatus
  progress: number
  note: string
  revision: number
  createdAt: Date
  author: string
  organization: { code: string; name: string }
  validation: Validation | null
  validatedBy: string | null
  validatedAt: Date | null
  validationComment: string | null
  evidence: EvidenceView[]
  /** the owner organization the report is for; null: the whole action (the secretariat) */
  ownerOrganizationId: string | null
}

/** One owner's part of the action: what its latest report says (null: no report yet). */
export interface OwnerPartView {
  code: string
  name: string
  last: {
    status: ActionStatus
    progress: number
    validation: Validation | null
    author: string
    createdAt: Date
    validationComment: string | null
  } | null
}

/** Where an action comes from, as the viewer may see it: names (with ids for links), or only that it
 * is restricted when the origin is hidden from them (`origins.server.ts` decides, in SQL). */
export type OriginView =
  /** the kind of origin is said (a decision, a plan section), never which one */
  | { restricted: true; type: OriginType }
  | {
      restricted: false
      type: OriginType
      /** a meeting's decision, or one adopted by written procedure (procedureId, no meeting) */
      decision: { id: string; code: string; text: string; procedureId: string | null } | null
      agendaItem: { id: string; title: string } | null
      meeting: {
        id: string
        title: string
        startsAt: Date
        timeZone: string
        openness: MeetingOpenness
      } | null
      group: { slug: string; name: string } | null
      /** the plan section (a line of action, an activity): its plan, computed number and title */
      planSection: PlanSectionOrigin | null
    }

/** A plan section as an action's origin, in the reader's language; `number` is null when retired. */
export interface PlanSectionOrigin {
  id: string
  planId: string
  planTitle: string
  number: string | null
  title: string
}
