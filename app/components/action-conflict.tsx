// The current state of an action beside what the person typed, after a change based on an older
// revision (409): both are on the page, nothing is thrown away.
import { useT } from '~/i18n/use-t'
import type { ActionSnapshot } from '~/modules/actions/views'
import { ActionStatusBadge } from './actions'

export function ConflictNotice({ conflict }: { conflict: ActionSnapshot }) {
  const { t, date, number } = useT()
  return (
    <div className="alert warn actions-conflict" role="alert">
      <p>
        <strong>{t('actions.conflict.title')}</strong>
      </p>
      <p>{t('actions.conflict.explain')}</p>
      <dl className="actions-facts">
        <dt>{t('actions.field.status')}</dt>
        <dd>
          <ActionStatusBadge status={conflict.status} />
        </dd>
        <dt>{t('actions.field.progress')}</dt>
        <dd>{t('actions.percent', { value: number(conflict.progress) })}</dd>
        {conflict.lastUpdate ? (
          <>
            <dt>{t('actions.conflict.lastReport')}</dt>
            <dd>
              <span className="small muted">
                {t('actions.history.by', {
                  name: conflict.lastUpdate.author,
                  organization: conflict.lastUpdate.organization,
                  date: date(conflict.lastUpdate.createdAt, 'datetime'),
                })}
              </span>
              <p className="actions-note">{conflict.lastUpdate.note || '—'}</p>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  )
}
