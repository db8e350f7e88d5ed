import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { DecisionEntry } from '~/components/decision-entry'
import { FormErrors } from '~/components/forms'
import { replyErrors, type Reply } from '~/components/form-reply'
import { ReplySelect, ReplyTextArea } from '~/components/reply-fields'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { followUpReport } from '~/modules/actions/follow-up.server'
import { listAgenda } from '~/modules/meetings/agenda.server'
import { correctDecision, withdrawDecision } from '~/modules/meetings/decision-changes.server'
import { listMeetingDecisions, recordDecision } from '~/modules/meetings/decisions.server'
import { askConfirmation, isConfirmed } from '~/modules/core/confirm.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { redirectWithNotice } from '~/modules/core/notice.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { CorrigendumSchema, DecisionSchema, WithdrawDecisionSchema } from '~/modules/meetings/forms.server'
import { meetingPageContext } from '~/modules/meetings/http.server'

// The decisions tab: the meeting's numbered decisions (withdrawn ones stay, marked, with their reason;
// corrected ones show their corrigenda), each with the action items that follow from it; the secretariat
// records the next decision (asked to confirm one nearly the same as a recorded one), corrects one by a
// corrigendum or withdraws one, and starts action items from one.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const record = can(viewer, 'decision.record', meeting.ref)
  // The follow-up report counts only the action items this viewer may see.
  const followUp = followUpReport(viewer, meeting.row.id, lang)
  const actionCounts = new Map(followUp?.decisions.map((d) => [d.id, d.actions.length]))
  // after a redirect: what was just done (the record form is empty again)
  const search = new URL(request.url).searchParams
  const done = (['recorded', 'corrected', 'withdrawn'] as const).find((k) => search.get(k))
  return {
    done: done ? { kind: done, code: (search.get(done) ?? '').slice(0, 80) } : null,
    meetingId: meeting.row.id,
    decisions: listMeetingDecisions(meeting.row.id, lang).map((d) => ({
      ...d,
      actionCount: actionCounts.get(d.id) ?? 0,
      manage: can(viewer, 'decision.correct', { ...meeting.ref, decisionStatus: d.status }),
    })),
    createAction: can(viewer, 'action.create'),
    agenda: record
      ? listAgenda(meeting.row.id, lang).map((a) => ({ value: a.id, label: `${a.number}. ${a.title}` }))
      : [],
    record,
  }
}

const back = (meetingId: string, what: string, code: string, id: string) =>
  `/meetings/${meetingId}/decisions?${what}=${encodeURIComponent(code)}#decision-${id}`

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? 'record')
  if (intent === 'correct' || intent === 'withdraw') {
    const submission = parseForm(formData, intent === 'correct' ? CorrigendumSchema : WithdrawDecisionSchema)
    if (submission.status !== 'success') return invalidForm(submission, intent)
    // withdrawing is final: the reason is checked, then the secretariat confirms (components/confirm.tsx);
    // anyone else goes straight to the service, which refuses and audits the refusal
    const mayWithdraw = can(viewer, 'decision.withdraw', { ...meeting.ref, decisionStatus: 'in_force' })
    if (intent === 'withdraw' && mayWithdraw && !isConfirmed(formData)) return askConfirmation(formData)
    try {
      if (intent === 'withdraw') {
        const done = withdrawDecision(viewer, meeting.row.id, submission.value as never)
        return redirectWithNotice(`/meetings/${meeting.row.id}/decisions#decision-${done.id}`, {
          key: 'decisionsOwners.withdrawnDone',
          params: { code: done.code },
        })
      }
      const done = correctDecision(viewer, meeting.row.id, submission.value as never)
      return redirect(back(meeting.row.id, 'corrected', done.code, done.id))
    } catch (error) {
      return formFailure(error, submission, intent)
    }
  }
  const submission = parseForm(formData, DecisionSchema)
  if (submission.status !== 'success') {
    return invalidForm(submission, 'record')
  }
  try {
    const created = recordDecision(viewer, meeting.row.id, submission.value)
    return redirect(back(meeting.row.id, 'recorded', created.code, created.id))
  } catch (error) {
    return formFailure(error, submission, 'record')
  }
}

export default function DecisionsTab() {
  const { meetingId, decisions, agenda, record, createAction, done } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useT()
  // which decision a corrigendum or withdrawal answer is for
  const answerFor = (intent: string, id: string): Reply =>
    answer?.intent === intent && answer.result?.initialValue?.decisionId === id ? answer.result : undefined
  const reply = answer?.intent === 'record' ? answer.result : undefined
  const duplicateOf =
    answer?.intent === 'record'
      ? (answer.conflict as unknown as { duplicateOf?: string } | null)?.duplicateOf
      : null
  const recorded = done?.kind === 'recorded' ? done.code : null
  const notice = done
    ? t(
        done.kind === 'recorded'
          ? 'decisionsOwners.recorded'
          : done.kind === 'corrected'
            ? 'decisionsOwners.corrected'
            : 'decisionsOwners.withdrawnDone',
        { code: done.code },
      )
    : null
  return (
    <section aria-labelledby="decisions-title">
      <div className="page-header">
        <h2 id="decisions-title">{t('meetings.tab.decisions')}</h2>
        <Link to={`/meetings/decisions?meeting=${meetingId}`} className="small">
          {t('meetings.decisions.inRegister')}
        </Link>
      </div>
      {notice && !answer ? (
        <p className="alert ok" role="status">
          {notice}
        </p>
      ) : null}
      {decisions.length === 0 ? (
        <p className="muted">{t('meetings.decisions.empty')}</p>
      ) : (
        <ol className="list-plain meetings-decisions">
          {decisions.map((d) => (
            <DecisionEntry
              key={d.id}
              decision={d}
              manage={d.manage}
              correctReply={answerFor('correct', d.id)}
              withdrawReply={answerFor('withdraw', d.id)}
              heading={
                d.agendaItem ? (
                  <span className="muted small">
                    {' · '}
                    {t('meetings.decisions.item', { number: d.agendaItem.number, title: d.agendaItem.title })}
                  </span>
                ) : null
              }
            >
              {d.actionCount || (createAction && d.status === 'in_force') ? (
                <p className="small">
                  {d.actionCount ? (
                    <>
                      {t('meetings.decisions.actionCount', { count: d.actionCount })}
                      {' · '}
                      <Link to={`/actions?decision=${d.id}`}>{t('meetings.decisions.seeActions')}</Link>
                    </>
                  ) : null}
                  {d.actionCount && createAction && d.status === 'in_force' ? ' · ' : null}
                  {createAction && d.status === 'in_force' ? (
                    <Link to={`/actions/new?decision=${d.id}`}>{t('meetings.decisions.createAction')}</Link>
                  ) : null}
                </p>
              ) : null}
            </DecisionEntry>
          ))}
        </ol>
      )}
      {record ? (
        <section aria-labelledby="decision-form" className="card meetings-form-card">
          <h3 id="decision-form">{t('meetings.decisions.recordTitle')}</h3>
          {duplicateOf ? (
            <div className="alert warn" role="alert">
              <p>
                <strong>{t('decisionsOwners.duplicateTitle')}</strong>
              </p>
              <p>{t('decisionsOwners.duplicateExplain', { code: duplicateOf })}</p>
            </div>
          ) : null}
          <FormErrors errors={replyErrors(reply, '')} />
          {/* keyed by the last recorded code: after recording, the form starts empty (with JavaScript too) */}
          <Form method="post" className="stack" key={recorded ?? 'new'}>
            <input type="hidden" name="intent" value="record" />
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
            {duplicateOf ? (
              <div className="field">
                <label>
                  <input type="checkbox" name="confirmDuplicate" value="1" />{' '}
                  {t('decisionsOwners.confirmDuplicate')}
                </label>
              </div>
            ) : null}
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
