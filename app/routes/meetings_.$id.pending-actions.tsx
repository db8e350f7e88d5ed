import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ActionTable, PrintedMeetingHeader } from '~/components/actions'
import { replyErrors } from '~/components/form-reply'
import { FormErrors } from '~/components/forms'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { addPendingActionsReview, pendingActionsPage } from '~/modules/actions/carry-over.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { invalid } from '~/modules/core/domain-error.server'
import { formFailure, notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = pageTitle<typeof loader>((t, data) =>
  [t('actions.pending.title'), data?.header.title, t('app.name')].filter(Boolean).join(' · '),
)

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
      <PrintedMeetingHeader meeting={m} title={t('actions.pending.title')} />
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
        <ActionTable
          rows={items}
          caption={t('actions.pending.caption', { count: items.length })}
          className="actions-print-table"
          wrap={false}
          columns={[
            {
              heading: t('actions.pending.from'),
              className: 'small',
              at: 'afterTitle',
              cell: ({ origin: o }) =>
                o.restricted ? (
                  <span className="muted">{t('actions.origin.restricted')}</span>
                ) : (
                  <>
                    {o.decision ? <span className="mono">{o.decision.code}</span> : null}
                    {o.meeting ? (
                      <div>
                        {o.meeting.title} ({date(o.meeting.startsAt, 'date', o.meeting.timeZone)})
                      </div>
                    ) : null}
                  </>
                ),
            },
          ]}
        />
      ) : (
        <p className="alert info">{t('actions.pending.none')}</p>
      )}
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
