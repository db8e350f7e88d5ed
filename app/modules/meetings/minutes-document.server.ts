/**
 * The adopted minutes as one official document, PDF or DOCX: the meeting, its attendance, the minutes
 * of every agenda item with their errata, the decisions and the record of adoption. The main thread
 * gathers the data as the viewer may see it (minutesPage's rules) and translates every label; the
 * bytes are built in a child process (minutes-pdf.job.mjs, minutes-docx.job.mjs).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '@db/client'
import { auditLog, delegationMembers, minutesComments, minutes, organizations, people } from '@db/schema'
import { translator } from '~/i18n/catalogue.server'
import { formatDate, type Lang } from '~/i18n/core'
import type { Viewer } from '~/modules/access/viewer'
import { childJobUnavailable, runChildJob } from '~/modules/core/child-jobs.server'
import { NO_STORE } from '~/modules/core/form-reply.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { listMeetingDecisions } from './decisions.server'
import { localized, type VisibleMeeting } from './meetings.server'
import { minutesPage } from './minutes.server'
import { safeSegment } from './documents-zip.server'

/** The adoption form's one field: `confirm=yes` from the confirmation step. */
export const AdoptConfirmSchema = z.object({ confirm: z.string().max(10).optional() })

const PDF_JOB = 'app/modules/meetings/minutes-pdf.job.mjs'
const DOCX_JOB = 'app/modules/meetings/minutes-docx.job.mjs'

/** Markdown as plain paragraphs (the official document carries the words, not the markup). */
export function plainParagraphs(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__|\*|_|`)/g, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    )
    .filter(Boolean)
}

export interface OfficialMinutes {
  lang: Lang
  fileTitle: string
  labels: Record<
    'title' | 'when' | 'where' | 'attendance' | 'agenda' | 'decisions' | 'adoption' | 'errata',
    string
  >
  meetingTitle: string
  when: string
  place: string
  attendance: { organization: string; people: string[] }[]
  noAttendance: string
  items: { heading: string; paragraphs: string[]; errata: string[] }[]
  decisions: { code: string; text: string }[]
  noDecisions: string
  adoption: string[]
}

/** The official document's content, or null when the minutes are not (all) adopted or the viewer may
 * not read them. */
export function officialMinutes(viewer: Viewer, meeting: VisibleMeeting, lang: Lang): OfficialMinutes | null {
  const page = minutesPage(viewer, meeting, lang)
  if (!page.counts.adopted || page.counts.circulated || page.counts.draft) return null
  if (page.items.some((i) => i.minutes === null)) return null
  const { t } = translator(lang)
  const { row } = meeting
  const tz = row.timeZone
  const present = db
    .select({
      // a member without an account (a Vice-Minister registered by the focal point) by their own name
      name: sql<string>`coalesce(${people.name}, ${delegationMembers.name})`,
      orgEs: organizations.nameEs,
      orgEn: organizations.nameEn,
      orgId: organizations.id,
    })
    .from(delegationMembers)
    .leftJoin(people, eq(people.id, delegationMembers.personId))
    .innerJoin(organizations, eq(organizations.id, delegationMembers.organizationId))
    .where(and(eq(delegationMembers.meetingId, row.id), eq(delegationMembers.attendance, 'present')))
    .all()
  const byOrg = new Map<string, { organization: string; people: string[] }>()
  for (const p of present) {
    const o = byOrg.get(p.orgId) ?? { organization: localized(lang, p.orgEs, p.orgEn), people: [] }
    o.people.push(p.name)
    byOrg.set(p.orgId, o)
  }
  const attendance = [...byOrg.values()].sort((a, b) => a.organization.localeCompare(b.organization, lang))
  const rows = db.select().from(minutes).where(eq(minutes.meetingId, row.id)).all()
  const adoptedAt = rows.reduce<Date | null>(
    (d, r) => (r.adoptedAt && (!d || r.adoptedAt > d) ? r.adoptedAt : d),
    null,
  )
  const circulatedAt = rows.reduce<Date | null>(
    (d, r) => (r.circulatedAt && (!d || r.circulatedAt < d) ? r.circulatedAt : d),
    null,
  )
  const deadline = rows.find((r) => r.commentDeadline)?.commentDeadline ?? null
  const comments = rows.length
    ? db
        .select({ id: minutesComments.id })
        .from(minutesComments)
        .where(
          inArray(
            minutesComments.minutesId,
            rows.map((r) => r.id),
          ),
        )
        .all().length
    : 0
  const adopter = db
    .select({ name: people.name })
    .from(auditLog)
    .innerJoin(people, eq(people.id, auditLog.actorId))
    .where(
      and(eq(auditLog.action, 'minutes.adopt'), eq(auditLog.targetId, row.id), eq(auditLog.outcome, 'ok')),
    )
    .orderBy(desc(auditLog.at))
    .get()
  const adoption: string[] = []
  if (circulatedAt) {
    adoption.push(
      t('meetingsRun.doc.circulated', {
        date: formatDate(lang, circulatedAt, 'date', tz),
        deadline: deadline ? formatDate(lang, deadline, 'datetime', tz) : '—',
        count: comments,
      }),
    )
  }
  adoption.push(
    t('meetingsRun.doc.adoptedBy', {
      date: formatDate(lang, adoptedAt, 'date', tz),
      name: adopter?.name ?? '—',
    }),
  )
  const title = localized(lang, row.titleEs, row.titleEn)
  return {
    lang,
    fileTitle: `${t('meetingsRun.doc.title')} - ${title}`,
    labels: {
      title: t('meetingsRun.doc.title'),
      when: t('meetingsRun.doc.when'),
      where: t('meetingsRun.doc.where'),
      attendance: t('meetingsRun.doc.attendance'),
      agenda: t('meetingsRun.doc.agenda'),
      decisions: t('meetingsRun.doc.decisions'),
      adoption: t('meetingsRun.doc.adoption'),
      errata: t('meetingsRun.doc.errata'),
    },
    meetingTitle: title,
    when: `${formatDate(lang, row.startsAt, 'long', tz)} – ${formatDate(lang, row.endsAt, 'long', tz)}`,
    place: row.place ?? t('meetings.online'),
    attendance,
    noAttendance: t('meetingsRun.doc.noAttendance'),
    items: page.items.map((i) => {
      const paragraphs = plainParagraphs(i.minutes?.text ?? '')
      return {
        heading: `${i.item.number}. ${i.item.title}`,
        paragraphs: paragraphs.length ? paragraphs : [t('meetingsRun.doc.noText')],
        errata: i.errata.map((e) => e.html.replace(/<[^>]*>/g, '').trim()),
      }
    }),
    decisions: listMeetingDecisions(row.id, lang).map((d) => ({ code: d.code, text: d.text })),
    noDecisions: t('meetingsRun.doc.noDecisions'),
    adoption,
  }
}

/** The bytes of the official document (in a child process). Rejects with ChildJobError. */
export function officialMinutesFile(data: OfficialMinutes, format: 'pdf' | 'docx'): Promise<Buffer> {
  return runChildJob(format === 'pdf' ? PDF_JOB : DOCX_JOB, data)
}

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** /meetings/:id/minutes.pdf and .docx: 404 until the minutes are adopted (or for whoever may not read
 * them), 503 when the document cannot be built now. */
export async function officialMinutesResponse(
  viewer: Viewer,
  meeting: VisibleMeeting,
  lang: Lang,
  format: 'pdf' | 'docx',
): Promise<Response> {
  const data = officialMinutes(viewer, meeting, lang)
  if (!data) return new Response('Not found', { status: 404, headers: NO_STORE })
  let bytes: Buffer
  try {
    bytes = await officialMinutesFile(data, format)
  } catch (error) {
    return childJobUnavailable(error, lang)
  }
  const name = `${safeSegment(data.fileTitle, 150)}.${format}`
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...NO_STORE,
      'Content-Type': TYPES[format],
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(name),
      'Content-Security-Policy': 'sandbox',
    },
  })
}
