import { parseWithZod } from '~/modules/core/conform.server'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { replyErrors, replyValue } from '~/components/meetings'
import { useT } from '~/i18n/use-t'
import { failure, meetingPageContext, NO_STORE } from '~/modules/meetings/http.server'
import { MeetingError } from '~/modules/meetings/meetings.server'
import {
  addErratum,
  adoptMinutes,
  circulateMinutes,
  commentOnMinutes,
  minutesHistory,
  minutesPage,
  MinutesConflict,
  saveMinutes,
} from '~/modules/meetings/minutes.server'
import {
  CirculateSchema,
  ErratumSchema,
  MinutesCommentSchema,
  MinutesSaveSchema,
} from '~/modules/meetings/schemas'
import { utcToZoned, zonedToUtc } from '~/modules/meetings/time'

const DAY = 24 * 3600 * 1000

interface Conflict {
  agendaItemId: string
  yours: string
  current: { text: string; revision: number }
}

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
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const id = meeting.row.id
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const back = (itemId?: string) => redirect(`/meetings/${id}/minutes${itemId ? `#minutes-${itemId}` : ''}`)
  if (intent === 'save') {
    const submission = parseWithZod(formData, { schema: MinutesSaveSchema })
    if (submission.status !== 'success') {
      return data({ intent, result: submission.reply() }, { status: 400, headers: NO_STORE })
    }
    try {
      saveMinutes(viewer, id, submission.value)
      return back(submission.value.agendaItemId)
    } catch (error) {
      if (error instanceof MinutesConflict) {
        // Nothing is lost: the person's text comes back beside the text saved in the meantime.
        return data(
          {
            intent,
            result: submission.reply({ formErrors: [error.messageKey] }),
            conflict: {
              agendaItemId: submission.value.agendaItemId,
              yours: error.yours,
              current: error.current,
            },
          },
          { status: 409, headers: NO_STORE },
        )
      }
      return failure(error, submission, intent)
    }
  }
  if (intent === 'circulate') {
    const submission = parseWithZod(formData, { schema: CirculateSchema })
    if (submission.status !== 'success') {
      return data({ intent, result: submission.reply() }, { status: 400, headers: NO_STORE })
    }
    try {
      const deadline = zonedToUtc(submission.value.commentDeadline, meeting.row.timeZone)
      if (!deadline) throw new MeetingError(400, 'meetings.error.dateTime', 'commentDeadline')
      circulateMinutes(viewer, id, deadline)
      return back()
    } catch (error) {
      return failure(error, submission, intent)
    }
  }
  if (intent === 'comment' || intent === 'erratum') {
    const submission = parseWithZod(formData, {
      schema: intent === 'comment' ? MinutesCommentSchema : ErratumSchema,
    })
    if (submission.status !== 'success') {
      return data({ intent, result: submission.reply() }, { status: 400, headers: NO_STORE })
    }
    try {
      if (intent === 'comment') commentOnMinutes(viewer, id, submission.value)
      else addErratum(viewer, id, submission.value)
      return back(submission.value.agendaItemId)
    } catch (error) {
      return failure(error, submission, intent)
    }
  }
  if (intent === 'adopt') {
    try {
      adoptMinutes(viewer, id)
      return back()
    } catch (error) {
      return failure(error, null, intent)
    }
  }
  throw new Response(null, { status: 400 })
}

export default function MinutesTab() {
  const { meetingId, timeZone, items, counts, commentDeadline, can, editing, suggestedDeadline, history } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, date } = useT()
  const result = actionData?.result
  const conflict = (actionData as { conflict?: Conflict } | undefined)?.conflict ?? null
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
            <Field
              id="commentDeadline"
              label={t('meetings.minutes.commentDeadline')}
              hint={t('meetings.agenda.startsAtHint', { zone: timeZone })}
              errors={replyErrors(of('circulate'), 'commentDeadline')}
            >
              {(ids) => (
                <input
                  type="datetime-local"
                  id={ids.id}
                  name="commentDeadline"
                  required
                  defaultValue={replyValue(of('circulate'), 'commentDeadline') ?? suggestedDeadline}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                />
              )}
            </Field>
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
          <Form method="post">
            <button type="submit" name="intent" value="adopt">
              {t('meetings.minutes.adopt')}
            </button>
          </Form>
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
                <span
                  className={
                    minutes.status === 'adopted'
                      ? 'badge ok'
                      : minutes.status === 'circulated'
                        ? 'badge warn'
                        : 'badge'
                  }
                >
                  {t(`meetings.minutes.status.${minutes.status}`)}
                </span>
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
              <div className="card">
                {itemConflict ? (
                  <div className="alert warn" role="alert">
                    <p>{t('meetings.minutes.conflict', { revision: itemConflict.current.revision })}</p>
                  </div>
                ) : null}
                <div className={itemConflict ? 'meetings-compare' : undefined}>
                  {itemConflict ? (
                    <div>
                      <h4>
                        {t('meetings.minutes.currentText', { revision: itemConflict.current.revision })}
                      </h4>
                      <pre className="meetings-current-text">{itemConflict.current.text}</pre>
                    </div>
                  ) : null}
                  <Form
                    method="post"
                    className="stack meetings-editor"
                    key={itemConflict ? `c${itemConflict.current.revision}` : 'e'}
                  >
                    <input type="hidden" name="agendaItemId" value={item.id} />
                    <input
                      type="hidden"
                      name="baseRevision"
                      value={itemConflict ? itemConflict.current.revision : (minutes?.revision ?? 0)}
                    />
                    <Field
                      id={`text-${item.id}`}
                      label={itemConflict ? t('meetings.minutes.yourText') : t('meetings.minutes.text')}
                      hint={t('meetings.minutes.markdownHint')}
                      errors={replyErrors(saveReply, 'text')}
                    >
                      {(ids) => (
                        <textarea
                          id={ids.id}
                          name="text"
                          rows={12}
                          defaultValue={
                            itemConflict
                              ? itemConflict.yours
                              : (replyValue(saveReply, 'text') ?? minutes?.text ?? '')
                          }
                          aria-describedby={ids.describedBy}
                        />
                      )}
                    </Field>
                    <div>
                      <button type="submit" name="intent" value="save">
                        {t('meetings.minutes.save')}
                      </button>{' '}
                      <Link to={`/meetings/${meetingId}/minutes#minutes-${item.id}`}>
                        {t('common.cancel')}
                      </Link>
                    </div>
                  </Form>
                </div>
              </div>
            ) : may.write ? (
              <p>
                <Link to={`?edit=${item.id}#minutes-${item.id}`} className="button small secondary">
                  {minutes?.revision ? t('meetings.minutes.edit') : t('meetings.minutes.write')}
                </Link>
              </p>
            ) : null}

            {comments.length ? (
              <>
                <h4>{t('meetings.minutes.comments', { count: comments.length })}</h4>
                <ul className="list-plain">
                  {comments.map((c) => (
                    <li key={c.id}>
                      <p className="small">
                        <strong>{c.organization}</strong> · {c.author} ·{' '}
                        {date(c.createdAt, 'datetime', timeZone)} ·{' '}
                        {t('meetings.minutes.onRevision', { revision: c.revision })}
                      </p>
                      <div className="meetings-markdown" dangerouslySetInnerHTML={{ __html: c.html }} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {may.comment ? (
              <Form method="post" className="stack">
                <input type="hidden" name="agendaItemId" value={item.id} />
                <Field
                  id={`comment-${item.id}`}
                  label={t('meetings.minutes.commentLabel')}
                  hint={t('meetings.minutes.markdownHint')}
                  errors={replyErrors(of('comment', item.id), 'text')}
                >
                  {(ids) => (
                    <textarea
                      id={ids.id}
                      name="text"
                      rows={4}
                      required
                      defaultValue={replyValue(of('comment', item.id), 'text')}
                      aria-describedby={ids.describedBy}
                    />
                  )}
                </Field>
                <div>
                  <button type="submit" name="intent" value="comment">
                    {t('meetings.minutes.sendComment')}
                  </button>
                </div>
              </Form>
            ) : null}

            {errata.length ? (
              <>
                <h4>{t('meetings.minutes.errata')}</h4>
                <ol>
                  {errata.map((e) => (
                    <li key={e.id}>
                      <p className="small">
                        {e.author} · {date(e.createdAt, 'date', timeZone)}
                      </p>
                      <div className="meetings-markdown" dangerouslySetInnerHTML={{ __html: e.html }} />
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            {may.addErratum ? (
              <details className="meetings-erratum" open={!!of('erratum', item.id)}>
                <summary>{t('meetings.minutes.addErratum')}</summary>
                <Form method="post" className="stack">
                  <input type="hidden" name="agendaItemId" value={item.id} />
                  <Field
                    id={`erratum-${item.id}`}
                    label={t('meetings.minutes.erratumLabel')}
                    errors={replyErrors(of('erratum', item.id), 'text')}
                  >
                    {(ids) => (
                      <textarea
                        id={ids.id}
                        name="text"
                        rows={3}
                        required
                        defaultValue={replyValue(of('erratum', item.id), 'text')}
                        aria-describedby={ids.describedBy}
                      />
                    )}
                  </Field>
                  <div>
                    <button type="submit" name="intent" value="erratum">
                      {t('meetings.minutes.recordErratum')}
                    </button>
                  </div>
                </Form>
              </details>
            ) : null}
          </section>
        )
      })}
    </section>
  )
}

type MinutesHistoryData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['history']>

/** Every saved text of an item's minutes, newest first, each with the words it added and removed. */
function MinutesHistory({
  id,
  history,
  timeZone,
}: {
  id: string
  history: MinutesHistoryData
  timeZone: string
}) {
  const { t, date } = useT()
  return (
    <section id={`history-${id}`} aria-labelledby={`history-h-${id}`} className="card">
      <h4 id={`history-h-${id}`}>{t('meetings.minutes.historyTitle')}</h4>
      <p className="small muted">
        {history.scope === 'sinceCirculation' ? `${t('meetings.minutes.historySince')} ` : null}
        {t('meetings.minutes.historyLegend')}
      </p>
      <ol className="list-plain">
        {history.revisions.map((r) => (
          <li key={r.revision}>
            <p className="small">
              <strong>{t('meetings.minutes.revision', { revision: r.revision })}</strong> · {r.author ?? '—'}{' '}
              · {date(r.savedAt, 'datetime', timeZone)}
              {r.changes
                ? null
                : ` · ${t(history.scope === 'all' ? 'meetings.minutes.historyFirst' : 'meetings.minutes.historyCirculated')}`}
            </p>
            <p className="meetings-diff">
              {r.changes
                ? r.changes.map((c, i) =>
                    c.added ? (
                      <ins key={i}>{c.value}</ins>
                    ) : c.removed ? (
                      <del key={i}>{c.value}</del>
                    ) : (
                      c.value
                    ),
                  )
                : r.text}
            </p>
          </li>
        ))}
      </ol>
      {history.truncated ? <p className="small muted">{t('meetings.minutes.historyTruncated')}</p> : null}
      <p className="small">
        <Link to={`?#minutes-${id}`}>{t('meetings.minutes.historyHide')}</Link>
      </p>
    </section>
  )
}
