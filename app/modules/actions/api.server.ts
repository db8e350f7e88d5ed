/**
 * The action items' part of /api/v1: list items and records built from the same visibility-checked
 * services as the pages, opaque cursors, and field messages in the caller's language. Refusals are the
 * API's errors (`apiFailure`): a stale revision answers 409 with the current state and what was sent.
 */
import type { z } from 'zod'
import { type Lang } from '~/i18n'
import { hasMessage, translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { apiLang, zodFields } from '~/modules/api/http.server'
import type {
  ActionRecordOut,
  ActionSummaryOut,
  ActionsQuery,
  OriginOutput,
  UpdateOutput,
} from './api-schemas'
import { getActionDetails, type ActionDetails } from './details.server'
import { listActionsRead, type ListedAction } from './lists.server'
import { withReads } from '~/modules/core/read-busy.server'
import type { ListFilters } from './schemas'
import type { OriginView, UpdateView } from './views'

export const API_PAGE_SIZE = 50

const say = (lang: Lang, key: string) => (hasMessage(key) ? translator(lang).t(key) : key)

export function encodeCursor(offset: number): string {
  return Buffer.from(`a:${offset}`).toString('base64url')
}
/** A cursor that does not parse starts from the beginning. */
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0
  const m = /^a:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return m ? Number(m[1]) : 0
}

/** The origin as the viewer may see it: names and ids, or only `{ restricted: true, type }`. */
export function originOut(o: OriginView): OriginOutput {
  if (o.restricted) return { restricted: true, type: o.type }
  return {
    restricted: false,
    type: o.type,
    decision: o.decision?.code ?? null,
    decisionText: o.decision?.text ?? null,
    meeting: o.meeting?.id ?? null,
    meetingTitle: o.meeting?.title ?? null,
    meetingDate: o.meeting ? o.meeting.startsAt.toISOString() : null,
    agendaItem: o.agendaItem?.title ?? null,
    group: o.group?.slug ?? null,
    groupName: o.group?.name ?? null,
    planSection: o.planSection?.id ?? null,
    plan: o.planSection?.planId ?? null,
    planTitle: o.planSection?.planTitle ?? null,
    planSectionNumber: o.planSection?.number ?? null,
    planSectionTitle: o.planSection?.title ?? null,
  }
}

function summary(a: ListedAction): ActionSummaryOut {
  return {
    id: a.id,
    title: { es: a.titleEs, en: a.titleEn },
    status: a.status,
    priority: a.priority,
    progress: a.progress,
    dueDate: a.dueDate,
    overdue: a.overdue,
    awaitingValidation: a.awaitingValidation,
    owners: a.owners.map((o) => o.code),
    supporting: a.supporters.map((o) => o.code),
    origin: originOut(a.origin),
    revision: a.revision,
    updatedAt: a.updatedAt.toISOString(),
    url: `/actions/${a.id}`,
  }
}

/** GET /actions: by owner (`assignee`, a state with its national institutions), status and overdue, as
 * agencies' systems ask, and by the page's other filters; 50 per page. */
export async function listActionsForApi(
  viewer: Viewer,
  query: z.infer<typeof ActionsQuery>,
  now = new Date(),
) {
  const filters: ListFilters = {
    owner: query.assignee,
    status: query.status,
    overdue: query.overdue === '1' || query.overdue === 'true' ? '1' : undefined,
    meeting: query.meeting,
    decision: query.decision,
    group: query.group,
    due: query.due,
    sort: query.sort,
  }
  const offset = decodeCursor(query.cursor)
  const page = await withReads(
    apiLang(viewer),
    () => listActionsRead(viewer, filters, { lang: apiLang(viewer), limit: API_PAGE_SIZE, offset, now }),
    { api: true },
  )
  return {
    items: page.items.map(summary),
    nextCursor: page.hasMore ? encodeCursor(offset + API_PAGE_SIZE) : null,
  }
}

export function updateOut(
  actionId: string,
  u: UpdateView,
  ownerCodes: Record<string, string> = {},
): UpdateOutput {
  return {
    id: u.id,
    actionId,
    status: u.status,
    progress: u.progress,
    note: u.note,
    revision: u.revision,
    validation: u.validation,
    validationComment: u.validationComment,
    validatedAt: u.validatedAt ? u.validatedAt.toISOString() : null,
    evidence: u.evidence.map((e) => ({ id: e.id, reference: e.reference, url: `/documents/${e.id}` })),
    author: { name: u.author, organization: u.organization.code },
    owner: u.ownerOrganizationId ? (ownerCodes[u.ownerOrganizationId] ?? null) : null,
    createdAt: u.createdAt.toISOString(),
  }
}

function record(d: ActionDetails): ActionRecordOut {
  const { action: a, origin } = d
  return {
    id: a.id,
    title: { es: a.titleEs, en: a.titleEn },
    description: { es: a.descriptionEs, en: a.descriptionEn },
    status: a.status,
    priority: a.priority,
    progress: a.progress,
    dueDate: a.dueDate,
    overdue: a.overdue,
    awaitingValidation: d.pendingUpdateId !== null,
    tags: a.tags,
    owners: d.owners,
    supporting: d.supporters,
    origin: originOut(origin),
    revision: a.revision,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    completedAt: a.completedAt ? a.completedAt.toISOString() : null,
    url: `/actions/${a.id}`,
    updates: d.updates.map((u) => updateOut(a.id, u, d.ownerCodes)),
    ownerProgress: d.ownerParts.map((p) => ({
      owner: p.code,
      status: p.last?.status ?? null,
      progress: p.last?.progress ?? 0,
      validation: p.last?.validation ?? null,
      reportedAt: p.last ? p.last.createdAt.toISOString() : null,
    })),
  }
}

/** The record with its owners and full history, or null when missing or hidden. */
export function getActionForApi(viewer: Viewer, id: string, now = new Date()): ActionRecordOut | null {
  const details = getActionDetails(viewer, id, apiLang(viewer), now)
  return details ? record(details) : null
}

/** The 201 answer to a report: the update as it now stands in the history. */
export function createdUpdate(viewer: Viewer, actionId: string, updateId: string): UpdateOutput | null {
  const details = getActionDetails(viewer, actionId, apiLang(viewer))
  const u = details?.updates.find((x) => x.id === updateId)
  return u && details ? updateOut(actionId, u, details.ownerCodes) : null
}

/** Field messages in the caller's language. */
export function validationFields(error: z.ZodError, lang: Lang): Record<string, string[]> {
  return zodFields(error, (issue) =>
    say(lang, issue.code === 'unrecognized_keys' ? 'actions.error.unknownField' : issue.message),
  )
}
