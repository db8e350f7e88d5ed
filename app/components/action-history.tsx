// The history of an action's reports, newest first: who reported what and when, the evidence the viewer
// may open, and how each report of `done` was validated or sent back.
import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { UpdateView } from '~/modules/actions/views'
import { ActionStatusBadge, Progress } from './actions'

export function ActionHistory({ updates }: { updates: UpdateView[] }) {
  const { t, date } = useT()
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('actions.history.title')}</h2>
      {updates.length ? (
        <ol className="list-plain actions-history">
          {updates.map((u) => (
            <li key={u.id} id={`update-${u.id}`} className="card">
              <p>
                <ActionStatusBadge status={u.status} /> <Progress value={u.progress} />
              </p>
              <p className="small muted">
                {t('actions.history.by', {
                  name: u.author,
                  organization: u.organization.name,
                  date: date(u.createdAt, 'datetime'),
                })}
              </p>
              {u.note ? <p className="actions-note">{u.note}</p> : null}
              {u.evidence.length ? (
                <div className="small">
                  {t('actions.history.evidence')}{' '}
                  <ul className="list-plain">
                    {u.evidence.map((e) => (
                      <li key={e.id}>
                        <Link to={`/documents/${e.id}`}>
                          <span className="mono">{e.reference}</span> · {e.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {u.validation === 'pending' ? (
                <p className="badge warn">{t('actions.validation.pending')}</p>
              ) : null}
              {u.validation === 'validated' ? (
                <p className="small">
                  <span className="badge ok">{t('actions.validation.validated')}</span>{' '}
                  {u.validatedBy && u.validatedAt
                    ? t('actions.validation.byOn', {
                        name: u.validatedBy,
                        date: date(u.validatedAt, 'date'),
                      })
                    : null}
                </p>
              ) : null}
              {u.validation === 'returned' ? (
                <div className="small">
                  <span className="badge danger">{t('actions.validation.returned')}</span>{' '}
                  {u.validatedBy && u.validatedAt
                    ? t('actions.validation.byOn', {
                        name: u.validatedBy,
                        date: date(u.validatedAt, 'date'),
                      })
                    : null}
                  {u.validationComment ? <p className="actions-note">{u.validationComment}</p> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('actions.history.empty')}</p>
      )}
    </section>
  )
}
