/**
 * What the meetings pages receive from the area's server modules: types only, client-safe, so that the
 * components that show a record name the same type as the module that builds it.
 */
import type {
  AttendanceStatus,
  DelegationRole,
  MeetingKind,
  MeetingStatus,
  MinutesStatus,
  RsvpStatus,
} from './schemas'

// ---------------------------------------------------------------------------------------------------
// Agenda

export interface AgendaEntry {
  id: string
  parentId: string | null
  /** 1, 2, 2.1 ... */
  number: string
  depth: 0 | 1
  title: string
  titleEs: string | null
  titleEn: string | null
  startsAt: Date | null
  durationMinutes: number | null
  presenter: string | null
  first: boolean
  last: boolean
}

export interface AttachedDocument {
  id: string
  reference: string
  title: string
  kind: string
  languages: string[]
}

// ---------------------------------------------------------------------------------------------------
// Delegations

/** A member's logistics as shown to those who may see them (times are UTC instants). */
export interface LogisticsView {
  arrivalAt: Date | null
  departureAt: Date | null
  accessibility: string | null
  dietary: string | null
}

export interface Participant {
  memberId: string
  /** null: a member without a portal account */
  personId: string | null
  name: string
  title: string | null
  institution: string | null
  role: DelegationRole
  rsvp: RsvpStatus
  attendance: AttendanceStatus
  email: string | null
  canRespond: boolean
  /** null when there are none or the viewer may not see them */
  logistics: LogisticsView | null
  /** the viewer may open the member's page (logistics, invitation letter) */
  canOpen: boolean
}

export interface DelegationView {
  organization: { id: string; code: string; kind: string; name: string }
  invited: boolean
  members: Participant[]
  canRegister: boolean
}

// ---------------------------------------------------------------------------------------------------
// Minutes

/** What a stale save sends back (the `current` of its 409): the item's minutes as they stand now and the
 * writer's own text, so that both are shown side by side and nothing typed is lost. */
export interface MinutesConflictState {
  agendaItemId: string
  text: string
  revision: number
  status: MinutesStatus
  yours: string
}

export interface MinutesComment {
  id: string
  author: string
  organization: string
  revision: number
  html: string
  createdAt: Date
}

export interface MinutesErratum {
  id: string
  author: string
  html: string
  createdAt: Date
}

/** One agenda item on the minutes tab: its minutes as the viewer may see them, and what they may do. */
export interface MinutesItemView {
  item: AgendaEntry
  /** null when the viewer may not read them yet (drafts are the secretariat's) */
  minutes: {
    status: MinutesStatus
    revision: number
    text: string
    html: string
    commentDeadline: Date | null
    circulatedAt: Date | null
    adoptedAt: Date | null
    updatedAt: Date | null
  } | null
  comments: MinutesComment[]
  errata: MinutesErratum[]
  can: { write: boolean; comment: boolean; addErratum: boolean; history: boolean }
}

/** One saved text of a minutes item and what it changed from the one before (words added and removed;
 * the oldest recorded revision has nothing before it and shows only its text). */
export interface MinutesRevisionView {
  revision: number
  author: string | null
  savedAt: Date
  text: string
  changes: { value: string; added: boolean; removed: boolean }[] | null
}

/** Who sees which part of the history: the secretariat all of it (drafts are theirs); everyone who may
 * read circulated or adopted minutes, the versions from the text as circulated on (so that a delegation
 * sees what changed after its comment, never the drafts before). */
export type HistoryScope = 'all' | 'sinceCirculation'

/** The part of an item's history the viewer may see, newest first. */
export interface MinutesHistoryView {
  scope: HistoryScope
  revisions: MinutesRevisionView[]
  /** older revisions were left out */
  truncated: boolean
}

// ---------------------------------------------------------------------------------------------------
// The month view

/** A day of the month view with the meetings held that day in their own time zone. */
export interface MonthDay {
  date: string
  inMonth: boolean
  meetings: { id: string; title: string; kind: MeetingKind; status: MeetingStatus; starts: boolean }[]
}

/** A corrigendum of a decision, in the reader's language: the text it replaced and the one it gave. */
export interface CorrigendumView {
  number: number
  reason: string
  previousText: string
  text: string
  by: string
  createdAt: Date
}
