/**
 * The permission matrix: every role x every action of app/modules/access/can.ts, with the expected
 * answers written out by hand (never derived from the rules). A new action without a row here fails.
 */
import { describe, expect, it } from 'vitest'
import {
  ALL_ACTIONS,
  can,
  mustUseSecondFactor,
  type Action,
  type ActionItemRef,
  type ActionUpdateRef,
  type DelegationMemberRef,
  type DocumentRef,
  type MeetingRef,
  type MinutesRef,
  type PlanCommentRef,
  type OrgRef,
  type PlanRef,
  type PlanRoundRef,
  type ProcedureRef,
  type ProcedureStateRef,
  type PlanSectionRef,
  type Subject,
} from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'

const ORG = {
  secretariat: 'org-secretariat',
  pa: 'org-pa',
  paSnm: 'org-pa-snm', // national institution under Panama
  mx: 'org-mx',
  gt: 'org-gt', // a member state none of the viewers belongs to
  gtIgm: 'org-gt-igm', // a national institution under Guatemala
  co: 'org-co',
  iom: 'org-iom',
  rrocm: 'org-rrocm',
}
const GROUP = {
  plan: 'group-pa-smuggling-plan',
  border: 'group-border-management',
  labor: 'group-labor-migration',
}

function viewer(v: Omit<Viewer, 'name' | 'email' | 'language' | 'via' | 'sessionId'>): Viewer {
  return { ...v, name: v.id, email: `${v.id}@rcm.example`, language: 'en', via: 'session', sessionId: null }
}

// The shapes match the demo data: a national institution's people belong to their state's organization
// and carry the institution in institutionId.
const ROLES = {
  anonymous: null,
  secretariat: viewer({
    id: 'secretariat',
    role: 'secretariat',
    organizationId: ORG.secretariat,
    organizationCode: 'SECRETARIAT',
    organizationKind: 'secretariat',
    institutionId: null,
    groupIds: [],
  }),
  memberStateFocalPoint: viewer({
    id: 'pa-focal',
    role: 'focal_point',
    organizationId: ORG.pa,
    organizationCode: 'PA',
    organizationKind: 'member_state',
    institutionId: null,
    groupIds: [GROUP.border],
    groupRoles: { [GROUP.border]: 'chair' },
  }),
  memberStateDelegate: viewer({
    id: 'mx-delegate',
    role: 'delegate',
    organizationId: ORG.mx,
    organizationCode: 'MX',
    organizationKind: 'member_state',
    institutionId: null,
    groupIds: [GROUP.labor],
    groupRoles: { [GROUP.labor]: 'reader' },
  }),
  nationalInstitutionPerson: viewer({
    id: 'pa-snm',
    role: 'delegate',
    organizationId: ORG.pa,
    organizationCode: 'PA',
    organizationKind: 'member_state',
    institutionId: ORG.paSnm,
    groupIds: [GROUP.plan],
    groupRoles: { [GROUP.plan]: 'drafter' },
  }),
  observerStateDelegate: viewer({
    id: 'co-observer',
    role: 'delegate',
    organizationId: ORG.co,
    organizationCode: 'CO',
    organizationKind: 'observer_state',
    institutionId: null,
    groupIds: [GROUP.border],
    groupRoles: { [GROUP.border]: 'commenter' },
  }),
  internationalOrganizationFocalPoint: viewer({
    id: 'iom-focal',
    role: 'focal_point',
    organizationId: ORG.iom,
    organizationCode: 'IOM',
    organizationKind: 'international_organization',
    institutionId: null,
    groupIds: [GROUP.plan],
    groupRoles: { [GROUP.plan]: 'drafter' },
  }),
  civilSocietyPerson: viewer({
    id: 'rrocm-focal',
    role: 'focal_point',
    organizationId: ORG.rrocm,
    organizationCode: 'RROCM',
    organizationKind: 'civil_society',
    institutionId: null,
    groupIds: [GROUP.labor],
    groupRoles: { [GROUP.labor]: 'commenter' },
  }),
} satisfies Record<string, Subject>
type Role = keyof typeof ROLES
const ROLE_NAMES = Object.keys(ROLES) as Role[]

/** A resource, possibly relative to the viewer asking ("their own organization"). */
type Variant = (self: Viewer | null) => unknown
const own = (self: Viewer | null) => self?.organizationId ?? ORG.pa

interface Row {
  /** resource variants, in the order of the letters below; `none` for actions without a resource */
  variants: Record<string, Variant>
  /** one letter per variant: Y allowed, N refused */
  expected: Record<Role, string>
}

const NONE = { none: () => undefined }
const ORG_VARIANTS = {
  ownOrganization: (v) => ({ organizationId: own(v) }),
  institutionOfOwnState: (v) => ({ organizationId: 'org-institution', parentOrganizationId: own(v) }),
  anotherOrganization: () => ({ organizationId: ORG.gt }),
  institutionOfAnotherState: () => ({ organizationId: ORG.gtIgm, parentOrganizationId: ORG.gt }),
} satisfies Record<string, Variant>
const PERSON_VARIANTS = {
  themselves: (v) => ({ personId: v?.id ?? 'someone', organizationId: own(v) }),
  colleagueInOwnOrganization: (v) => ({ personId: 'colleague', organizationId: own(v) }),
  personInAnotherOrganization: () => ({ personId: 'gt-person', organizationId: ORG.gt }),
} satisfies Record<string, Variant>
const GROUP_VARIANTS = {
  // members: the national institution person and the IOM focal point
  planDraftingGroup: () => ({ groupId: GROUP.plan }),
  // members: the Panama focal point and the Colombia observer
  borderGroup: () => ({ groupId: GROUP.border }),
} satisfies Record<string, Variant>

const FUTURE = new Date('2100-01-01T00:00:00Z')
const PAST = new Date('2000-01-01T00:00:00Z')
/** A document owned by another organization (Guatemala) unless said otherwise. */
const doc = (over: Partial<DocumentRef>): DocumentRef => ({
  visibility: 'participants',
  groupId: null,
  ownerOrganizationId: ORG.gt,
  embargoUntil: null,
  deletedAt: null,
  ...over,
})
const DOCUMENT_VIEW_VARIANTS = {
  public: () => doc({ visibility: 'public' }),
  participants: () => doc({ visibility: 'participants' }),
  members: () => doc({ visibility: 'members' }),
  planGroup: () => doc({ visibility: 'group', groupId: GROUP.plan }),
  secretariatOnly: () => doc({ visibility: 'secretariat' }),
  embargoedPublicOfOwnOrganization: (v) =>
    doc({ visibility: 'public', ownerOrganizationId: own(v), embargoUntil: FUTURE }),
  embargoedPublicOfAnotherOrganization: () => doc({ visibility: 'public', embargoUntil: FUTURE }),
  publicAfterEmbargo: () => doc({ visibility: 'public', embargoUntil: PAST }),
  deletedPublicOfOwnOrganization: (v) =>
    doc({ visibility: 'public', ownerOrganizationId: own(v), deletedAt: PAST }),
} satisfies Record<string, Variant>
const DOCUMENT_TARGET_VARIANTS = {
  public: () => ({ visibility: 'public', groupId: null }),
  participants: () => ({ visibility: 'participants', groupId: null }),
  members: () => ({ visibility: 'members', groupId: null }),
  planGroup: () => ({ visibility: 'group', groupId: GROUP.plan }),
  borderGroup: () => ({ visibility: 'group', groupId: GROUP.border }),
  secretariatOnly: () => ({ visibility: 'secretariat', groupId: null }),
} satisfies Record<string, Variant>
const DOCUMENT_OWNER_VARIANTS = {
  ownOrganizationParticipants: (v) => doc({ ownerOrganizationId: own(v) }),
  anotherOrganizationParticipants: () => doc({}),
  ownOrganizationDeleted: (v) => doc({ ownerOrganizationId: own(v), deletedAt: PAST }),
  ownOrganizationEmbargoed: (v) => doc({ ownerOrganizationId: own(v), embargoUntil: FUTURE }),
  ownOrganizationInPlanGroup: (v) =>
    doc({ ownerOrganizationId: own(v), visibility: 'group', groupId: GROUP.plan }),
} satisfies Record<string, Variant>

// ownOrganizationParticipants, anotherOrganizationParticipants, ownOrganizationDeleted,
// ownOrganizationEmbargoed, ownOrganizationInPlanGroup: the owner organization maintains what it can
// see; nobody edits a deleted document until the secretariat restores it.
const MAINTAIN_DOCUMENT: Row = {
  variants: DOCUMENT_OWNER_VARIANTS,
  expected: {
    anonymous: 'NNNNN',
    secretariat: 'YYNYY',
    memberStateFocalPoint: 'YNNYN',
    memberStateDelegate: 'YNNYN',
    nationalInstitutionPerson: 'YNNYY',
    observerStateDelegate: 'YNNYN',
    internationalOrganizationFocalPoint: 'YNNYY',
    civilSocietyPerson: 'YNNYN',
  },
}

// Meetings: open to all participants unless members-only; invited organizations; a deadline ahead.
const meeting = (over: Partial<MeetingRef> = {}): MeetingRef => ({
  openness: 'open',
  status: 'confirmed',
  invitedOrganizationIds: [ORG.pa, ORG.mx, ORG.co, ORG.iom, ORG.rrocm],
  registrationDeadline: FUTURE,
  ...over,
})
const MEETING_VARIANTS = {
  openMeeting: () => meeting(),
  membersOnlyMeeting: () => meeting({ openness: 'members_only' }),
} satisfies Record<string, Variant>
const invitedOwn = (v: Viewer | null, over: Partial<MeetingRef> = {}) =>
  meeting({ invitedOrganizationIds: [own(v)], ...over })
const DELEGATION_VARIANTS = {
  ownOrganizationInvited: (v) => ({ ...invitedOwn(v), organizationId: own(v) }),
  ownOrganizationNotInvited: (v) => ({
    ...meeting({ invitedOrganizationIds: [ORG.gt] }),
    organizationId: own(v),
  }),
  anotherOrganizationInvited: () => ({
    ...meeting({ invitedOrganizationIds: [ORG.gt] }),
    organizationId: ORG.gt,
  }),
  ownOrganizationAfterDeadline: (v) => ({
    ...invitedOwn(v, { registrationDeadline: PAST }),
    organizationId: own(v),
  }),
  ownOrganizationMembersOnly: (v) => ({
    ...invitedOwn(v, { openness: 'members_only' }),
    organizationId: own(v),
  }),
  ownOrganizationMeetingHeld: (v) => ({ ...invitedOwn(v, { status: 'held' }), organizationId: own(v) }),
} satisfies Record<string, Variant>
const DELEGATE_VARIANTS = {
  themselves: (v) => ({ ...invitedOwn(v), organizationId: own(v), personId: v?.id ?? 'someone' }),
  colleagueInOwnDelegation: (v) => ({ ...invitedOwn(v), organizationId: own(v), personId: 'colleague' }),
  personInAnotherDelegation: () => ({
    ...meeting({ invitedOrganizationIds: [ORG.gt] }),
    organizationId: ORG.gt,
    personId: 'gt-person',
  }),
  themselvesInMembersOnlyMeeting: (v) => ({
    ...invitedOwn(v, { openness: 'members_only' }),
    organizationId: own(v),
    personId: v?.id ?? 'someone',
  }),
} satisfies Record<string, Variant>
// ---- delegations: one member of a delegation, and who else (with an account) is in it ----
const memberOf = (v: Viewer | null, over: Partial<DelegationMemberRef> = {}): DelegationMemberRef => ({
  ...invitedOwn(v),
  organizationId: own(v),
  personId: v?.id ?? 'someone',
  delegatePersonIds: [v?.id ?? 'someone'],
  ...over,
})
const DELEGATION_MEMBER_VARIANTS = {
  themselves: (v) => memberOf(v),
  colleagueInSameDelegation: (v) =>
    memberOf(v, { personId: 'colleague', delegatePersonIds: ['colleague', v?.id ?? 'someone'] }),
  colleagueOutsideTheDelegation: (v) =>
    memberOf(v, { personId: 'colleague', delegatePersonIds: ['colleague'] }),
  memberWithoutAccountOfOwnOrganization: (v) => memberOf(v, { personId: null, delegatePersonIds: [] }),
  memberOfAnotherDelegation: () => ({
    ...meeting({ invitedOrganizationIds: [ORG.gt] }),
    organizationId: ORG.gt,
    personId: 'gt-person',
    delegatePersonIds: ['gt-person'],
  }),
  themselvesInMembersOnlyMeeting: (v) => memberOf(v, invitedOwn(v, { openness: 'members_only' })),
  themselvesMeetingHeld: (v) => memberOf(v, invitedOwn(v, { status: 'held' })),
} satisfies Record<string, Variant>
/** The minutes of an item of a meeting the viewer's organization is invited to, unless said otherwise. */
const minutesOf = (v: Viewer | null, over: Partial<MinutesRef> = {}): MinutesRef => ({
  ...invitedOwn(v),
  minutesStatus: 'draft',
  commentDeadline: null,
  ...over,
})
const MINUTES_VARIANTS = {
  draft: (v) => minutesOf(v),
  circulatedBeforeDeadline: (v) => minutesOf(v, { minutesStatus: 'circulated', commentDeadline: FUTURE }),
  circulatedAfterDeadline: (v) => minutesOf(v, { minutesStatus: 'circulated', commentDeadline: PAST }),
  adopted: (v) => minutesOf(v, { minutesStatus: 'adopted', commentDeadline: PAST }),
  circulatedMembersOnly: (v) =>
    minutesOf(v, { openness: 'members_only', minutesStatus: 'circulated', commentDeadline: FUTURE }),
  circulatedNotInvited: (v) =>
    minutesOf(v, { invitedOrganizationIds: [ORG.gt], minutesStatus: 'circulated', commentDeadline: FUTURE }),
} satisfies Record<string, Variant>
// Plans: the viewer's role in the plan's group decides. Roles in the matrix: the secretariat acts as
// every group's chair; Panama's focal point chairs the border group, where Colombia comments; SNM and
// IOM draft in the plan group; Mexico reads and RROCM comments in the labour group.
const plan = (over: Partial<PlanRef> = {}): PlanRef => ({ groupId: GROUP.plan, stage: 'drafting', ...over })
const PLAN_VARIANTS = {
  planGroupDrafting: () => plan(),
  borderGroupInConsultation: () => plan({ groupId: GROUP.border, stage: 'institutional_consultation' }),
  laborGroupDrafting: () => plan({ groupId: GROUP.labor }),
  planGroupApproved: () => plan({ stage: 'approved' }),
  borderGroupPublished: () => plan({ groupId: GROUP.border, stage: 'published' }),
} satisfies Record<string, Variant>
const section = (v: Viewer | null, over: Partial<PlanSectionRef> = {}): PlanSectionRef => ({
  ...plan(),
  leadDrafterId: v?.id ?? 'someone',
  status: 'draft',
  retired: false,
  ...over,
})
const SECTION_VARIANTS = {
  planGroupLedBySelf: (v) => section(v),
  planGroupLedByAnother: (v) => section(v, { leadDrafterId: 'another-drafter' }),
  planGroupAgreedLedBySelf: (v) => section(v, { status: 'agreed' }),
  planGroupRetiredLedBySelf: (v) => section(v, { retired: true }),
  planGroupApprovedLedBySelf: (v) => section(v, { stage: 'approved' }),
  borderGroupInConsultationLedByAnother: (v) =>
    section(v, { groupId: GROUP.border, stage: 'institutional_consultation', leadDrafterId: 'another' }),
  laborGroupLedByAnother: (v) => section(v, { groupId: GROUP.labor, leadDrafterId: 'another' }),
} satisfies Record<string, Variant>
const comment = (over: Partial<PlanCommentRef>): PlanCommentRef => ({
  ...plan(),
  authorId: 'another',
  ...over,
})
const COMMENT_VARIANTS = {
  planGroupOwnThread: (v) => comment({ authorId: v?.id ?? 'someone' }),
  planGroupAnothersThread: () => comment({}),
  borderGroupAnothersThread: () => comment({ groupId: GROUP.border, stage: 'institutional_consultation' }),
  laborGroupOwnThread: (v) => comment({ groupId: GROUP.labor, authorId: v?.id ?? 'someone' }),
  planGroupApprovedOwnThread: (v) => comment({ stage: 'approved', authorId: v?.id ?? 'someone' }),
} satisfies Record<string, Variant>

// plan rounds: a round of a plan consults organizations; the focal point of a consulted organization
// sees the round even outside the plan's group, writes for it and submits its position; its people in the
// group write drafts; drafts are its own people's until submitted, then the group's.
const round = (over: Partial<PlanRoundRef> = {}): PlanRoundRef => ({
  ...plan(),
  open: true,
  consulted: [{ organizationId: ORG.iom }],
  ...over,
})
const ROUND_VARIANTS = {
  planGroupOpen: () => round(),
  planGroupClosed: () => round({ open: false }),
  laborGroupConsultingOwn: (v) => round({ groupId: GROUP.labor, consulted: [{ organizationId: own(v) }] }),
  laborGroupConsultingOwnStatesInstitution: (v) =>
    round({
      groupId: GROUP.labor,
      consulted: [{ organizationId: 'org-institution', parentOrganizationId: own(v) }],
    }),
  laborGroupConsultingAnother: () => round({ groupId: GROUP.labor, consulted: [{ organizationId: ORG.gt }] }),
} satisfies Record<string, Variant>
/** the organization a person writes for: their national institution when they have one */
const writing = (v: Viewer | null): OrgRef => ({ organizationId: v?.institutionId ?? own(v) })
const roundOrg = (org: OrgRef, over: Partial<PlanRoundRef> & { submitted?: boolean } = {}) => ({
  ...round({ consulted: [org] }),
  ...org,
  submitted: false,
  ...over,
})
const ROUND_ORG_VARIANTS = {
  planGroupOwnOrg: (v) => roundOrg(writing(v)),
  planGroupOwnOrgSubmitted: (v) => roundOrg(writing(v), { submitted: true }),
  planGroupOwnOrgClosed: (v) => roundOrg(writing(v), { open: false }),
  planGroupOwnOrgNotConsulted: (v) => ({ ...roundOrg(writing(v)), consulted: [{ organizationId: ORG.gt }] }),
  planGroupAnotherOrg: () => roundOrg({ organizationId: ORG.gt }),
  laborGroupOwnOrg: (v) => roundOrg(writing(v), { groupId: GROUP.labor }),
  planGroupOwnStatesInstitution: (v) =>
    roundOrg({ organizationId: 'org-institution', parentOrganizationId: own(v) }),
  planGroupApprovedOwnOrg: (v) => roundOrg(writing(v), { stage: 'approved' }),
  planGroupAnotherOrgSubmitted: () => roundOrg({ organizationId: ORG.gt }, { submitted: true }),
} satisfies Record<string, Variant>
const ROUND_COMMENT_VARIANTS = {
  ownDraft: (v) => ({ ...roundOrg(writing(v)), authorId: v?.id ?? 'someone' }),
  anothersDraft: (v) => ({ ...roundOrg(writing(v)), authorId: 'colleague' }),
  ownSubmitted: (v) => ({ ...roundOrg(writing(v), { submitted: true }), authorId: v?.id ?? 'someone' }),
  ownInClosedRound: (v) => ({ ...roundOrg(writing(v), { open: false }), authorId: v?.id ?? 'someone' }),
} satisfies Record<string, Variant>
const ROUND_RESPONSE_VARIANTS = {
  planGroupLedBySelfSubmitted: (v) => ({ ...section(v), submitted: true }),
  planGroupLedByAnotherSubmitted: (v) => ({ ...section(v, { leadDrafterId: 'another' }), submitted: true }),
  planGroupLedBySelfNotSubmitted: (v) => ({ ...section(v), submitted: false }),
  planGroupApprovedLedBySelfSubmitted: (v) => ({ ...section(v, { stage: 'approved' }), submitted: true }),
  borderGroupLedByAnotherSubmitted: (v) => ({
    ...section(v, { groupId: GROUP.border, stage: 'institutional_consultation', leadDrafterId: 'another' }),
    submitted: true,
  }),
} satisfies Record<string, Variant>

const ALL_N = (width: number) => 'N'.repeat(width)
const SECRETARIAT_ONLY = (answer: string): Row['expected'] => ({
  anonymous: ALL_N(answer.length),
  secretariat: answer,
  memberStateFocalPoint: ALL_N(answer.length),
  memberStateDelegate: ALL_N(answer.length),
  nationalInstitutionPerson: ALL_N(answer.length),
  observerStateDelegate: ALL_N(answer.length),
  internationalOrganizationFocalPoint: ALL_N(answer.length),
  civilSocietyPerson: ALL_N(answer.length),
})
const DECISION_VARIANTS = {
  inForceOpenMeeting: () => ({ ...meeting(), decisionStatus: 'in_force' }),
  inForceMembersOnlyMeeting: () => ({ ...meeting({ openness: 'members_only' }), decisionStatus: 'in_force' }),
  withdrawn: () => ({ ...meeting(), decisionStatus: 'withdrawn' }),
} satisfies Record<string, Variant>
// openMeeting, membersOnlyMeeting
const MANAGE_MEETING: Row = { variants: MEETING_VARIANTS, expected: SECRETARIAT_ONLY('YY') }

// Action items: owned by organizations; a state answers for its national institutions; supporting
// organizations see but do not report; members-only meetings hide their actions from observers unless
// they own or support them.
const actionItem = (over: Partial<ActionItemRef> = {}): ActionItemRef => ({
  meetingOpenness: 'open',
  status: 'in_progress',
  owners: [{ organizationId: ORG.gt }],
  supporters: [],
  ...over,
})
const ownOrg = (v: Viewer | null) => [{ organizationId: own(v) }]
const ACTION_VARIANTS = {
  ownedByOwnOrganization: (v) => actionItem({ owners: ownOrg(v) }),
  ownedByInstitutionOfOwnState: (v) =>
    actionItem({ owners: [{ organizationId: 'org-institution', parentOrganizationId: own(v) }] }),
  supportedByOwnOrganization: (v) => actionItem({ supporters: ownOrg(v) }),
  ownedByAnotherOrganization: () => actionItem(),
  ownedByInstitutionOfAnotherStateNoMeeting: () =>
    actionItem({
      meetingOpenness: null,
      owners: [{ organizationId: ORG.gtIgm, parentOrganizationId: ORG.gt }],
    }),
  ownedByOwnFromMembersOnlyMeeting: (v) => actionItem({ meetingOpenness: 'members_only', owners: ownOrg(v) }),
  supportedByOwnFromMembersOnlyMeeting: (v) =>
    actionItem({ meetingOpenness: 'members_only', supporters: ownOrg(v) }),
  ownedByAnotherFromMembersOnlyMeeting: () => actionItem({ meetingOpenness: 'members_only' }),
  ownedByOwnCancelled: (v) => actionItem({ owners: ownOrg(v), status: 'cancelled' }),
  ownedByOwnDone: (v) => actionItem({ owners: ownOrg(v), status: 'done' }),
} satisfies Record<string, Variant>
const actionUpdate = (over: Partial<ActionUpdateRef>): ActionUpdateRef => ({
  ...actionItem(),
  validation: 'pending',
  ...over,
})
const ACTION_UPDATE_VARIANTS = {
  pendingOfOwnOrganization: (v) => actionUpdate({ owners: ownOrg(v) }),
  pendingOfAnotherOrganization: () => actionUpdate({}),
  alreadyValidated: () => actionUpdate({ validation: 'validated' }),
  alreadyReturned: () => actionUpdate({ validation: 'returned' }),
  notADoneReport: () => actionUpdate({ validation: null }),
  pendingOnCancelledAction: () => actionUpdate({ status: 'cancelled' }),
} satisfies Record<string, Variant>
const EVERYONE_SIGNED_IN = (answer: string): Row['expected'] => ({
  anonymous: ALL_N(answer.length),
  secretariat: answer,
  memberStateFocalPoint: answer,
  memberStateDelegate: answer,
  nationalInstitutionPerson: answer,
  observerStateDelegate: answer,
  internationalOrganizationFocalPoint: answer,
  civilSocietyPerson: answer,
})

// written procedure
const procedure = (over: Partial<ProcedureRef> = {}): ProcedureRef => ({
  visibility: 'members',
  open: true,
  extended: false,
  concernedOrganizationIds: [ORG.gt],
  ...over,
})
const PROCEDURE_VARIANTS = {
  membersOnlyConcerningOwnState: (v) => procedure({ concernedOrganizationIds: [own(v), ORG.gt] }),
  membersOnlyConcerningAnotherState: () => procedure(),
  participantsConcerningAnotherState: () => procedure({ visibility: 'participants' }),
  closedConcerningOwnState: (v) => procedure({ open: false, concernedOrganizationIds: [own(v)] }),
  extendedConcerningOwnState: (v) => procedure({ extended: true, concernedOrganizationIds: [own(v)] }),
} satisfies Record<string, Variant>
const procedureState = (v: Viewer | null, over: Partial<ProcedureStateRef> = {}): ProcedureStateRef => ({
  ...procedure({ concernedOrganizationIds: [own(v), ORG.gt] }),
  organizationId: own(v),
  delegateId: null,
  ...over,
})
const PROCEDURE_STATE_VARIANTS = {
  ownStateOpen: (v) => procedureState(v),
  ownStateOpenNamedMe: (v) => procedureState(v, { delegateId: v?.id ?? null }),
  anotherStateOpen: (v) => procedureState(v, { organizationId: ORG.gt }),
  ownStateAfterDeadline: (v) => procedureState(v, { open: false }),
  ownStateNotConcerned: (v) => procedureState(v, { concernedOrganizationIds: [ORG.gt] }),
} satisfies Record<string, Variant>
const MEMBER_SIDE = (member: string, others: string): Row['expected'] => ({
  anonymous: ALL_N(member.length),
  secretariat: member,
  memberStateFocalPoint: member,
  memberStateDelegate: member,
  nationalInstitutionPerson: member,
  observerStateDelegate: others,
  internationalOrganizationFocalPoint: others,
  civilSocietyPerson: others,
})

const MATRIX: Record<Action, Row> = {
  'admin.access': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'Y',
      memberStateFocalPoint: 'N',
      memberStateDelegate: 'N',
      nationalInstitutionPerson: 'N',
      observerStateDelegate: 'N',
      internationalOrganizationFocalPoint: 'N',
      civilSocietyPerson: 'N',
    },
  },
  'audit.read': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'Y',
      memberStateFocalPoint: 'N',
      memberStateDelegate: 'N',
      nationalInstitutionPerson: 'N',
      observerStateDelegate: 'N',
      internationalOrganizationFocalPoint: 'N',
      civilSocietyPerson: 'N',
    },
  },
  'outbox.read': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'Y',
      memberStateFocalPoint: 'N',
      memberStateDelegate: 'N',
      nationalInstitutionPerson: 'N',
      observerStateDelegate: 'N',
      internationalOrganizationFocalPoint: 'N',
      civilSocietyPerson: 'N',
    },
  },
  // ownOrganization, institutionOfOwnState, anotherOrganization, institutionOfAnotherState
  'person.invite': {
    variants: ORG_VARIANTS,
    expected: {
      anonymous: 'NNNN',
      secretariat: 'YYYY',
      memberStateFocalPoint: 'YYNN',
      memberStateDelegate: 'NNNN',
      nationalInstitutionPerson: 'NNNN',
      observerStateDelegate: 'NNNN',
      internationalOrganizationFocalPoint: 'YYNN',
      civilSocietyPerson: 'YYNN',
    },
  },
  // themselves, colleagueInOwnOrganization, personInAnotherOrganization
  'person.disable': {
    variants: PERSON_VARIANTS,
    expected: {
      anonymous: 'NNN',
      secretariat: 'NYY',
      memberStateFocalPoint: 'NNN',
      memberStateDelegate: 'NNN',
      nationalInstitutionPerson: 'NNN',
      observerStateDelegate: 'NNN',
      internationalOrganizationFocalPoint: 'NNN',
      civilSocietyPerson: 'NNN',
    },
  },
  'person.enable': {
    variants: PERSON_VARIANTS,
    expected: {
      anonymous: 'NNN',
      secretariat: 'YYY',
      memberStateFocalPoint: 'NNN',
      memberStateDelegate: 'NNN',
      nationalInstitutionPerson: 'NNN',
      observerStateDelegate: 'NNN',
      internationalOrganizationFocalPoint: 'NNN',
      civilSocietyPerson: 'NNN',
    },
  },
  'person.endSessions': {
    variants: PERSON_VARIANTS,
    expected: {
      anonymous: 'NNN',
      secretariat: 'YYY',
      memberStateFocalPoint: 'YNN',
      memberStateDelegate: 'YNN',
      nationalInstitutionPerson: 'YNN',
      observerStateDelegate: 'YNN',
      internationalOrganizationFocalPoint: 'YNN',
      civilSocietyPerson: 'YNN',
    },
  },
  'person.list': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'Y',
      memberStateFocalPoint: 'Y',
      memberStateDelegate: 'Y',
      nationalInstitutionPerson: 'Y',
      observerStateDelegate: 'Y',
      internationalOrganizationFocalPoint: 'Y',
      civilSocietyPerson: 'Y',
    },
  },
  // ownOrganization, institutionOfOwnState, anotherOrganization, institutionOfAnotherState
  'person.viewContact': {
    variants: ORG_VARIANTS,
    expected: {
      anonymous: 'NNNN',
      secretariat: 'YYYY',
      memberStateFocalPoint: 'YYNN',
      memberStateDelegate: 'YYNN',
      nationalInstitutionPerson: 'YYNN',
      observerStateDelegate: 'YYNN',
      internationalOrganizationFocalPoint: 'YYNN',
      civilSocietyPerson: 'YYNN',
    },
  },
  'organization.view': {
    variants: NONE,
    expected: {
      anonymous: 'Y',
      secretariat: 'Y',
      memberStateFocalPoint: 'Y',
      memberStateDelegate: 'Y',
      nationalInstitutionPerson: 'Y',
      observerStateDelegate: 'Y',
      internationalOrganizationFocalPoint: 'Y',
      civilSocietyPerson: 'Y',
    },
  },
  'group.view': {
    variants: NONE,
    expected: {
      anonymous: 'Y',
      secretariat: 'Y',
      memberStateFocalPoint: 'Y',
      memberStateDelegate: 'Y',
      nationalInstitutionPerson: 'Y',
      observerStateDelegate: 'Y',
      internationalOrganizationFocalPoint: 'Y',
      civilSocietyPerson: 'Y',
    },
  },
  // planDraftingGroup, borderGroup: member-side people see every group's members, the others only
  // those of their own groups
  'group.viewMembers': {
    variants: GROUP_VARIANTS,
    expected: {
      anonymous: 'NN',
      secretariat: 'YY',
      memberStateFocalPoint: 'YY',
      memberStateDelegate: 'YY',
      nationalInstitutionPerson: 'YY',
      observerStateDelegate: 'NY',
      internationalOrganizationFocalPoint: 'YN',
      civilSocietyPerson: 'NN',
    },
  },
  // public, participants, members, planGroup, secretariatOnly, embargoedPublicOfOwnOrganization,
  // embargoedPublicOfAnotherOrganization, publicAfterEmbargo, deletedPublicOfOwnOrganization
  'document.view': {
    variants: DOCUMENT_VIEW_VARIANTS,
    expected: {
      anonymous: 'YNNNNNNYN',
      secretariat: 'YYYYYYYYY',
      memberStateFocalPoint: 'YYYNNYNYN',
      memberStateDelegate: 'YYYNNYNYN',
      nationalInstitutionPerson: 'YYYYNYNYN',
      observerStateDelegate: 'YYNNNYNYN',
      internationalOrganizationFocalPoint: 'YYNYNYNYN',
      civilSocietyPerson: 'YYNNNYNYN',
    },
  },
  // public, participants, members, planGroup, borderGroup, secretariatOnly: publishing at a level needs
  // belonging to it
  'document.upload': {
    variants: DOCUMENT_TARGET_VARIANTS,
    expected: {
      anonymous: 'NNNNNN',
      secretariat: 'YYYYYY',
      memberStateFocalPoint: 'YYYNYN',
      memberStateDelegate: 'YYYNNN',
      nationalInstitutionPerson: 'YYYYNN',
      observerStateDelegate: 'YYNNYN',
      internationalOrganizationFocalPoint: 'YYNYNN',
      civilSocietyPerson: 'YYNNNN',
    },
  },
  'document.addVersion': MAINTAIN_DOCUMENT,
  'document.edit': MAINTAIN_DOCUMENT,
  'document.delete': MAINTAIN_DOCUMENT,
  // same variants as above
  'document.restore': {
    variants: DOCUMENT_OWNER_VARIANTS,
    expected: {
      anonymous: 'NNNNN',
      secretariat: 'NNYNN',
      memberStateFocalPoint: 'NNNNN',
      memberStateDelegate: 'NNNNN',
      nationalInstitutionPerson: 'NNNNN',
      observerStateDelegate: 'NNNNN',
      internationalOrganizationFocalPoint: 'NNNNN',
      civilSocietyPerson: 'NNNNN',
    },
  },
  'document.viewDownloads': {
    variants: DOCUMENT_OWNER_VARIANTS,
    expected: {
      anonymous: 'NNNNN',
      secretariat: 'YYYYY',
      memberStateFocalPoint: 'NNNNN',
      memberStateDelegate: 'NNNNN',
      nationalInstitutionPerson: 'NNNNN',
      observerStateDelegate: 'NNNNN',
      internationalOrganizationFocalPoint: 'NNNNN',
      civilSocietyPerson: 'NNNNN',
    },
  },
  // the secretariat, who restores them, alone finds deleted documents in the list
  'document.listDeleted': { variants: NONE, expected: SECRETARIAT_ONLY('Y') },
  // openMeeting, membersOnlyMeeting: members-only meetings do not exist for observers
  'meeting.view': {
    variants: MEETING_VARIANTS,
    expected: {
      anonymous: 'NN',
      secretariat: 'YY',
      memberStateFocalPoint: 'YY',
      memberStateDelegate: 'YY',
      nationalInstitutionPerson: 'YY',
      observerStateDelegate: 'YN',
      internationalOrganizationFocalPoint: 'YN',
      civilSocietyPerson: 'YN',
    },
  },
  'meeting.create': { variants: NONE, expected: SECRETARIAT_ONLY('Y') },
  // the dashboard's upcoming meetings: all of them, not only those that concern one's organization
  'meeting.followAll': { variants: NONE, expected: SECRETARIAT_ONLY('Y') },
  'meeting.edit': MANAGE_MEETING,
  'meeting.manageAgenda': MANAGE_MEETING,
  'meeting.recordAttendance': MANAGE_MEETING,
  'decision.record': MANAGE_MEETING,
  // ownOrganizationInvited, ownOrganizationNotInvited, anotherOrganizationInvited,
  // ownOrganizationAfterDeadline, ownOrganizationMembersOnly, ownOrganizationMeetingHeld: the focal point
  // of an invited organization, for it only, before the deadline; the secretariat for any, at any time
  'delegation.register': {
    variants: DELEGATION_VARIANTS,
    expected: {
      anonymous: 'NNNNNN',
      secretariat: 'YYYYYY',
      memberStateFocalPoint: 'YNNNYN',
      memberStateDelegate: 'NNNNNN',
      nationalInstitutionPerson: 'NNNNNN',
      observerStateDelegate: 'NNNNNN',
      internationalOrganizationFocalPoint: 'YNNNNN',
      civilSocietyPerson: 'YNNNNN',
    },
  },
  // focal points, whatever their organization's kind; the secretariat has no delegation of its own
  'delegation.registerOwn': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'N',
      memberStateFocalPoint: 'Y',
      memberStateDelegate: 'N',
      nationalInstitutionPerson: 'N',
      observerStateDelegate: 'N',
      internationalOrganizationFocalPoint: 'Y',
      civilSocietyPerson: 'Y',
    },
  },
  // themselves, colleagueInOwnDelegation, personInAnotherDelegation, themselvesInMembersOnlyMeeting
  'delegation.respond': {
    variants: DELEGATE_VARIANTS,
    expected: {
      anonymous: 'NNNN',
      secretariat: 'YYYY',
      memberStateFocalPoint: 'YYNY',
      memberStateDelegate: 'YNNY',
      nationalInstitutionPerson: 'YNNY',
      observerStateDelegate: 'YNNN',
      internationalOrganizationFocalPoint: 'YYNN',
      civilSocietyPerson: 'YYNN',
    },
  },
  // ---- delegations ----
  // themselves, colleagueInSameDelegation, colleagueOutsideTheDelegation,
  // memberWithoutAccountOfOwnOrganization, memberOfAnotherDelegation, themselvesInMembersOnlyMeeting,
  // themselvesMeetingHeld: the secretariat, the organization's focal point and the people of the same
  // delegation; never a colleague outside it, never another delegation
  'delegation.viewLogistics': {
    variants: DELEGATION_MEMBER_VARIANTS,
    expected: {
      anonymous: 'NNNNNNN',
      secretariat: 'YYYYYYY',
      memberStateFocalPoint: 'YYYYNYY',
      memberStateDelegate: 'YYNNNYY',
      nationalInstitutionPerson: 'YYNNNYY',
      observerStateDelegate: 'YYNNNNY',
      internationalOrganizationFocalPoint: 'YYYYNNY',
      civilSocietyPerson: 'YYYYNNY',
    },
  },
  // the focal point for the whole delegation, a member for themselves, until the meeting is held; the
  // secretariat at any time
  'delegation.editLogistics': {
    variants: DELEGATION_MEMBER_VARIANTS,
    expected: {
      anonymous: 'NNNNNNN',
      secretariat: 'YYYYYYY',
      memberStateFocalPoint: 'YYYYNYN',
      memberStateDelegate: 'YNNNNYN',
      nationalInstitutionPerson: 'YNNNNYN',
      observerStateDelegate: 'YNNNNNN',
      internationalOrganizationFocalPoint: 'YYYYNNN',
      civilSocietyPerson: 'YYYYNNN',
    },
  },
  // the secretariat, the organization's focal point, the member themselves; only for a meeting ahead
  'delegation.invitationLetter': {
    variants: DELEGATION_MEMBER_VARIANTS,
    expected: {
      anonymous: 'NNNNNNN',
      secretariat: 'YYYYYYN',
      memberStateFocalPoint: 'YYYYNYN',
      memberStateDelegate: 'YNNNNYN',
      nationalInstitutionPerson: 'YNNNNYN',
      observerStateDelegate: 'YNNNNNN',
      internationalOrganizationFocalPoint: 'YYYYNNN',
      civilSocietyPerson: 'YYYYNNN',
    },
  },
  // ownOrganizationInvited, ownOrganizationNotInvited, anotherOrganizationInvited,
  // ownOrganizationAfterDeadline, ownOrganizationMembersOnly, ownOrganizationMeetingHeld: the
  // secretariat for every delegation, a focal point for their own
  'delegation.printBadges': {
    variants: DELEGATION_VARIANTS,
    expected: {
      anonymous: 'NNNNNN',
      secretariat: 'YYYYYY',
      memberStateFocalPoint: 'YYNYYY',
      memberStateDelegate: 'NNNNNN',
      nationalInstitutionPerson: 'NNNNNN',
      observerStateDelegate: 'NNNNNN',
      internationalOrganizationFocalPoint: 'YYNYNY',
      civilSocietyPerson: 'YYNYNY',
    },
  },
  // draft, circulatedBeforeDeadline, circulatedAfterDeadline, adopted, circulatedMembersOnly,
  // circulatedNotInvited: drafts are the secretariat's
  'minutes.view': {
    variants: MINUTES_VARIANTS,
    expected: {
      anonymous: 'NNNNNN',
      secretariat: 'YYYYYY',
      memberStateFocalPoint: 'NYYYYY',
      memberStateDelegate: 'NYYYYY',
      nationalInstitutionPerson: 'NYYYYY',
      observerStateDelegate: 'NYYYNY',
      internationalOrganizationFocalPoint: 'NYYYNY',
      civilSocietyPerson: 'NYYYNY',
    },
  },
  // adopted minutes are locked
  'minutes.write': { variants: MINUTES_VARIANTS, expected: SECRETARIAT_ONLY('YYYNYY') },
  'minutes.circulate': { variants: MINUTES_VARIANTS, expected: SECRETARIAT_ONLY('YNNNNN') },
  // delegations of invited organizations, while circulated and before the deadline
  'minutes.comment': {
    variants: MINUTES_VARIANTS,
    expected: {
      anonymous: 'NNNNNN',
      secretariat: 'NNNNNN',
      memberStateFocalPoint: 'NYNNYN',
      memberStateDelegate: 'NYNNYN',
      nationalInstitutionPerson: 'NYNNYN',
      observerStateDelegate: 'NYNNNN',
      internationalOrganizationFocalPoint: 'NYNNNN',
      civilSocietyPerson: 'NYNNNN',
    },
  },
  'minutes.adopt': { variants: MINUTES_VARIANTS, expected: SECRETARIAT_ONLY('NYYNYY') },
  'minutes.addErratum': { variants: MINUTES_VARIANTS, expected: SECRETARIAT_ONLY('NNNYNN') },
  // every saved text, drafts included
  'minutes.history': { variants: MINUTES_VARIANTS, expected: SECRETARIAT_ONLY('YYYYYY') },
  // from the circulated text on: never a draft
  'minutes.circulatedHistory': {
    variants: MINUTES_VARIANTS,
    expected: {
      anonymous: 'NNNNNN',
      secretariat: 'NYYYYY',
      memberStateFocalPoint: 'NYYYYY',
      memberStateDelegate: 'NYYYYY',
      nationalInstitutionPerson: 'NYYYYY',
      observerStateDelegate: 'NYYYNY',
      internationalOrganizationFocalPoint: 'NYYYNY',
      civilSocietyPerson: 'NYYYNY',
    },
  },
  'calendarFeed.manage': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'Y',
      memberStateFocalPoint: 'Y',
      memberStateDelegate: 'Y',
      nationalInstitutionPerson: 'Y',
      observerStateDelegate: 'Y',
      internationalOrganizationFocalPoint: 'Y',
      civilSocietyPerson: 'Y',
    },
  },
  // ownedByOwnOrganization, ownedByInstitutionOfOwnState, supportedByOwnOrganization,
  // ownedByAnotherOrganization, ownedByInstitutionOfAnotherStateNoMeeting, ownedByOwnFromMembersOnlyMeeting,
  // supportedByOwnFromMembersOnlyMeeting, ownedByAnotherFromMembersOnlyMeeting, ownedByOwnCancelled,
  // ownedByOwnDone
  'action.view': {
    variants: ACTION_VARIANTS,
    expected: {
      anonymous: 'NNNNNNNNNN',
      secretariat: 'YYYYYYYYYY',
      memberStateFocalPoint: 'YYYYYYYYYY',
      memberStateDelegate: 'YYYYYYYYYY',
      nationalInstitutionPerson: 'YYYYYYYYYY',
      observerStateDelegate: 'YYYYYYYNYY',
      internationalOrganizationFocalPoint: 'YYYYYYYNYY',
      civilSocietyPerson: 'YYYYYYYNYY',
    },
  },
  'action.create': { variants: NONE, expected: SECRETARIAT_ONLY('Y') },
  // a cancelled action is closed for good
  'action.edit': { variants: ACTION_VARIANTS, expected: SECRETARIAT_ONLY('YYYYYYYYNY') },
  'action.cancel': { variants: ACTION_VARIANTS, expected: SECRETARIAT_ONLY('YYYYYYYYNN') },
  // the owners' people (a state's people for its institutions too) and the secretariat, never a
  // supporting organization or another state; a cancelled or done action answers 409 in the service
  'action.update': {
    variants: ACTION_VARIANTS,
    expected: {
      anonymous: 'NNNNNNNNNN',
      secretariat: 'YYYYYYYYYY',
      memberStateFocalPoint: 'YYNNNYNNYY',
      memberStateDelegate: 'YYNNNYNNYY',
      nationalInstitutionPerson: 'YYNNNYNNYY',
      observerStateDelegate: 'YYNNNYNNYY',
      internationalOrganizationFocalPoint: 'YYNNNYNNYY',
      civilSocietyPerson: 'YYNNNYNNYY',
    },
  },
  // pendingOfOwnOrganization, pendingOfAnotherOrganization, alreadyValidated, alreadyReturned,
  // notADoneReport, pendingOnCancelledAction: owners never validate their own report
  // the secretariat's report stands for the whole action; everyone else reports for an owner
  'action.reportWhole': { variants: ACTION_VARIANTS, expected: SECRETARIAT_ONLY('YYYYYYYYYY') },
  'action.validate': { variants: ACTION_UPDATE_VARIANTS, expected: SECRETARIAT_ONLY('YYNNNN') },
  // the secretariat's own report of done closes an open action without waiting for validation; an
  // owner's waits for the secretariat (a cancelled or done action takes no report at all)
  'action.selfValidate': { variants: ACTION_VARIANTS, expected: SECRETARIAT_ONLY('YYYYYYYYNN') },
  // the overall counts and the queue of reports awaiting validation
  'action.followUpAll': { variants: NONE, expected: SECRETARIAT_ONLY('Y') },
  'action.board': { variants: NONE, expected: EVERYONE_SIGNED_IN('Y') },
  // ownSecondFactor, ownSecondFactorOfAnExemptAccount, someoneElsesSecondFactor: the secretariat must
  // keep theirs (the demo's exempt account excepted); nobody turns off another person's
  'secondFactor.turnOff': {
    variants: {
      ownSecondFactor: (v) => ({ personId: v?.id ?? 'someone', totpExempt: false }),
      ownSecondFactorOfAnExemptAccount: (v) => ({ personId: v?.id ?? 'someone', totpExempt: true }),
      someoneElsesSecondFactor: () => ({ personId: 'gt-person', totpExempt: false }),
    },
    expected: {
      anonymous: 'NNN',
      secretariat: 'NYN',
      memberStateFocalPoint: 'YYN',
      memberStateDelegate: 'YYN',
      nationalInstitutionPerson: 'YYN',
      observerStateDelegate: 'YYN',
      internationalOrganizationFocalPoint: 'YYN',
      civilSocietyPerson: 'YYN',
    },
  },
  // the list of plans holds every group's plans for the secretariat only
  'plan.listAll': { variants: NONE, expected: SECRETARIAT_ONLY('Y') },
  // planDraftingGroup, borderGroup: the chair of the group and the secretariat
  'group.manageMembers': {
    variants: GROUP_VARIANTS,
    expected: { ...SECRETARIAT_ONLY('YY'), memberStateFocalPoint: 'NY' },
  },
  // planGroupDrafting, borderGroupInConsultation, laborGroupDrafting, planGroupApproved,
  // borderGroupPublished: any role in the plan's group (readers too), and the secretariat; nobody else
  // learns that the plan exists
  'plan.view': {
    variants: PLAN_VARIANTS,
    expected: {
      anonymous: 'NNNNN',
      secretariat: 'YYYYY',
      memberStateFocalPoint: 'NYNNY',
      memberStateDelegate: 'NNYNN',
      nationalInstitutionPerson: 'YNNYN',
      observerStateDelegate: 'NYNNY',
      internationalOrganizationFocalPoint: 'YNNYN',
      civilSocietyPerson: 'NNYNN',
    },
  },
  // planDraftingGroup, borderGroup
  'plan.create': {
    variants: GROUP_VARIANTS,
    expected: { ...SECRETARIAT_ONLY('YY'), memberStateFocalPoint: 'NY' },
  },
  // the chair, at any stage (approval and publication are stages too)
  'plan.changeStage': {
    variants: PLAN_VARIANTS,
    expected: { ...SECRETARIAT_ONLY('YYYYY'), memberStateFocalPoint: 'NYNNY' },
  },
  // drafters and the chair, until the plan is approved
  'plan.manageSections': {
    variants: PLAN_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('YYYNN'),
      memberStateFocalPoint: 'NYNNN',
      nationalInstitutionPerson: 'YNNNN',
      internationalOrganizationFocalPoint: 'YNNNN',
    },
  },
  // planGroupLedBySelf, planGroupLedByAnother, planGroupAgreedLedBySelf, planGroupRetiredLedBySelf,
  // planGroupApprovedLedBySelf, borderGroupInConsultationLedByAnother, laborGroupLedByAnother:
  // any drafter (not only the lead); an agreed section only the chair; retired sections and approved
  // plans nobody; commenters and readers never
  'plan.editSection': {
    variants: SECTION_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('YYYNNYY'),
      memberStateFocalPoint: 'NNNNNYN',
      nationalInstitutionPerson: 'YYNNNNN',
      internationalOrganizationFocalPoint: 'YYNNNNN',
    },
  },
  // commenters, drafters and the chair, until approval; readers read
  'plan.comment': {
    variants: PLAN_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('YYYNN'),
      memberStateFocalPoint: 'NYNNN',
      nationalInstitutionPerson: 'YNNNN',
      observerStateDelegate: 'NYNNN',
      internationalOrganizationFocalPoint: 'YNNNN',
      civilSocietyPerson: 'NNYNN',
    },
  },
  // commenters suggest on agreed sections too (the chair decides), never on retired ones
  'plan.suggest': {
    variants: SECTION_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('YYYNNYY'),
      memberStateFocalPoint: 'NNNNNYN',
      nationalInstitutionPerson: 'YYYNNNN',
      observerStateDelegate: 'NNNNNYN',
      internationalOrganizationFocalPoint: 'YYYNNNN',
      civilSocietyPerson: 'NNNNNNY',
    },
  },
  // planGroupOwnThread, planGroupAnothersThread, borderGroupAnothersThread, laborGroupOwnThread,
  // planGroupApprovedOwnThread: drafters and the chair close any thread, a commenter their own, a
  // reader none
  'plan.resolveComment': {
    variants: COMMENT_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('YYYYN'),
      memberStateFocalPoint: 'NNYNN',
      nationalInstitutionPerson: 'YYNNN',
      internationalOrganizationFocalPoint: 'YYNNN',
      civilSocietyPerson: 'NNNYN',
    },
  },
  // the chair, or the section's lead drafter, wherever they may edit the section
  'suggestion.decide': {
    variants: SECTION_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('YYYNNYY'),
      memberStateFocalPoint: 'NNNNNYN',
      nationalInstitutionPerson: 'YNNNNNN',
      internationalOrganizationFocalPoint: 'YNNNNNN',
    },
  },
  // the chair of the plan's group and the secretariat, at any stage; drafters never
  'plan.createActions': {
    variants: PLAN_VARIANTS,
    expected: { ...SECRETARIAT_ONLY('YYYYY'), memberStateFocalPoint: 'NYNNY' },
  },
  // plan word. Import: drafters and the chair of the plan's group, while it is a mandate or in
  // drafting (the border group's plan is in consultation: its chair may not)
  'plan.import': {
    variants: PLAN_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('YNYNN'),
      nationalInstitutionPerson: 'YNNNN',
      internationalOrganizationFocalPoint: 'YNNNN',
    },
  },
  // publish: the chair (and the secretariat), once approved or again when published; drafters never
  'plan.publish': {
    variants: PLAN_VARIANTS,
    expected: { ...SECRETARIAT_ONLY('NNNYY'), memberStateFocalPoint: 'NNNNY' },
  },
  // plan rounds
  // the chair of the plan's group (and the secretariat), until the plan is approved
  'plan.roundOpen': {
    variants: PLAN_VARIANTS,
    expected: { ...SECRETARIAT_ONLY('YYYNN'), memberStateFocalPoint: 'NYNNN' },
  },
  // planGroupOpen, planGroupClosed, laborGroupConsultingOwn, laborGroupConsultingOwnStatesInstitution,
  // laborGroupConsultingAnother: the chair closes an open round early
  'plan.roundClose': { variants: ROUND_VARIANTS, expected: SECRETARIAT_ONLY('YNYYY') },
  // the group's members, and the focal points of the consulted organizations (a state's for its
  // institutions) even outside the group
  'plan.roundView': {
    variants: ROUND_VARIANTS,
    expected: {
      anonymous: 'NNNNN',
      secretariat: 'YYYYY',
      memberStateFocalPoint: 'NNYYN',
      memberStateDelegate: 'NNYYY',
      nationalInstitutionPerson: 'YYNNN',
      observerStateDelegate: 'NNNNN',
      internationalOrganizationFocalPoint: 'YYYYN',
      civilSocietyPerson: 'NNYYY',
    },
  },
  // planGroupOwnOrg, planGroupOwnOrgSubmitted, planGroupOwnOrgClosed, planGroupOwnOrgNotConsulted,
  // planGroupAnotherOrg, laborGroupOwnOrg, planGroupOwnStatesInstitution, planGroupApprovedOwnOrg,
  // planGroupAnotherOrgSubmitted: for one's own consulted organization, in an open round, before it
  // submits: its people in the group (readers too) and its focal point; a state's focal point for its
  // institutions; the secretariat is no consulted organization
  'plan.roundComment': {
    variants: ROUND_ORG_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('NNNNNNNNN'),
      memberStateFocalPoint: 'YNNNNYYNN',
      memberStateDelegate: 'NNNNNYNNN',
      nationalInstitutionPerson: 'YNNNNNNNN',
      internationalOrganizationFocalPoint: 'YNNNNYYNN',
      civilSocietyPerson: 'YNNNNYYNN',
    },
  },
  // ownDraft, anothersDraft, ownSubmitted, ownInClosedRound: one's own draft only, while one may write
  'plan.roundEditComment': {
    variants: ROUND_COMMENT_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('NNNN'),
      memberStateFocalPoint: 'YNNN',
      nationalInstitutionPerson: 'YNNN',
      internationalOrganizationFocalPoint: 'YNNN',
      civilSocietyPerson: 'YNNN',
    },
  },
  // the organization's focal point only (a state's for its institutions), once, in an open round
  'plan.roundSubmit': {
    variants: ROUND_ORG_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('NNNNNNNNN'),
      memberStateFocalPoint: 'YNNNNYYNN',
      internationalOrganizationFocalPoint: 'YNNNNYYNN',
      civilSocietyPerson: 'YNNNNYYNN',
    },
  },
  // drafts: the organization's own people who see the round; submitted: the group's members too
  'plan.roundReadComments': {
    variants: ROUND_ORG_VARIANTS,
    expected: {
      anonymous: 'NNNNNNNNN',
      secretariat: 'NYNNNNNNY',
      memberStateFocalPoint: 'YYYNNYYYN',
      memberStateDelegate: 'NNNNNYNNN',
      nationalInstitutionPerson: 'YYYNNNNYY',
      observerStateDelegate: 'NNNNNNNNN',
      internationalOrganizationFocalPoint: 'YYYNNYYYY',
      civilSocietyPerson: 'YYYNNYYYN',
    },
  },
  // planGroupLedBySelfSubmitted, planGroupLedByAnotherSubmitted, planGroupLedBySelfNotSubmitted,
  // planGroupApprovedLedBySelfSubmitted, borderGroupLedByAnotherSubmitted: the chair, or the section's
  // lead drafter, once the organization submitted, until the plan is approved
  'plan.roundRespond': {
    variants: ROUND_RESPONSE_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('YYNNY'),
      memberStateFocalPoint: 'NNNNY',
      nationalInstitutionPerson: 'YNNNN',
      internationalOrganizationFocalPoint: 'YNNNN',
    },
  },
  // decisions and owners
  // inForceOpenMeeting, inForceMembersOnlyMeeting, withdrawn: the secretariat, on a decision in force
  'decision.correct': { variants: DECISION_VARIANTS, expected: SECRETARIAT_ONLY('YYN') },
  'decision.withdraw': { variants: DECISION_VARIANTS, expected: SECRETARIAT_ONLY('YYN') },
  // ownPart, anotherOwnersPart, partOfInstitutionOfOwnState, notAnOwner (of a two-owner action): each
  // owner's people for their own part only (a state's for its institutions); the secretariat for any
  // owner; nobody for an organization that is not an owner
  'action.reportFor': {
    variants: {
      ownPart: (v) => ({
        ...actionItem({ owners: [...ownOrg(v), { organizationId: ORG.gt }] }),
        owner: ownOrg(v)[0],
      }),
      anotherOwnersPart: (v) => ({
        ...actionItem({ owners: [...ownOrg(v), { organizationId: ORG.gt }] }),
        owner: { organizationId: ORG.gt },
      }),
      partOfInstitutionOfOwnState: (v) => {
        const institution = { organizationId: 'org-institution', parentOrganizationId: own(v) }
        return { ...actionItem({ owners: [institution, { organizationId: ORG.gt }] }), owner: institution }
      },
      notAnOwner: (v) => ({ ...actionItem(), owner: ownOrg(v)[0] }),
    },
    expected: {
      anonymous: 'NNNN',
      secretariat: 'YYYN',
      memberStateFocalPoint: 'YNYN',
      memberStateDelegate: 'YNYN',
      nationalInstitutionPerson: 'YNYN',
      observerStateDelegate: 'YNYN',
      internationalOrganizationFocalPoint: 'YNYN',
      civilSocietyPerson: 'YNYN',
    },
  },
  // done without every owner's report: the secretariat's decision, on an open action
  'action.decideDone': { variants: ACTION_VARIANTS, expected: SECRETARIAT_ONLY('YYYYYYYYNN') },
  // written procedure
  'procedure.launch': { variants: NONE, expected: SECRETARIAT_ONLY('Y') },
  // the states concerned always; observers and organizations only a procedure open to participants
  'procedure.view': { variants: PROCEDURE_VARIANTS, expected: MEMBER_SIDE('YYYYY', 'NNYNN') },
  'procedure.viewPositions': { variants: PROCEDURE_VARIANTS, expected: MEMBER_SIDE('YYYYY', 'NNNNN') },
  // once, before the deadline, by the secretariat
  'procedure.extend': { variants: PROCEDURE_VARIANTS, expected: SECRETARIAT_ONLY('YYYNN') },
  // the focal point for their own state; a delegate only when named; nobody after the deadline
  'procedure.takePosition': {
    variants: PROCEDURE_STATE_VARIANTS,
    expected: {
      ...SECRETARIAT_ONLY('NNNNN'),
      memberStateFocalPoint: 'YYNNN',
      memberStateDelegate: 'NYNNN',
      nationalInstitutionPerson: 'NYNNN',
    },
  },
  'procedure.nameDelegate': {
    variants: PROCEDURE_STATE_VARIANTS,
    expected: { ...SECRETARIAT_ONLY('NNNNN'), memberStateFocalPoint: 'YYNNN' },
  },

  // ---- notifications ----
  'notification.list': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'Y',
      memberStateFocalPoint: 'Y',
      memberStateDelegate: 'Y',
      nationalInstitutionPerson: 'Y',
      observerStateDelegate: 'Y',
      internationalOrganizationFocalPoint: 'Y',
      civilSocietyPerson: 'Y',
    },
  },
  'notification.preferences': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'Y',
      memberStateFocalPoint: 'Y',
      memberStateDelegate: 'Y',
      nationalInstitutionPerson: 'Y',
      observerStateDelegate: 'Y',
      internationalOrganizationFocalPoint: 'Y',
      civilSocietyPerson: 'Y',
    },
  },
  'outbox.sendAgain': {
    variants: NONE,
    expected: {
      anonymous: 'N',
      secretariat: 'Y',
      memberStateFocalPoint: 'N',
      memberStateDelegate: 'N',
      nationalInstitutionPerson: 'N',
      observerStateDelegate: 'N',
      internationalOrganizationFocalPoint: 'N',
      civilSocietyPerson: 'N',
    },
  },
}

// can() is typed per action; the matrix walks all of them generically.
const ask = can as (viewer: Subject, action: Action, resource?: unknown) => boolean

function answers(action: Action, role: Role): string {
  const self = ROLES[role]
  return Object.values(MATRIX[action].variants)
    .map((variant) => (ask(self, action, variant(self)) ? 'Y' : 'N'))
    .join('')
}

describe('permission matrix', () => {
  it('has a row for every action and every role, and no row for an action that does not exist', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ALL_ACTIONS].sort())
    for (const action of ALL_ACTIONS) {
      const row = MATRIX[action]
      expect(row, `no expectations for ${action}`).toBeDefined()
      expect(Object.keys(row.expected).sort()).toEqual([...ROLE_NAMES].sort())
      const width = Object.keys(row.variants).length
      for (const role of ROLE_NAMES) expect(row.expected[role], `${action} / ${role}`).toMatch(/^[YN]+$/)
      for (const role of ROLE_NAMES) expect(row.expected[role].length, `${action} / ${role}`).toBe(width)
    }
  })

  it.each(ALL_ACTIONS)('%s: every role gets the expected answer for every resource', (action) => {
    const row = MATRIX[action]
    expect(row, `no expectations for ${action}`).toBeDefined()
    const actual = Object.fromEntries(ROLE_NAMES.map((role) => [role, answers(action, role)]))
    expect(actual).toEqual(row.expected)
  })

  it('throws on an unknown action instead of answering', () => {
    expect(() => ask(ROLES.secretariat, 'nonexistent.action' as Action)).toThrow(/Unknown action/)
    expect(() => ask(null, 'toString' as Action)).toThrow(/Unknown action/)
    expect(() => ask(null, '__proto__' as Action)).toThrow(/Unknown action/)
  })

  it('refuses an action that needs a resource when none is given (deny by default)', () => {
    for (const role of ROLE_NAMES.filter((r) => r !== 'secretariat')) {
      expect(ask(ROLES[role], 'person.invite'), role).toBe(false)
      expect(ask(ROLES[role], 'person.viewContact'), role).toBe(false)
    }
    expect(ask(ROLES.secretariat, 'person.disable')).toBe(false)
    expect(ask(ROLES.secretariat, 'person.enable')).toBe(false)
  })
})

describe('who must use a second factor', () => {
  it.each([
    ['secretariat', false, true],
    ['secretariat', true, false], // the demo's exempt account
    ['focal_point', false, false],
    ['focal_point', true, false],
    ['delegate', false, false],
  ] as const)('%s (exempt: %s): %s', (role, totpExempt, expected) => {
    expect(mustUseSecondFactor({ role, totpExempt })).toBe(expected)
  })
})
