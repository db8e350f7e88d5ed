/**
 * What can() is asked about: the shape of each kind of record as the access rules see it (can.ts). Only
 * the fields the rules read; the services build them from their rows. Client-safe (types only).
 */
import type { ActionStatus, Validation } from '~/modules/actions/constants'
import type { Visibility } from '~/modules/documents/constants'
import type {
  DecisionStatus,
  MeetingOpenness,
  MeetingStatus,
  MinutesStatus,
} from '~/modules/meetings/constants'
import type { PlanStage, SectionStatus } from '~/modules/plans/constants'
import type { ProcedureVisibility } from '~/modules/procedures/constants'
import type { PersonRole, Viewer } from './viewer'

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
export type DocumentVisibility = Visibility
/** Where a document is (to be) published: its visibility and, for `group`, the group. */
export interface DocumentTarget {
  visibility: DocumentVisibility
  groupId: string | null
}
/** A stored document as the rules see it. */
export interface DocumentRef extends DocumentTarget {
  ownerOrganizationId: string
  embargoUntil: Date | number | null
  deletedAt?: Date | number | null
}

export type { MeetingOpenness, MeetingStatus, MinutesStatus }
/** A meeting as the rules see it. */
export interface MeetingRef {
  openness: MeetingOpenness
  status: MeetingStatus
  /** the organizations invited to send a delegation */
  invitedOrganizationIds: readonly string[]
  /** focal points register until then (null: no deadline) */
  registrationDeadline: Date | number | null
}
/** The delegation of one organization to a meeting. */
export interface DelegationRef extends MeetingRef {
  organizationId: string
}
/** One person's place in a delegation (their answer to the invitation); a member without an account
 * has no person. */
export interface DelegateRef extends DelegationRef {
  personId: string | null
}
/** One member of a delegation as the logistics and letter rules see them: who they are (null: no
 * account) and the people with an account in the same delegation to the same meeting. */
export interface DelegationMemberRef extends DelegateRef {
  delegatePersonIds: readonly string[]
}
/** The minutes of one agenda item (an item without minutes yet is a `draft`). */
export interface MinutesRef extends MeetingRef {
  minutesStatus: MinutesStatus
  commentDeadline: Date | number | null
}

export type ActionItemStatus = ActionStatus
/** An action item as the rules see it. */
export interface ActionItemRef {
  /** openness of the meeting it comes from; null when it comes from no meeting */
  meetingOpenness: MeetingOpenness | null
  status: ActionItemStatus
  /** the organizations answerable for it (a national institution with its member state) */
  owners: readonly OrgRef[]
  /** organizations that help; they see the action but do not report on it */
  supporters: readonly OrgRef[]
}
/** One progress report of an action item. */
export interface ActionUpdateRef extends ActionItemRef {
  validation: Validation | null
}

// decisions and owners
/** A recorded decision as the rules see it: its meeting and whether it is still in force. */
export interface DecisionRef extends MeetingRef {
  decisionStatus: DecisionStatus
}
/** One owner of an action, as the one a report is written for. */
export interface ActionOwnerRef extends ActionItemRef {
  owner: OrgRef
}

/** An account as the second-factor rule sees it. */
export interface SecondFactorAccount {
  role: PersonRole
  /** the demo's secretariat account, exempt so that the demo can be tried without an authenticator app */
  totpExempt: boolean
}
/** One person's own second factor. */
export interface SecondFactorRef {
  personId: string
  totpExempt: boolean
}
/** A plan as the rules see it: its group (the viewer's role there decides) and its stage. */
export interface PlanRef {
  groupId: string
  stage: PlanStage
}
/** A section of a plan. */
export interface PlanSectionRef extends PlanRef {
  leadDrafterId: string | null
  status: SectionStatus
  retired: boolean
}
/** A comment thread of a plan. */
export interface PlanCommentRef extends PlanRef {
  authorId: string
}

// plan rounds: consultation rounds of a plan (the comment matrix)
/** A consultation round of a plan. `open`: not closed early and before its deadline, as the caller's
 * clock says (the rules stay pure). */
export interface PlanRoundRef extends PlanRef {
  open: boolean
  /** the organizations consulted in the round (a national institution with its member state) */
  consulted: readonly OrgRef[]
}
/** One organization of a round: the organization a comment or a submission is for. */
export interface PlanRoundOrgRef extends PlanRoundRef, OrgRef {
  /** the organization has submitted its position in this round */
  submitted: boolean
}
/** A comment of a round, as its author would change it. */
export interface PlanRoundCommentRef extends PlanRoundOrgRef {
  authorId: string
}
/** A submitted comment, as the drafters answer it: the section's lead drafter decides with the chair. */
export interface PlanRoundResponseRef extends PlanSectionRef {
  submitted: boolean
}

// written procedure: adoption of a text by the member states' silence before a deadline
/** A written procedure as the rules see it. `open`: not closed and before its deadline, as the server's
 * clock says (the rules stay pure). */
export interface ProcedureRef {
  visibility: ProcedureVisibility
  open: boolean
  extended: boolean
  /** the member states concerned */
  concernedOrganizationIds: readonly string[]
}
/** One state's place in a procedure: the state and the delegate its focal point named (or none). */
export interface ProcedureStateRef extends ProcedureRef {
  organizationId: string
  delegateId: string | null
}
