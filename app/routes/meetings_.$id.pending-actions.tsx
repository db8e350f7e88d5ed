import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ActionStatusBadge, DueDay, Progress } from '~/components/actions'
import { replyErrors } from '~/components/form-reply'
import { FormErrors } from '~/components/forms'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { addPendingActionsReview, pendingActionsPage } from '~/modules/actions/carry-over.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { invalid } from '~/modules/core/domain-error.server'
import { formFailure, notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import type { RootData } from '~/root'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${t('actions.pending.title')} · ${data?.header.title ?? ''}` }]
}

// The carry-over list of a meeting: every open action from earlier meetings of the same body, printable;
// the secretariat adds a "Review of pending actions" item to the agenda of a meeting still ahead.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const page = pendingActionsPage(viewer, params.id ?? '', lang)
  if (!page) throw notFoundResponse()
  return page
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const id = params.id ?? ''
  const form = await request.formData()
  try {
    if (form.get('intent') !== 'addReview') throw invalid('error.400')
    const item = addPendingActionsReview(viewer, id)
    return redirect(`/meetings/${id}#agenda-${item.id}`)
  } catch (error) {
    return formFailure(error, null, 'addReview')
  }
}

export default function PendingActions() {
  const { header: m, items, reviewItemId, canAddReview } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t, date } = useT()
  return (
    <article className="actions-print">
      <p className="small actions-noprint">
        <Link to={`/meetings/${m.id}`}>{t('actions.report.back')}</Link> · {t('actions.report.printHint')}
      </p>
      <h1>{t('actions.pending.title')}</h1>
      <p>
        <strong>{m.title}</strong>
        <br />
        {date(m.startsAt, 'date', m.timeZone)} · {m.place ?? t('actions.report.online')}
      </p>
      <p className="muted">{t('actions.pending.intro', { kind: t(`meetings.kind.${m.kind}`) })}</p>
      <FormErrors errors={replyErrors(answer?.result, '')} />
      {reviewItemId ? (
        <p className="alert ok actions-noprint">
          {t('actions.pending.onAgenda')}{' '}
          <Link to={`/meetings/${m.id}#agenda-${reviewItemId}`}>{t('actions.pending.seeAgenda')}</Link>
        </p>
      ) : canAddReview ? (
        <Form method="post" className="actions-noprint">
          <button type="submit" name="intent" value="addReview">
            {t('actions.pending.addReview')}
          </button>
        </Form>
      ) : null}
      {items.length ? (
        <table className="actions-print-table">
          <caption className="actions-caption">
            {t('actions.pending.caption', { count: items.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('actions.col.title')}</th>
              <th scope="col">{t('actions.pending.from')}</th>
              <th scope="col">{t('actions.col.owners')}</th>
              <th scope="col">{t('actions.col.due')}</th>
              <th scope="col">{t('actions.col.status')}</th>
              <th scope="col">{t('actions.col.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/actions/${a.id}`}>{a.title}</Link>
                </th>
                <td className="small">
                  {a.decisionCode ? <span className="mono">{a.decisionCode}</span> : null}
                  <div>
                    {a.meeting.title} ({date(a.meeting.startsAt, 'date', a.meeting.timeZone)})
                  </div>
                </td>
                <td>{a.owners.map((o) => o.name).join(', ')}</td>
                <td className="actions-nowrap">
                  <DueDay day={a.dueDate} overdue={a.overdue} />
                </td>
                <td>
                  <ActionStatusBadge status={a.status} />
                </td>
                <td>
                  <Progress value={a.progress} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="alert info">{t('actions.pending.none')}</p>
      )}
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
