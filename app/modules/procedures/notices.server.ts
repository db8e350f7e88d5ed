// Notices of a written procedure through the mail outbox, to the focal points of the states concerned
// (and the delegate each named), each in their own language, with the deadline in San José's time and
// in their own zone, and the link to the procedure (which shows or links the frozen text). Queued in
// the transaction of the change that causes them.
import { and, asc, eq, inArray, or } from 'drizzle-orm'
import type { Tx } from '@db/client'
import { organizations, people } from '@db/schema'
import { localized, type Lang } from '~/i18n/core'
import { translator } from '~/i18n/catalogue.server'
import { linkTo } from '~/modules/auth/one-time-tokens.server'
import { queueMail } from '~/modules/mail/mail.server'
import { SEAT_TIME_ZONE, zoneOfOrganization } from '~/modules/plans/round-time'
import type { ProcedureRow, StateRow } from './loading.server'

export type NoticeKind = 'launched' | 'reminder' | 'adopted' | 'not_adopted' | 'extended'

interface Recipient {
  email: string
  name: string
  language: Lang
  organizationCode: string
}

export function recipientsOf(tx: Tx, states: StateRow[]): Recipient[] {
  if (!states.length) return []
  const ids = states.map((s) => s.organizationId)
  const delegates = states.map((s) => s.delegateId).filter((d): d is string => !!d)
  return tx
    .select({
      email: people.email,
      name: people.name,
      language: people.language,
      organizationCode: organizations.code,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(
      and(
        eq(people.status, 'active'),
        inArray(people.organizationId, ids),
        delegates.length
          ? or(eq(people.role, 'focal_point'), inArray(people.id, delegates))
          : eq(people.role, 'focal_point'),
      ),
    )
    .orderBy(asc(people.email))
    .all()
}

export function subjectOf(row: Pick<ProcedureRow, 'subjectEs' | 'subjectEn'>, lang: Lang) {
  return localized(lang, row.subjectEs, row.subjectEn)
}

/** Queues one notice per recipient; returns how many. */
export function queueNotices(
  tx: Tx,
  kind: NoticeKind,
  row: ProcedureRow,
  states: StateRow[],
  extra: { objectors?: string[] } = {},
): number {
  const list = recipientsOf(tx, states)
  for (const to of list) {
    const { t, date } = translator(to.language)
    const subject = subjectOf(row, to.language)
    const zone = zoneOfOrganization(to.organizationCode)
    const deadline = date(row.deadline, 'datetime', SEAT_TIME_ZONE)
    const own = date(row.deadline, 'datetime', zone)
    const lines = [
      t('procedures.mail.greeting', { name: to.name }),
      '',
      t(`procedures.mail.${kind}.body`, {
        subject,
        number: row.number,
        deadline,
        own,
        code: row.decisionCode ?? '',
        objectors: (extra.objectors ?? []).join(', '),
      }),
      '',
      linkTo(`/procedures/${row.id}`),
      '',
      t('procedures.mail.footer'),
    ]
    queueMail(
      {
        to: to.email,
        kind: `procedure.${kind}`,
        subject: t(`procedures.mail.${kind}.subject`, { subject, number: row.number }),
        text: lines.join('\n'),
      },
      tx,
    )
  }
  return list.length
}
