/**
 * The ONE place that decides who may do what. Pure and synchronous, so the UI can ask it to hide
 * controls; the server asks it before every read and write. Denied by default; unknown actions throw.
 * Client-safe (no server imports).
 */
import type { GroupRole } from '~/modules/groups/constants'
import { EDITABLE_STAGES } from '~/modules/plans/constants'
import type { Viewer } from './viewer'
import type {
  ActionItemRef,
  ActionOwnerRef,
  ActionUpdateRef,
  DecisionRef,
  DelegateRef,
  DelegationMemberRef,
  DelegationRef,
  DocumentRef,
  DocumentTarget,
  GroupRef,
  MeetingRef,
  MinutesRef,
  OrgRef,
  PersonRef,
  PlanCommentRef,
  PlanRef,
  PlanRoundCommentRef,
  PlanRoundOrgRef,
  PlanRoundRef,
  PlanRoundResponseRef,
  PlanSectionRef,
  ProcedureRef,
  ProcedureStateRef,
  SecondFactorAccount,
  SecondFactorRef,
  Subject,
} from './refs'

// the records' shapes live in refs.ts; callers keep importing them from here
export type * from './refs'

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
  /** read a document: its page, API record, files, search hits */
  'document.view': DocumentRef
  /** publish a new document with that visibility (and group) */
  'document.upload': DocumentTarget
  /** upload a new version or a translation of a document */
  'document.addVersion': DocumentRef
  /** change a document's metadata (a new visibility is checked with document.upload too) */
  'document.edit': DocumentRef
  'document.delete': DocumentRef
  'document.restore': DocumentRef
  /** who downloaded a restricted document */
  'document.viewDownloads': DocumentRef
  /** list the deleted documents (to restore one) */
  'document.listDeleted': undefined
  /** a meeting's page, API record, calendar entry; members-only meetings do not exist for observers */
  'meeting.view': MeetingRef
  'meeting.create': undefined
  /** every meeting concerns them: the dashboard lists all upcoming meetings, not only those their
   * organization is invited to or their group organizes */
  'meeting.followAll': undefined
  /** dates, place, status, openness, invited organizations */
  'meeting.edit': MeetingRef
  /** add, change, reorder and remove agenda items */
  'meeting.manageAgenda': MeetingRef
  /** register (or change) the delegation of an organization */
  'delegation.register': DelegationRef
  /** register their own organization's delegations: the dashboard lists the meetings still waiting
   * for one */
  'delegation.registerOwn': undefined
  /** accept or decline a place in a delegation */
  'delegation.respond': DelegateRef
  // ---- delegations (members without an account, logistics, letters, badges) ----
  /** a member's arrival, departure, accessibility and dietary needs: page, print, API */
  'delegation.viewLogistics': DelegationMemberRef
  'delegation.editLogistics': DelegationMemberRef
  /** the official invitation letter of one member (PDF, for visa purposes) */
  'delegation.invitationLetter': DelegationMemberRef
  /** badges and name cards of an organization's delegation, for printing */
  'delegation.printBadges': DelegationRef
  'meeting.recordAttendance': MeetingRef
  /** read the minutes of an item: drafts only for the secretariat */
  'minutes.view': MinutesRef
  'minutes.write': MinutesRef
  /** send draft minutes to the delegations for comment, with a deadline */
  'minutes.circulate': MinutesRef
  'minutes.comment': MinutesRef
  'minutes.adopt': MinutesRef
  /** record a correction to adopted minutes */
  'minutes.addErratum': MinutesRef
  /** every saved text of the minutes, drafts included */
  'minutes.history': MinutesRef
  /** the saved texts from the one circulated for comment on */
  'minutes.circulatedHistory': MinutesRef
  'decision.record': MeetingRef
  /** create and revoke one's own personal calendar feed */
  'calendarFeed.manage': undefined
  /** an action item's page, API record, list row, export line */
  'action.view': ActionItemRef
  'action.create': undefined
  /** title, description, origin, owners, due date, priority, tags */
  'action.edit': ActionItemRef
  'action.cancel': ActionItemRef
  /** the undo of a cancellation (the action's page refuses it once the record moved on) */
  'action.reopen': ActionItemRef
  /** report progress (status, progress, note, evidence); the state of the action is checked apart (409) */
  'action.update': ActionItemRef
  /** report on the whole action rather than for one owner's part (the secretariat) */
  'action.reportWhole': ActionItemRef
  /** accept or send back an owner's report of `done` */
  'action.validate': ActionUpdateRef
  /** one's own report of `done` counts as validated at once: the action is done, nobody validates it */
  'action.selfValidate': ActionItemRef
  /** follow every action at once: the overall counts (overdue, due soon) and the reports awaiting
   * validation */
  'action.followUpAll': undefined
  /** the follow-up board (per member state and organization) and the per-state pages */
  'action.board': undefined
  /** turn off one's own second factor (the secretariat must keep theirs) */
  'secondFactor.turnOff': SecondFactorRef
  /** add, change the role of and remove a group's members */
  'group.manageMembers': GroupRef
  /** a plan's page, API record, sections, revisions, comments: its group's members only */
  'plan.view': PlanRef
  /** every plan of every group, in lists (others list the plans of their own groups) */
  'plan.listAll': undefined
  'plan.create': GroupRef
  /** move a plan to another stage */
  'plan.changeStage': PlanRef
  /** add, move and retire sections, set their lead drafter and status */
  'plan.manageSections': PlanRef
  /** save a new text of a section */
  'plan.editSection': PlanSectionRef
  /** open a comment thread or reply */
  'plan.comment': PlanRef
  /** suggest replacement wording */
  'plan.suggest': PlanSectionRef
  'plan.resolveComment': PlanCommentRef
  /** accept (a revision credited to the suggester) or reject a suggestion */
  'suggestion.decide': PlanSectionRef
  /** turn a line of action or an activity of the implementation matrix into an action item */
  'plan.createActions': PlanRef
  // plan word: Word in, Word out, publication
  /** start the plan's sections from a Word document (a plan still without sections) */
  'plan.import': PlanRef
  /** publish the approved plan into the document library (a new version each time) */
  'plan.publish': PlanRef
  // plan rounds
  /** open a consultation round (whole plan or some sections, chosen organizations, a deadline) */
  'plan.roundOpen': PlanRef
  /** close a round before its deadline */
  'plan.roundClose': PlanRoundRef
  /** a round's page: its sections' texts, its organizations, one's own organization's comments */
  'plan.roundView': PlanRoundRef
  /** write a draft comment for a consulted organization */
  'plan.roundComment': PlanRoundOrgRef
  /** change or withdraw one's own draft comment, before the organization submits */
  'plan.roundEditComment': PlanRoundCommentRef
  /** submit the organization's comments as its position */
  'plan.roundSubmit': PlanRoundOrgRef
  /** read the comments of an organization in a round (drafts: its own people only) */
  'plan.roundReadComments': PlanRoundOrgRef
  /** answer a submitted comment (response and action taken) */
  'plan.roundRespond': PlanRoundResponseRef
  // decisions and owners
  /** correct a decision's text by a corrigendum (its code stays, its history is kept) */
  'decision.correct': DecisionRef
  /** withdraw a decision, with a reason (its code is never given again) */
  'decision.withdraw': DecisionRef
  /** report progress for this owner organization (each owner reports its own part) */
  'action.reportFor': ActionOwnerRef
  /** declare the action done although not every owner reported its part done (with a reason) */
  'action.decideDone': ActionItemRef
  // written procedure
  /** open a written procedure (and relaunch a revised text) */
  'procedure.launch': undefined
  /** a procedure's page and API record: the text, the deadline, the outcome */
  'procedure.view': ProcedureRef
  /** every state's position (and its history) while the procedure runs and after */
  'procedure.viewPositions': ProcedureRef
  /** record the state's position: agree, object (with a reason), amend (with the wording) */
  'procedure.takePosition': ProcedureStateRef
  /** name the delegate who may take the state's position */
  'procedure.nameDelegate': ProcedureStateRef
  /** move the deadline later, once, with a reason, before it passes */
  'procedure.extend': ProcedureRef
  // ---- notifications ----
  /** /notifications and the unread count: one's own notifications */
  'notification.list': undefined
  /** /account/notifications: one's own preferences and follows */
  'notification.preferences': undefined
  /** /admin/outbox: queue a failed message again */
  'outbox.sendAgain': undefined
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

function ownOrganization(v: Viewer, r: OrgRef) {
  return r.organizationId === v.organizationId || r.parentOrganizationId === v.organizationId
}

const toMs = (d: Date | number) => (typeof d === 'number' ? d : d.getTime())

/** Until embargoUntil, only the owner organization and the secretariat see a document. */
export function embargoActive(r: Pick<DocumentRef, 'embargoUntil'>, now = Date.now()): boolean {
  return r.embargoUntil !== null && r.embargoUntil !== undefined && toMs(r.embargoUntil) > now
}

/** The visibility levels, without embargo or deletion: public (anyone), participants (anyone signed
 * in), members (member states and the secretariat), group (its members and the secretariat),
 * secretariat. */
function visibilityAllows(v: Subject, r: DocumentTarget): boolean {
  switch (r.visibility) {
    case 'public':
      return true
    case 'participants':
      return signedIn(v)
    case 'members':
      return isMemberSide(v)
    case 'group':
      return isSecretariat(v) || (signedIn(v) && !!r.groupId && v.groupIds.includes(r.groupId))
    case 'secretariat':
      return isSecretariat(v)
    default:
      return false
  }
}

function canViewDocument(v: Subject, r: DocumentRef): boolean {
  if (isSecretariat(v)) return true
  if (r.deletedAt) return false
  if (!visibilityAllows(v, r)) return false
  return !embargoActive(r) || (signedIn(v) && v.organizationId === r.ownerOrganizationId)
}

/** People of the owner organization (and the secretariat) maintain a document they can see. */
function ownsDocument(v: Subject, r: DocumentRef): boolean {
  if (!signedIn(v) || r.deletedAt) return false
  return isSecretariat(v) || (v.organizationId === r.ownerOrganizationId && canViewDocument(v, r))
}

function canViewMeeting(v: Subject, r: MeetingRef): boolean {
  if (!signedIn(v)) return false
  return r.openness === 'open' || isMemberSide(v)
}

const before = (deadline: Date | number | null, now = Date.now()) => deadline === null || toMs(deadline) > now

/** Focal points register until the deadline, while the meeting is still ahead. */
function registrationOpen(r: MeetingRef): boolean {
  return (r.status === 'planned' || r.status === 'confirmed') && before(r.registrationDeadline)
}

/** The focal point of an invited organization, for that organization only. */
function registersFor(v: Subject, r: DelegationRef): boolean {
  if (!signedIn(v) || !canViewMeeting(v, r)) return false
  if (isSecretariat(v)) return true
  return (
    v.role === 'focal_point' &&
    v.organizationId === r.organizationId &&
    r.invitedOrganizationIds.includes(r.organizationId) &&
    registrationOpen(r)
  )
}

/** The meeting is still ahead: planned or confirmed (not held, not cancelled). */
const meetingAhead = (r: MeetingRef) => r.status === 'planned' || r.status === 'confirmed'

/** The focal point of the delegation's own organization (whatever the deadline). */
function focalPointOf(v: Viewer, r: DelegationRef): boolean {
  return v.role === 'focal_point' && v.organizationId === r.organizationId
}

/** A member's logistics: the secretariat, their organization's focal point, and the people of the
 * same delegation to the same meeting (the member themselves among them). Nobody else. */
function seesLogistics(v: Subject, r: DelegationMemberRef): boolean {
  if (!signedIn(v) || !canViewMeeting(v, r)) return false
  if (isSecretariat(v)) return true
  return v.organizationId === r.organizationId && (focalPointOf(v, r) || r.delegatePersonIds.includes(v.id))
}

function canViewMinutes(v: Subject, r: MinutesRef): boolean {
  return canViewMeeting(v, r) && (r.minutesStatus !== 'draft' || isSecretariat(v))
}

const secretariatOn = (v: Subject, r: MeetingRef | undefined) => isSecretariat(v) && !!r

/** The viewer's organization is this one: their state or agency, their national institution, or (for a
 * state's people) one of the state's national institutions. A state answers for its institutions. */
export function speaksFor(v: Viewer, r: OrgRef): boolean {
  return (
    r.organizationId === v.organizationId ||
    (v.institutionId !== null && r.organizationId === v.institutionId) ||
    (!!r.parentOrganizationId && r.parentOrganizationId === v.organizationId)
  )
}

/** Actions from a members-only meeting do not exist for observers, unless they own or support them;
 * every other action is visible to every signed-in participant (never to the public). */
function canViewActionItem(v: Subject, r: ActionItemRef): boolean {
  if (!signedIn(v)) return false
  if (r.meetingOpenness !== 'members_only' || isMemberSide(v)) return true
  return [...r.owners, ...r.supporters].some((o) => speaksFor(v, o))
}

/** The owners' people (a state's people also for its national institutions) and the secretariat.
 * Supporting organizations do not report: the owner answers for the commitment and reports what its
 * supporters did; a delegate of another state never writes on it. */
function reportsOn(v: Subject, r: ActionItemRef): boolean {
  if (!signedIn(v) || !canViewActionItem(v, r)) return false
  return isSecretariat(v) || r.owners.some((o) => speaksFor(v, o))
}

/** The secretariat must use a second factor: they set it up at sign-in (or on accepting their
 * invitation) and cannot turn it off. The demo's exempt secretariat account is the one exception. */
export function mustUseSecondFactor(account: SecondFactorAccount): boolean {
  return account.role === 'secretariat' && !account.totpExempt
}

/** The viewer's role in a group; the secretariat acts as the chair of every group. */
export function groupRoleOf(v: Subject, groupId: string): GroupRole | null {
  if (!signedIn(v)) return null
  if (isSecretariat(v)) return 'chair'
  return v.groupRoles?.[groupId] ?? null
}
const hasRole = (v: Subject, groupId: string, roles: readonly GroupRole[]) => {
  const role = groupRoleOf(v, groupId)
  return role !== null && roles.includes(role)
}
/** Approved and published plans are locked. */
const planOpen = (r: PlanRef) => EDITABLE_STAGES.includes(r.stage)

/** Drafters write; an agreed section is reopened only by the chair; a retired one by nobody. */
function editsSection(v: Subject, r: PlanSectionRef): boolean {
  if (!planOpen(r) || r.retired) return false
  const role = groupRoleOf(v, r.groupId)
  return role === 'chair' || (role === 'drafter' && r.status !== 'agreed')
}

// plan rounds
/** The organizations a person comments for: their own (their national institution when they have one),
 * their state; a state's focal point also for the state's national institutions (the state answers for
 * them, as for action items). */
function commentsFor(v: Subject, r: OrgRef): boolean {
  if (!signedIn(v) || isSecretariat(v)) return false
  return (
    r.organizationId === (v.institutionId ?? v.organizationId) ||
    r.organizationId === v.organizationId ||
    (v.role === 'focal_point' && !!r.parentOrganizationId && r.parentOrganizationId === v.organizationId)
  )
}
/** The focal point of the organization: of the state or agency itself, of their own institution, or of
 * the state whose national institution it is. */
function submitsFor(v: Subject, r: OrgRef): boolean {
  if (!signedIn(v) || v.role !== 'focal_point') return false
  return (
    r.organizationId === v.organizationId ||
    r.organizationId === v.institutionId ||
    (!!r.parentOrganizationId && r.parentOrganizationId === v.organizationId)
  )
}
const consultedIn = (r: PlanRoundRef, o: OrgRef) =>
  r.consulted.some((c) => c.organizationId === o.organizationId)
/** A round's page: the plan's group (the secretariat included) and the focal points of the consulted
 * organizations, who may not be in the group: the round shows them the sections asked about. */
function seesRound(v: Subject, r: PlanRoundRef): boolean {
  return groupRoleOf(v, r.groupId) !== null || r.consulted.some((o) => submitsFor(v, o))
}
/** Writing for a consulted organization that has not submitted yet, in an open round of an open plan:
 * its people in the plan's group, and its focal point. */
function draftsFor(v: Subject, r: PlanRoundOrgRef): boolean {
  if (!planOpen(r) || !r.open || r.submitted || !consultedIn(r, r)) return false
  return commentsFor(v, r) && (groupRoleOf(v, r.groupId) !== null || submitsFor(v, r))
}

// written procedure: the secretariat launches and extends; the states concerned always see the procedure
// (it was circulated to them), others as its visibility says; only member states take a position, by
// their focal point or the delegate the focal point named, for their own state, while it is open.
function concernedIn(v: Subject, r: ProcedureRef): v is Viewer {
  return (
    signedIn(v) &&
    v.organizationKind === 'member_state' &&
    r.concernedOrganizationIds.includes(v.organizationId)
  )
}
function seesProcedure(v: Subject, r: ProcedureRef): boolean {
  if (isSecretariat(v) || concernedIn(v, r)) return true
  return r.visibility === 'members' ? isMemberSide(v) : signedIn(v)
}
function speaksInProcedure(v: Subject, r: ProcedureStateRef): boolean {
  if (!concernedIn(v, r) || !r.concernedOrganizationIds.includes(r.organizationId)) return false
  if (v.organizationId !== r.organizationId) return false
  return v.role === 'focal_point' || r.delegateId === v.id
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
  'document.view': (v, r) => !!r && canViewDocument(v, r),
  // Publishing at a level needs belonging to it: observers cannot publish as `members`, nobody but
  // the secretariat publishes to a group they are not in or as `secretariat`.
  'document.upload': (v, r) => signedIn(v) && !!r && visibilityAllows(v, r),
  'document.addVersion': (v, r) => !!r && ownsDocument(v, r),
  'document.edit': (v, r) => !!r && ownsDocument(v, r),
  'document.delete': (v, r) => !!r && ownsDocument(v, r),
  'document.restore': (v, r) => isSecretariat(v) && !!r && !!r.deletedAt,
  'document.viewDownloads': (v, r) => isSecretariat(v) && !!r,
  // the secretariat restores deleted documents, so it alone finds them in the list
  'document.listDeleted': (v) => isSecretariat(v),
  'meeting.view': (v, r) => !!r && canViewMeeting(v, r),
  'meeting.create': (v) => isSecretariat(v),
  'meeting.followAll': (v) => isSecretariat(v),
  'meeting.edit': secretariatOn,
  'meeting.manageAgenda': secretariatOn,
  'delegation.register': (v, r) => !!r && registersFor(v, r),
  // the secretariat registers any delegation but has none of its own to register
  'delegation.registerOwn': (v) => signedIn(v) && v.role === 'focal_point',
  // the person themselves, or whoever may register their delegation
  'delegation.respond': (v, r) =>
    !!r && signedIn(v) && canViewMeeting(v, r) && (r.personId === v.id || registersFor(v, r)),
  // ---- delegations ----
  'delegation.viewLogistics': (v, r) => !!r && seesLogistics(v, r),
  // travel plans change after the registration deadline: the focal point and the member themselves
  // keep them up to date until the meeting; the secretariat at any time (until they are deleted)
  'delegation.editLogistics': (v, r) =>
    !!r &&
    seesLogistics(v, r) &&
    (isSecretariat(v) ||
      (meetingAhead(r) &&
        r.invitedOrganizationIds.includes(r.organizationId) &&
        (focalPointOf(v!, r) || (r.personId !== null && r.personId === v!.id)))),
  // the secretariat, the organization's focal point, the member themselves; for a meeting still ahead
  'delegation.invitationLetter': (v, r) =>
    !!r &&
    signedIn(v) &&
    canViewMeeting(v, r) &&
    meetingAhead(r) &&
    (isSecretariat(v) ||
      (v.organizationId === r.organizationId &&
        (focalPointOf(v, r) || (r.personId !== null && r.personId === v.id)))),
  'delegation.printBadges': (v, r) =>
    !!r && signedIn(v) && canViewMeeting(v, r) && (isSecretariat(v) || focalPointOf(v, r)),
  'meeting.recordAttendance': secretariatOn,
  'minutes.view': (v, r) => !!r && canViewMinutes(v, r),
  // adopted minutes are locked: corrections are errata
  'minutes.write': (v, r) => secretariatOn(v, r) && r.minutesStatus !== 'adopted',
  'minutes.circulate': (v, r) => secretariatOn(v, r) && r.minutesStatus === 'draft',
  'minutes.comment': (v, r) =>
    !!r &&
    signedIn(v) &&
    !isSecretariat(v) &&
    canViewMeeting(v, r) &&
    r.invitedOrganizationIds.includes(v.organizationId) &&
    r.minutesStatus === 'circulated' &&
    r.commentDeadline !== null &&
    before(r.commentDeadline),
  'minutes.adopt': (v, r) => secretariatOn(v, r) && r.minutesStatus === 'circulated',
  'minutes.addErratum': (v, r) => secretariatOn(v, r) && r.minutesStatus === 'adopted',
  // every saved text, drafts included: for those who write the minutes
  'minutes.history': secretariatOn,
  // whoever reads circulated or adopted minutes sees how they changed after circulation, never the drafts
  'minutes.circulatedHistory': (v, r) => !!r && r.minutesStatus !== 'draft' && canViewMinutes(v, r),
  'decision.record': secretariatOn,
  'calendarFeed.manage': (v) => signedIn(v),
  'action.view': (v, r) => !!r && canViewActionItem(v, r),
  'action.create': (v) => isSecretariat(v),
  // a cancelled action is closed for good: a new one is created instead
  'action.edit': (v, r) => isSecretariat(v) && !!r && r.status !== 'cancelled',
  'action.cancel': (v, r) => isSecretariat(v) && !!r && r.status !== 'cancelled' && r.status !== 'done',
  'action.reopen': (v, r) => isSecretariat(v) && !!r && r.status === 'cancelled',
  'action.update': (v, r) => !!r && reportsOn(v, r),
  'action.reportWhole': (v, r) => !!r && isSecretariat(v) && reportsOn(v, r),
  'action.validate': (v, r) =>
    isSecretariat(v) && !!r && r.validation === 'pending' && r.status !== 'cancelled',
  // those who validate reports of done: their own report of done needs no one else's validation
  'action.selfValidate': (v, r) => isSecretariat(v) && !!r && r.status !== 'cancelled' && r.status !== 'done',
  'action.followUpAll': (v) => isSecretariat(v),
  'action.board': (v) => signedIn(v),
  'secondFactor.turnOff': (v, r) =>
    signedIn(v) &&
    !!r &&
    r.personId === v.id &&
    !mustUseSecondFactor({ role: v.role, totpExempt: r.totpExempt }),
  'group.manageMembers': (v, r) => !!r && hasRole(v, r.groupId, ['chair']),
  'plan.view': (v, r) => !!r && groupRoleOf(v, r.groupId) !== null,
  'plan.listAll': (v) => isSecretariat(v),
  'plan.create': (v, r) => !!r && hasRole(v, r.groupId, ['chair']),
  'plan.changeStage': (v, r) => !!r && hasRole(v, r.groupId, ['chair']),
  'plan.manageSections': (v, r) => !!r && planOpen(r) && hasRole(v, r.groupId, ['chair', 'drafter']),
  'plan.editSection': (v, r) => !!r && editsSection(v, r),
  'plan.comment': (v, r) => !!r && planOpen(r) && hasRole(v, r.groupId, ['chair', 'drafter', 'commenter']),
  'plan.suggest': (v, r) =>
    !!r && planOpen(r) && !r.retired && hasRole(v, r.groupId, ['chair', 'drafter', 'commenter']),
  // drafters and the chair close any thread; a commenter their own
  'plan.resolveComment': (v, r) =>
    !!r &&
    planOpen(r) &&
    (hasRole(v, r.groupId, ['chair', 'drafter']) ||
      (hasRole(v, r.groupId, ['commenter']) && r.authorId === v?.id)),
  // the chair, or the section's lead drafter while they may edit it
  'suggestion.decide': (v, r) =>
    !!r &&
    editsSection(v, r) &&
    (groupRoleOf(v, r.groupId) === 'chair' || (signedIn(v) && r.leadDrafterId === v.id)),
  // the chair (and the secretariat), at any stage: commitments follow from an approved plan too
  'plan.createActions': (v, r) => !!r && hasRole(v, r.groupId, ['chair']),
  // plan word: importing starts a plan (mandate or drafting) for those who write it; publishing an
  // approved (or already published) plan is the chair's (and the secretariat's)
  'plan.import': (v, r) =>
    !!r && (r.stage === 'mandate' || r.stage === 'drafting') && hasRole(v, r.groupId, ['chair', 'drafter']),
  'plan.publish': (v, r) =>
    !!r && (r.stage === 'approved' || r.stage === 'published') && hasRole(v, r.groupId, ['chair']),
  // plan rounds: the chair (and the secretariat) opens and closes rounds while the plan is open
  'plan.roundOpen': (v, r) => !!r && planOpen(r) && hasRole(v, r.groupId, ['chair']),
  'plan.roundClose': (v, r) => !!r && r.open && hasRole(v, r.groupId, ['chair']),
  'plan.roundView': (v, r) => !!r && seesRound(v, r),
  'plan.roundComment': (v, r) => !!r && draftsFor(v, r),
  'plan.roundEditComment': (v, r) => !!r && draftsFor(v, r) && r.authorId === v?.id,
  'plan.roundSubmit': (v, r) =>
    !!r && planOpen(r) && r.open && !r.submitted && consultedIn(r, r) && submitsFor(v, r),
  // drafts: the organization's own people who may write them; a submitted position: the plan's group too
  'plan.roundReadComments': (v, r) =>
    !!r &&
    consultedIn(r, r) &&
    ((commentsFor(v, r) && seesRound(v, r)) || (r.submitted && groupRoleOf(v, r.groupId) !== null)),
  // the chair, or the section's lead drafter (still a drafter of the group), once the position is in
  'plan.roundRespond': (v, r) =>
    !!r &&
    planOpen(r) &&
    r.submitted &&
    (hasRole(v, r.groupId, ['chair']) || (hasRole(v, r.groupId, ['drafter']) && r.leadDrafterId === v?.id)),
  // decisions and owners: corrigenda and withdrawals are the secretariat's, on a decision in force; an
  // owner's people report for their own organization only (the secretariat for any owner); only the
  // secretariat decides that an action is done without every owner's report
  'decision.correct': (v, r) => secretariatOn(v, r) && r.decisionStatus === 'in_force',
  'decision.withdraw': (v, r) => secretariatOn(v, r) && r.decisionStatus === 'in_force',
  'action.reportFor': (v, r) =>
    !!r &&
    reportsOn(v, r) &&
    r.owners.some((o) => o.organizationId === r.owner.organizationId) &&
    (isSecretariat(v) || (signedIn(v) && speaksFor(v, r.owner))),
  'action.decideDone': (v, r) => isSecretariat(v) && !!r && r.status !== 'cancelled' && r.status !== 'done',
  // written procedure
  'procedure.launch': (v) => isSecretariat(v),
  'procedure.view': (v, r) => !!r && seesProcedure(v, r),
  'procedure.viewPositions': (v, r) => !!r && seesProcedure(v, r) && isMemberSide(v),
  'procedure.takePosition': (v, r) => !!r && r.open && speaksInProcedure(v, r),
  'procedure.nameDelegate': (v, r) =>
    !!r && r.open && concernedIn(v, r) && v.role === 'focal_point' && v.organizationId === r.organizationId,
  'procedure.extend': (v, r) => !!r && r.open && !r.extended && isSecretariat(v),
  // ---- notifications ----
  // each person's own list and preferences (what a notification shows is checked when it is made);
  // the secretariat runs the mail queue
  'notification.list': (v) => signedIn(v),
  'notification.preferences': (v) => signedIn(v),
  'outbox.sendAgain': (v) => isSecretariat(v),
}

export function can<A extends Action>(
  viewer: Subject,
  action: A,
  ...resource: Actions[A] extends undefined ? [] : [Actions[A]]
): boolean {
  // Own keys only: `toString` or `constructor` must not pass for an action.
  const rule = (Object.hasOwn(rules, action) ? rules[action] : undefined) as Rule<A> | undefined
  if (!rule) throw new Error(`Unknown action: ${String(action)}`)
  return rule(viewer, resource[0] as Actions[A])
}

export const ALL_ACTIONS = Object.keys(rules) as Action[]
