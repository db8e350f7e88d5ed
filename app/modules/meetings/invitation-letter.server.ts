/**
 * The official invitation letter of one delegation member (for visa purposes): Spanish or English,
 * whatever the interface language, signed by the Executive Secretariat. The texts are prepared here and
 * the PDF is built off the event loop by invitation-letter.job.mjs (runChildJob, with its limits).
 * Only those allowed by `delegation.invitationLetter` get it; for anyone else the member does not exist.
 */
import type { Lang } from '~/i18n/core'
import { translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { runChildJob } from '~/modules/core/child-jobs.server'
import { letterMember } from './delegation-members.server'
import { meetingHeader, type VisibleMeeting } from './meetings.server'

export const LETTER_JOB = 'app/modules/meetings/invitation-letter.job.mjs'

const LOCALES: Record<Lang, string> = { es: 'es-ES', en: 'en-GB' }

/** "5 de diciembre de 2023" / "5 December 2023", in the meeting's zone. */
export function letterDate(lang: Lang, d: Date, timeZone: string) {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(d)
}

export interface LetterInput {
  language: Lang
  title: string
  author: string
  created: number
  letterhead: string[]
  place: string
  reference: string
  recipient: string[]
  subject: string
  paragraphs: string[]
  closing: string[]
  footer: string
}

/** Every text of the letter, in its language (a 404 DomainError when the viewer may not get it). */
export function invitationLetterInput(
  viewer: Viewer,
  meeting: VisibleMeeting,
  memberId: string,
  language: Lang,
  now = new Date(),
): { input: LetterInput; filename: string } {
  const member = letterMember(viewer, meeting, memberId, language)
  const header = meetingHeader(meeting.row, language)
  const { t } = translator(language)
  const tz = meeting.row.timeZone
  const today = letterDate(language, now, 'America/Costa_Rica')
  const year = now.getUTCFullYear()
  const reference = `CRM/SE/${year}/${member.memberId.slice(0, 8).toUpperCase()}`
  const place = header.place ?? t('delegations.letter.online')
  const start = letterDate(language, meeting.row.startsAt, tz)
  const end = letterDate(language, meeting.row.endsAt, tz)
  const input: LetterInput = {
    language,
    title: t('delegations.letter.title', { name: member.name }),
    author: t('delegations.letter.signatory'),
    created: now.getTime(),
    letterhead: [
      t('delegations.letter.conference'),
      t('delegations.letter.signatory'),
      t('delegations.letter.address'),
    ],
    place: t('delegations.letter.placeAndDate', { date: today }),
    reference: t('delegations.letter.reference', { reference }),
    recipient: [member.name, member.title, member.institution, member.organization.name].filter(
      (x): x is string => !!x,
    ),
    subject: t('delegations.letter.subject', { meeting: header.title }),
    paragraphs: [
      t(start === end ? 'delegations.letter.bodyOneDay' : 'delegations.letter.body', {
        name: member.name,
        role: t(`delegations.letter.role.${member.role}`),
        organization: member.organization.name,
        meeting: header.title,
        place,
        start,
        end,
      }),
      t('delegations.letter.purpose'),
      t('delegations.letter.courtesy'),
    ],
    closing: [
      t('delegations.letter.closing'),
      t('delegations.letter.signatory'),
      t('delegations.letter.conference'),
    ],
    footer: t('delegations.letter.footer', { date: today, reference }),
  }
  const filename = `${t('delegations.letter.filename')}-${member.name}-${language}.pdf`
  return { input, filename }
}

/** The PDF's bytes (rejects with ChildJobError when it cannot be built now). */
export async function invitationLetterPdf(
  viewer: Viewer,
  meeting: VisibleMeeting,
  memberId: string,
  language: Lang,
): Promise<{ bytes: Buffer; filename: string }> {
  const { input, filename } = invitationLetterInput(viewer, meeting, memberId, language)
  const bytes = await runChildJob<Buffer>(LETTER_JOB, input)
  return { bytes, filename }
}
