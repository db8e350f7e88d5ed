import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import {
  MinutesComments,
  MinutesEditor,
  MinutesErrata,
  MinutesHistory,
  MinutesStatusBadge,
  NoteForm,
} from '~/components/minutes'
import { replyErrors, replyValue } from '~/components/form-reply'
import { ReplyInput } from '~/components/reply-fields'
import { withZone } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'
import { invalid } from '~/modules/core/domain-error.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { formFailure } from '~/modules/core/form-reply.server'
import {
  CirculateSchema,
  ErratumSchema,
  MinutesCommentSchema,
  MinutesSaveSchema,
} from '~/modules/meetings/forms.server'
import { meetingPageContext } from '~/modules/meetings/http.server'
import {
  addErratum,
  adoptionReview,
  adoptMinutes,
  circulateMinutes,
  commentOnMinutes,
  minutesHistory,
  minutesPage,
  saveMinutes,
} from '~/modules/meetings/minutes.server'
import type { MinutesConflictState } from '~/modules/meetings/views'
import { AdoptConfirmSchema } from '~/modules/meetings/minutes-document.server'
import { utcToZoned, zonedToUtc } from '~/modules/meetings/time'

const DAY = 24 * 3600 * 1000

// The minutes tab: per agenda item, with the adoption cycle draft -> circulated -> adopted.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const page = minutesPage(viewer, meeting, lang)
  const search = new URL(request.url).searchParams
  const editId = search.get('edit')
  const historyId = search.get('history')
  const history = historyId ? minutesHistory(viewer, meeting, historyId) : null
  return {
    meetingId: meeting.row.id,
    timeZone: meeting.row.timeZone,
    ...page,
    editing: page.items.some((i) => i.item.id === editId && i.can.write) ? editId : null,
    history: history ? { itemId: historyId!, ...history } : null,
    suggestedDeadline: utcToZoned(Date.now() + 14 * DAY, meeting.row.timeZone),
    review: page.can.adopt && search.get('adopt') === 'review' ? adoptionReview(meeting) : null,
    official: page.counts.adopted > 0 && page.counts.circulated === 0 && page.counts.draft === 0,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const id = meeting.row.id
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const back = (itemId?: string) => redirect(`/meetings/${id}/minutes${itemId ? `#minutes-${itemId}` : ''}`)
  if (intent === 'save') {
    const submission = parseForm(formData, MinutesSaveSchema)
    if (submission.status !== 'success') {
      return invalidForm(submission, intent)
    }
    try {
      saveMinutes(viewer, id, submission.value)
      return back(submission.value.agendaItemId)
    } catch (error) {
      // a stale save answers 409 with the text saved in the meantime beside the person's own
      return formFailure(error, submission, intent)
    }
  }
  if (intent === 'circulate') {
    const submission = parseForm(formData, CirculateSchema)
    if (submission.status !== 'success') {
      return invalidForm(submission, intent)
    }
    try {
      const deadline = zonedToUtc(submission.value.commentDeadline, meeting.row.timeZone)
      if (!deadline) throw invalid('meetings.error.dateTime', 'commentDeadline')
      circulateMinutes(viewer, id, deadline)
      return back()
    } catch (error) {
      return formFailure(error, submission, intent)
    }
  }
  if (intent === 'comment' || intent === 'erratum') {
    const submission = parseForm(formData, intent === 'comment' ? MinutesCommentSchema : ErratumSchema)
    if (submission.status !== 'success') {
      return invalidForm(submission, intent)
    }
    try {
      if (intent === 'comment') commentOnMinutes(viewer, id, submission.value)
      else addErratum(viewer, id, submission.value)
      return back(submission.value.agendaItemId)
    } catch (error) {
      return formFailure(error, submission, intent)
    }
  }
  if (intent === 'adopt') {
    // adopting locks the minutes: only from the confirmation step (?adopt=review)
    if (formData.get('confirm') !== 'yes') {
      return invalidForm(parseForm(formData, AdoptConfirmSchema), intent, {
        confirm: ['meetingsRun.minutes.error.confirm'],
      })
    }
    try {
      adoptMinutes(viewer, id)
      return back()
    } catch (error) {
      return formFailure(error, null, intent)
    }
  }
  throw new Response(null, { status: 400 })
}

export default function MinutesTab() {
  const {
    meetingId,
    timeZone,
    items,
    counts,
    commentDeadline,
    can,
    editing,
    suggestedDeadline,
    history,
    review,
    official,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, date } = useT()
  const result = actionData?.result
  const conflict = (actionData as { conflict?: MinutesConflictState | null } | undefined)?.conflict ?? null
  // Which item a refused form belonged to, so that its message and text show there.
  const failedItem = replyValue(result, 'agendaItemId')
  const of = (intent: string, itemId?: string) =>
    actionData?.intent === intent && (!itemId || failedItem === itemId) ? result : undefined
  return (
    <section aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('meetings.tab.minutes')}</h2>
      <p>
        {t('meetings.minutes.summary', {
          draft: counts.draft,
          circulated: counts.circulated,
          adopted: counts.adopted,
        })}
        {commentDeadline ? (
          <> {t('meetings.minutes.deadline', { date: date(commentDeadline, 'datetime', timeZone) })}</>
        ) : null}
      </p>
      {actionData && !conflict ? <FormErrors errors={replyErrors(result, '')} /> : null}

      {can.circulate ? (
        <section aria-labelledby="circulate-title" className="card">
          <h3 id="circulate-title">{t('meetings.minutes.circulateTitle')}</h3>
          <p className="small">{t('meetings.minutes.circulateHelp')}</p>
          <Form method="post" className="filters">
            <ReplyInput
              reply={of('circulate')}
              name="commentDeadline"
              id="commentDeadline"
              type="datetime-local"
              label={withZone({ t }, t('meetings.minutes.commentDeadline'), timeZone)}
              hint={t('meetings.agenda.startsAtHint')}
              required
              defaultValue={suggestedDeadline}
            />
            <div>
              <button type="submit" name="intent" value="circulate">
                {t('meetings.minutes.circulate')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      {can.adopt ? (
        <section aria-labelledby="adopt-title" className="card">
          <h3 id="adopt-title">{t('meetings.minutes.adoptTitle')}</h3>
          <p className="small">{t('meetings.minutes.adoptHelp')}</p>
          {review ? (
            <AdoptionReview review={review} timeZone={timeZone} meetingId={meetingId} />
          ) : (
            <>
              <FormErrors errors={of('adopt') ? replyErrors(result, 'confirm') : null} />
              <Form method="get" action="#adopt-title">
                <input type="hidden" name="adopt" value="review" />
                <button type="submit">{t('meetings.minutes.adopt')}</button>
              </Form>
            </>
          )}
        </section>
      ) : null}
      {official ? (
        <section aria-labelledby="official-title" className="card">
          <h3 id="official-title">{t('meetingsRun.minutes.official')}</h3>
          <p>
            <a href={`/meetings/${meetingId}/minutes.pdf`} className="button small secondary" download>
              {t('meetingsRun.minutes.pdf')}
            </a>{' '}
            <a href={`/meetings/${meetingId}/minutes.docx`} className="button small secondary" download>
              {t('meetingsRun.minutes.docx')}
            </a>
          </p>
        </section>
      ) : null}

      {items.length === 0 ? <p className="muted">{t('meetings.agenda.empty')}</p> : null}
      {items.map(({ item, minutes, comments, errata, can: may }) => {
        const itemConflict = conflict && conflict.agendaItemId === item.id ? conflict : null
        const saveReply = of('save', item.id)
        const showEditor = may.write && (editing === item.id || !!itemConflict || !!saveReply)
        return (
          <section
            key={item.id}
            id={`minutes-${item.id}`}
            aria-labelledby={`minutes-h-${item.id}`}
            className="meetings-minutes-item"
          >
            <h3 id={`minutes-h-${item.id}`}>
              {item.number}. {item.title}{' '}
              {minutes && (minutes.revision > 0 || minutes.status !== 'draft') ? (
                <MinutesStatusBadge status={minutes.status} />
              ) : null}
            </h3>
            {minutes === null ? (
              <p className="muted">{t('meetings.minutes.notYet')}</p>
            ) : minutes.html ? (
              <div className="meetings-markdown" dangerouslySetInnerHTML={{ __html: minutes.html }} />
            ) : (
              <p className="muted">{t('meetings.minutes.empty')}</p>
            )}
            {minutes && minutes.revision > 0 ? (
              <p className="muted small">
                {t('meetings.minutes.revision', { revision: minutes.revision })}
                {minutes.adoptedAt
                  ? ` · ${t('meetings.minutes.adoptedOn', { date: date(minutes.adoptedAt, 'date', timeZone) })}`
                  : ''}
              </p>
            ) : null}

            {history?.itemId === item.id ? (
              <MinutesHistory id={item.id} history={history} timeZone={timeZone} />
            ) : may.history ? (
              <p className="small">
                <Link to={`?history=${item.id}#history-${item.id}`}>{t('meetings.minutes.history')}</Link>
              </p>
            ) : null}

            {showEditor ? (
              <MinutesEditor
                itemId={item.id}
                meetingId={meetingId}
                minutes={minutes}
                conflict={itemConflict}
                reply={saveReply}
              />
            ) : may.write ? (
              <p>
                <Link to={`?edit=${item.id}#minutes-${item.id}`} className="button small secondary">
                  {minutes?.revision ? t('meetings.minutes.edit') : t('meetings.minutes.write')}
                </Link>
              </p>
            ) : null}

            <MinutesComments comments={comments} timeZone={timeZone} />
            {may.comment ? (
              <NoteForm itemId={item.id} intent="comment" reply={of('comment', item.id)} />
            ) : null}

            <MinutesErrata errata={errata} timeZone={timeZone} />
            {may.addErratum ? (
              <details className="meetings-erratum" open={!!of('erratum', item.id)}>
                <summary>{t('meetings.minutes.addErratum')}</summary>
                <NoteForm itemId={item.id} intent="erratum" reply={of('erratum', item.id)} />
              </details>
            ) : null}
          </section>
        )
      })}
    </section>
  )
}

/** The confirmation step of the adoption: what is still open, then one button that adopts. */
function AdoptionReview({
  review,
  timeZone,
  meetingId,
}: {
  review: { items: number; deadline: Date | null; deadlinePending: boolean; unanswered: number }
  timeZone: string
  meetingId: string
}) {
  const { t, date } = useT()
  return (
    <div role="region" aria-labelledby="adopt-confirm-title">
      <h4 id="adopt-confirm-title">{t('meetingsRun.minutes.confirmTitle')}</h4>
      <p>{t('meetingsRun.minutes.confirmText', { count: review.items })}</p>
      {review.deadlinePending || review.unanswered ? (
        <div className="alert info" role="alert">
          {review.deadlinePending ? (
            <p>
              {t('meetingsRun.minutes.warnDeadline', { date: date(review.deadline, 'datetime', timeZone) })}
            </p>
          ) : null}
          {review.unanswered ? (
            <p>{t('meetingsRun.minutes.warnUnanswered', { count: review.unanswered })}</p>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t('meetingsRun.minutes.noWarnings')}</p>
      )}
      <Form method="post" action={`/meetings/${meetingId}/minutes`}>
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" name="intent" value="adopt">
          {t('meetingsRun.minutes.confirm')}
        </button>{' '}
        <Link to={`/meetings/${meetingId}/minutes`}>{t('meetingsRun.minutes.cancel')}</Link>
      </Form>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
