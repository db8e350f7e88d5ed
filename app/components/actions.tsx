// Pieces shared by the action items' pages: status and due-day badges (never colour alone: each says
// its meaning in words), progress, owner lists, and the table of actions the lists share.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useT } from '~/i18n/use-t'
import type { ActionStatus } from '~/modules/actions/constants'
import { TableWrap } from '~/components/table-wrap'

const STATUS_CLASS: Record<ActionStatus, string> = {
  not_started: 'badge',
  in_progress: 'badge',
  blocked: 'badge warn',
  done: 'badge ok',
  cancelled: 'badge danger',
}

export function ActionStatusBadge({ status, awaiting }: { status: ActionStatus; awaiting?: boolean }) {
  const { t } = useT()
  return (
    <>
      <span className={STATUS_CLASS[status]}>{t(`actions.status.${status}`)}</span>
      {awaiting ? (
        <>
          {' '}
          <span className="badge warn">{t('actions.awaitingValidation')}</span>
        </>
      ) : null}
    </>
  )
}

/** A calendar day (YYYY-MM-DD), written in the reader's language; "overdue" in words when it is. */
export function DueDay({ day, overdue }: { day: string; overdue?: boolean }) {
  const { t, date } = useT()
  return (
    <>
      <time dateTime={day}>{date(`${day}T12:00:00Z`, 'date')}</time>
      {overdue ? (
        <>
          {' '}
          <span className="badge danger">{t('actions.overdue')}</span>
        </>
      ) : null}
    </>
  )
}

export function Progress({ value }: { value: number }) {
  const { t } = useT()
  return (
    <span className="actions-progress">
      <progress max={100} value={value} aria-label={t('actions.field.progress')}>
        {value}%
      </progress>{' '}
      <span>{t('actions.percent', { value })}</span>
    </span>
  )
}

export function OwnerNames({ owners }: { owners: { code: string; name: string; short: string }[] }) {
  if (!owners.length) return <>—</>
  return (
    <>
      {owners.map((o, i) => (
        <span key={o.code}>
          {i ? ', ' : ''}
          {o.short === o.name ? o.name : <abbr title={o.name}>{o.short}</abbr>}
        </span>
      ))}
    </>
  )
}

/** What every table of actions shows of an action. */
export interface ActionTableRow {
  id: string
  title: string
  owners: { code: string; name: string; short: string }[]
  dueDate: string
  overdue: boolean
  status: ActionStatus
  progress: number
  awaitingValidation?: boolean
}

/** A column a table adds to the common ones, right after the title or at the end. */
export interface ActionTableColumn<R> {
  heading: string
  cell: (row: R) => ReactNode
  className?: string
  at: 'afterTitle' | 'end'
}

/** Actions as a table: title (a link to the action), owners, due day, status and progress, with the
 * columns a page adds. Scrolls sideways on a narrow screen unless `wrap` is false (printed pages). */
export function ActionTable<R extends ActionTableRow>({
  rows,
  caption,
  captionHidden,
  className,
  wrap = true,
  ownerCodes,
  titleExtra,
  columns = [],
}: {
  rows: R[]
  caption: string
  /** the caption for screen readers only (the page's heading already says it) */
  captionHidden?: boolean
  className?: string
  wrap?: boolean
  /** owners as codes (their names on hover) rather than names */
  ownerCodes?: boolean
  /** beside the title: a badge, a decision code */
  titleExtra?: (row: R) => ReactNode
  columns?: ActionTableColumn<R>[]
}) {
  const { t } = useT()
  const headings = (at: ActionTableColumn<R>['at']) =>
    columns
      .filter((c) => c.at === at)
      .map((c) => (
        <th key={c.heading} scope="col">
          {c.heading}
        </th>
      ))
  const cells = (row: R, at: ActionTableColumn<R>['at']) =>
    columns
      .filter((c) => c.at === at)
      .map((c) => (
        <td key={c.heading} className={c.className}>
          {c.cell(row)}
        </td>
      ))
  const table = (
    <table className={className}>
      <caption className={captionHidden ? 'actions-visually-hidden' : 'actions-caption'}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('actions.col.title')}</th>
          {headings('afterTitle')}
          <th scope="col">{t('actions.col.owners')}</th>
          <th scope="col">{t('actions.col.due')}</th>
          <th scope="col">{t('actions.col.status')}</th>
          <th scope="col">{t('actions.col.progress')}</th>
          {headings('end')}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              <Link to={`/actions/${a.id}`}>{a.title}</Link>
              {titleExtra?.(a)}
            </th>
            {cells(a, 'afterTitle')}
            <td>{ownerCodes ? <OwnerNames owners={a.owners} /> : a.owners.map((o) => o.name).join(', ')}</td>
            <td className="actions-nowrap">
              <DueDay day={a.dueDate} overdue={a.overdue} />
            </td>
            <td>
              <ActionStatusBadge status={a.status} awaiting={a.awaitingValidation} />
            </td>
            <td>
              <Progress value={a.progress} />
            </td>
            {cells(a, 'end')}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return wrap ? <TableWrap label={caption}>{table}</TableWrap> : table
}

/** The top of a printed page about a meeting (its follow-up report, its carry-over list): the way back
 * and a hint (not printed), the page's title, and the meeting with its date and place. */
export function PrintedMeetingHeader({
  meeting: m,
  title,
}: {
  meeting: { id: string; title: string; startsAt: Date; timeZone: string; place: string | null }
  title: string
}) {
  const { t, date } = useT()
  return (
    <>
      <p className="small actions-noprint">
        <Link to={`/meetings/${m.id}`}>{t('actions.report.back')}</Link> · {t('actions.report.printHint')}
      </p>
      <h1>{title}</h1>
      <p>
        <strong>{m.title}</strong>
        <br />
        {date(m.startsAt, 'date', m.timeZone)} · {m.place ?? t('actions.report.online')}
      </p>
    </>
  )
}
