// Pieces shared by the action items' pages: status and due-day badges (never colour alone: each says
// its meaning in words), progress and owner lists.
import { useT } from '~/i18n/use-t'
import type { ActionStatus } from '~/modules/actions/schemas'

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

export function OwnerNames({ owners }: { owners: { code: string; name: string }[] }) {
  if (!owners.length) return <>—</>
  return (
    <>
      {owners.map((o, i) => (
        <span key={o.code}>
          {i ? ', ' : ''}
          <abbr title={o.name}>{o.code}</abbr>
        </span>
      ))}
    </>
  )
}
