import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { replyErrors } from '~/components/form-reply'
import { ReplySelect, ReplyTextArea } from '~/components/reply-fields'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { followUpReport } from '~/modules/actions/follow-up.server'
import { listAgenda } from '~/modules/meetings/agenda.server'
import { listMeetingDecisions, recordDecision } from '~/modules/meetings/decisions.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { DecisionSchema } from '~/modules/meetings/forms.server'
import { meetingPageContext } from '~/modules/meetings/http.server'

// The decisions tab: the meeting's numbered decisions, each with the action items that follow from it;
// the secretariat records the next decision and starts action items from one.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const record = can(viewer, 'decision.record', meeting.ref)
  // The follow-up report counts only the action items this viewer may see.
  const followUp = followUpReport(viewer, meeting.row.id, lang)
  const actionCounts = new Map(followUp?.decisions.map((d) => [d.id, d.actions.length]))
  return {
    meetingId: meeting.row.id,
    decisions: listMeetingDecisions(meeting.row.id, lang).map((d) => ({
      ...d,
      actionCount: actionCounts.get(d.id) ?? 0,
    })),
    createAction: can(viewer, 'action.create'),
    agenda: record
      ? listAgenda(meeting.row.id, lang).map((a) => ({ value: a.id, label: `${a.number}. ${a.title}` }))
      : [],
    record,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const formData = await request.formData()
  const submission = parseForm(formData, DecisionSchema)
  if (submission.status !== 'success') {
    return invalidForm(submission, 'record')
  }
  try {
    const created = recordDecision(viewer, meeting.row.id, submission.value)
    return redirect(`/meetings/${meeting.row.id}/decisions#decision-${created.id}`)
  } catch (error) {
    return formFailure(error, submission, 'record')
  }
}

export default function DecisionsTab() {
  const { meetingId, decisions, agenda, record, createAction } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()?.result
  const { t } = useT()
  return (
    <section aria-labelledby="decisions-title">
      <div className="page-header">
        <h2 id="decisions-title">{t('meetings.tab.decisions')}</h2>
        <Link to={`/meetings/decisions?meeting=${meetingId}`} className="small">
          {t('meetings.decisions.inRegister')}
        </Link>
      </div>
      {decisions.length === 0 ? (
        <p className="muted">{t('meetings.decisions.empty')}</p>
      ) : (
        <ol className="list-plain meetings-decisions">
          {decisions.map((d) => (
            <li key={d.id} id={`decision-${d.id}`}>
              <p>
                <strong className="mono">{d.code}</strong>
                {d.agendaItem ? (
                  <span className="muted small">
                    {' · '}
                    {t('meetings.decisions.item', { number: d.agendaItem.number, title: d.agendaItem.title })}
                  </span>
                ) : null}
              </p>
              <p>{d.text}</p>
              {d.actionCount || createAction ? (
                <p className="small">
                  {d.actionCount ? (
                    <>
                      {t('meetings.decisions.actionCount', { count: d.actionCount })}
                      {' · '}
                      <Link to={`/actions?decision=${d.id}`}>{t('meetings.decisions.seeActions')}</Link>
                    </>
                  ) : null}
                  {d.actionCount && createAction ? ' · ' : null}
                  {createAction ? (
                    <Link to={`/actions/new?decision=${d.id}`}>{t('meetings.decisions.createAction')}</Link>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {record ? (
        <section aria-labelledby="decision-form" className="card meetings-form-card">
          <h3 id="decision-form">{t('meetings.decisions.recordTitle')}</h3>
          <FormErrors errors={replyErrors(reply, '')} />
          <Form method="post" className="stack">
            <ReplySelect
              reply={reply}
              name="agendaItemId"
              id="decision-item"
              label={t('meetings.decisions.agendaItem')}
              blank={t('meetings.field.none')}
              options={agenda}
            />
            {(['textEs', 'textEn'] as const).map((name) => (
              <ReplyTextArea
                key={name}
                reply={reply}
                name={name}
                id={name === 'textEs' ? 'decision-es' : 'decision-en'}
                label={t(`meetings.decisions.${name}`)}
                rows={4}
              />
            ))}
            <div>
              <button type="submit">{t('meetings.decisions.record')}</button>
            </div>
          </Form>
        </section>
      ) : null}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
