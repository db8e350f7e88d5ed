// Each owner's part of an action with several owners: what its latest report says (status, progress,
// whether its report of done is validated, and the secretariat's comment when it validated or sent it
// back), and the whole action's progress (their mean).
import { useT } from '~/i18n/use-t'
import type { OwnerPartView } from '~/modules/actions/views'
import { Progress } from './actions'
import { TableWrap } from '~/components/table-wrap'

type Part = Omit<OwnerPartView, 'last'> & {
  last: (Omit<NonNullable<OwnerPartView['last']>, 'createdAt'> & { createdAt: string | Date }) | null
}

export function ActionOwnersProgress({ parts, overall }: { parts: Part[]; overall: number }) {
  const { t, date } = useT()
  return (
    <section aria-labelledby="owners-progress-title">
      <h2 id="owners-progress-title">{t('decisionsOwners.owners.title')}</h2>
      <TableWrap label={t('decisionsOwners.owners.title')}>
        <table className="owners-progress">
          <thead>
            <tr>
              <th scope="col">{t('decisionsOwners.owners.owner')}</th>
              <th scope="col">{t('decisionsOwners.owners.status')}</th>
              <th scope="col">{t('decisionsOwners.owners.progress')}</th>
              <th scope="col">{t('decisionsOwners.owners.last')}</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.code}>
                <th scope="row">{p.name}</th>
                <td>
                  {p.last ? (
                    <>
                      {t(`actions.status.${p.last.status}`)}
                      {p.last.validation && p.last.validation !== 'pending' ? (
                        <span className="muted small">
                          {' '}
                          ({t(`decisionsOwners.owners.${p.last.validation}`)})
                        </span>
                      ) : p.last.validation === 'pending' ? (
                        <span className="muted small"> ({t('decisionsOwners.owners.pending')})</span>
                      ) : null}
                      {p.last.validationComment ? (
                        <p className="small">
                          {t('decisionsOwners.validationComment')}: {p.last.validationComment}
                        </p>
                      ) : null}
                    </>
                  ) : (
                    <span className="muted">{t('decisionsOwners.owners.none')}</span>
                  )}
                </td>
                <td>
                  <Progress value={p.last?.progress ?? 0} />
                </td>
                <td className="small">
                  {p.last ? `${date(p.last.createdAt, 'date')} · ${p.last.author}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('decisionsOwners.owners.overall')}</th>
              <td />
              <td>
                <Progress value={overall} />
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </section>
  )
}
