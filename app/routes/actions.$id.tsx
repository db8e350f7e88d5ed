import { parseWithZod } from '~/modules/core/conform.server'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import {
  ActionForm,
  ActionStatusBadge,
  DueDay,
  Progress,
  replyErrors,
  replyValue,
  replyValues,
} from '~/components/actions'
import { Field, FormErrors } from '~/components/forms'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import {
  actionFormOptions,
  actionFormValues,
  cancelAction,
  editAction,
  evidenceOptions,
  getActionDetails,
  postUpdate,
  validateUpdate,
  type ActionSnapshot,
} from '~/modules/actions/actions.server'
import { actionFailure, NO_STORE } from '~/modules/actions/http.server'
import { REPORT_STATUSES } from '~/modules/actions/constants'
import {
  ActionFormSchema,
  CancelFormSchema,
  UpdateFormSchema,
  ValidationFormSchema,
} from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import type { RootData } from '~/root'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${data?.details.action.title ?? t('actions.title')} · ${t('app.name')}` }]
}

// One action: details, owners, the full history of reports with their evidence; the report form for the
// owners' people; validate or send back for the secretariat; edit (?edit=1) and cancel for the
// secretariat. Hidden and missing actions are both 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const details = getActionDetails(viewer, params.id ?? '', lang)
  if (!details) throw new Response(null, { status: 404, headers: NO_STORE })
  const editing = new URL(request.url).searchParams.get('edit') === '1' && details.permissions.edit
  return {
    details,
    evidence: details.permissions.update
      ? evidenceOptions(viewer, details.origin.meeting?.id ?? null, lang)
      : [],
    edit: editing ? { options: actionFormOptions(lang), values: actionFormValues(details.action.id)! } : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const id = params.id ?? ''
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const invalid = (result: unknown) =>
    data({ intent, result, conflict: null }, { status: 400, headers: NO_STORE })
  switch (intent) {
    case 'update': {
      const submission = parseWithZod(formData, { schema: UpdateFormSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      try {
        const created = postUpdate(viewer, id, submission.value)
        return redirect(`/actions/${id}#update-${created.id}`)
      } catch (error) {
        return actionFailure(error, submission, intent)
      }
    }
    case 'validate':
    case 'return': {
      const submission = parseWithZod(formData, { schema: ValidationFormSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      try {
        validateUpdate(viewer, id, submission.value)
        return redirect(`/actions/${id}#update-${submission.value.updateId}`)
      } catch (error) {
        return actionFailure(error, submission, intent)
      }
    }
    case 'cancel': {
      const submission = parseWithZod(formData, { schema: CancelFormSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      try {
        cancelAction(viewer, id, submission.value)
        return redirect(`/actions/${id}`)
      } catch (error) {
        return actionFailure(error, submission, intent)
      }
    }
    case 'edit': {
      const submission = parseWithZod(formData, { schema: ActionFormSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      try {
        editAction(viewer, id, submission.value)
        return redirect(`/actions/${id}`)
      } catch (error) {
        return actionFailure(error, submission, intent)
      }
    }
    default:
      return data({ intent, result: null, conflict: null }, { status: 400, headers: NO_STORE })
  }
}

/** The current state beside what the person typed, after a change based on an old revision. */
function ConflictNotice({ conflict }: { conflict: ActionSnapshot }) {
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

export default function ActionPage() {
  const { details, evidence, edit } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t, date } = useT()
  const { action: a, origin, owners, supporters, updates, permissions, pendingUpdateId } = details
  const reply = (intent: string | string[]) =>
    answer && (Array.isArray(intent) ? intent.includes(answer.intent ?? '') : answer.intent === intent)
      ? (answer.result as Parameters<typeof replyErrors>[0])
      : undefined
  const conflict = answer?.conflict ?? null
  const revision = conflict?.revision ?? a.revision
  const pending = updates.find((u) => u.id === pendingUpdateId) ?? null

  if (edit) {
    return (
      <>
        <p className="small">
          <Link to={`/actions/${a.id}`}>{t('actions.edit.back')}</Link>
        </p>
        <h1>{t('actions.edit.title')}</h1>
        {conflict ? <ConflictNotice conflict={conflict} /> : null}
        <ActionForm
          reply={reply('edit')}
          values={{ ...edit.values, revision: String(revision) }}
          options={edit.options}
          submitLabel="actions.edit.submit"
          intent="edit"
        />
      </>
    )
  }

  const updateReply = reply('update')
  return (
    <>
      <p className="small">
        <Link to="/actions">{t('actions.back')}</Link>
      </p>
      <div className="page-header">
        <h1>{a.title}</h1>
        {permissions.edit ? (
          <Link to={`/actions/${a.id}?edit=1`} className="button secondary">
            {t('actions.edit.link')}
          </Link>
        ) : null}
      </div>
      <p>
        <ActionStatusBadge status={a.status} awaiting={!!pending} />{' '}
        {a.overdue ? <span className="badge danger">{t('actions.overdue')}</span> : null}
        {a.dueSoon ? <span className="badge warn">{t('actions.dueSoon')}</span> : null}
      </p>

      {/* a refusal for a form this person is not shown (e.g. a report by another state: 403) */}
      {!permissions.update ? <FormErrors errors={replyErrors(updateReply, '')} /> : null}
      {!permissions.validate ? <FormErrors errors={replyErrors(reply(['validate', 'return']), '')} /> : null}
      {!permissions.cancel ? <FormErrors errors={replyErrors(reply('cancel'), '')} /> : null}
      <dl className="actions-facts">
        <dt>{t('actions.field.progress')}</dt>
        <dd>
          <Progress value={a.progress} />
        </dd>
        <dt>{t('actions.field.dueDate')}</dt>
        <dd>
          <DueDay day={a.dueDate} />
        </dd>
        <dt>{t('actions.field.priority')}</dt>
        <dd>{t(`actions.priority.${a.priority}`)}</dd>
        <dt>{t('actions.field.origin')}</dt>
        <dd>
          {t(`actions.origin.${origin.type}`)}
          {origin.decision ? (
            <>
              {': '}
              <Link
                to={`/meetings/${origin.meeting?.id}/decisions#decision-${origin.decision.id}`}
                className="mono"
              >
                {origin.decision.code}
              </Link>
              <blockquote className="actions-quote">{origin.decision.text}</blockquote>
            </>
          ) : null}
          {origin.agendaItem && !origin.decision ? <>: {origin.agendaItem.title}</> : null}
          {origin.meeting ? (
            <div>
              <Link to={`/meetings/${origin.meeting.id}`}>{origin.meeting.title}</Link>{' '}
              <span className="muted small">
                {date(origin.meeting.startsAt, 'date', origin.meeting.timeZone)}
              </span>
              {origin.meeting.openness === 'members_only' ? (
                <>
                  {' '}
                  <span className="badge warn">{t('actions.membersOnly')}</span>
                </>
              ) : null}
            </div>
          ) : null}
          {origin.group ? (
            <>
              {': '}
              <Link to={`/groups/${origin.group.slug}`}>{origin.group.name}</Link>
            </>
          ) : null}
          {origin.planSectionId ? <span className="mono"> {origin.planSectionId}</span> : null}
        </dd>
        <dt>{t('actions.field.owners')}</dt>
        <dd>
          <ul className="list-plain">
            {owners.map((o) => (
              <li key={o.code}>
                <Link to={`/actions/board/${o.code}`}>{o.name}</Link>{' '}
                {o.focalPerson ? (
                  <span className="muted small">{t('actions.focalPerson', { name: o.focalPerson })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </dd>
        {supporters.length ? (
          <>
            <dt>{t('actions.field.supporting')}</dt>
            <dd>{supporters.map((s) => s.name).join(', ')}</dd>
          </>
        ) : null}
        {a.tags.length ? (
          <>
            <dt>{t('actions.field.tags')}</dt>
            <dd>
              {a.tags.map((tag) => (
                <span key={tag} className="badge">
                  {tag}
                </span>
              ))}
            </dd>
          </>
        ) : null}
        <dt>{t('actions.field.created')}</dt>
        <dd>
          {date(a.createdAt, 'date')}
          {a.createdBy ? <span className="muted small"> · {a.createdBy}</span> : null}
        </dd>
        {a.completedAt ? (
          <>
            <dt>{t('actions.field.completed')}</dt>
            <dd>{date(a.completedAt, 'date')}</dd>
          </>
        ) : null}
      </dl>
      {a.description ? <p className="actions-note">{a.description}</p> : null}

      {pending && permissions.validate ? (
        <section aria-labelledby="validate-title" className="card actions-card">
          <h2 id="validate-title">{t('actions.validate.title')}</h2>
          <p>
            {t('actions.validate.explain', {
              name: pending.author,
              organization: pending.organization.name,
              date: date(pending.createdAt, 'datetime'),
            })}
          </p>
          {pending.note ? <p className="actions-note">{pending.note}</p> : null}
          {conflict && reply(['validate', 'return']) ? <ConflictNotice conflict={conflict} /> : null}
          <FormErrors errors={replyErrors(reply(['validate', 'return']), '')} />
          <Form method="post" className="stack">
            <input type="hidden" name="updateId" value={pending.id} />
            <input type="hidden" name="revision" value={revision} />
            <Field
              id="validation-comment"
              label={t('actions.validate.comment')}
              hint={t('actions.validate.commentHint')}
              errors={replyErrors(reply(['validate', 'return']), 'comment')}
            >
              {(ids) => (
                <textarea
                  id={ids.id}
                  name="comment"
                  rows={3}
                  defaultValue={replyValue(reply(['validate', 'return']), 'comment')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                />
              )}
            </Field>
            <div className="actions-buttons">
              <button type="submit" name="intent" value="validate">
                {t('actions.validate.accept')}
              </button>{' '}
              <button type="submit" name="intent" value="return" className="secondary">
                {t('actions.validate.return')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {pending && !permissions.validate ? <p className="alert info">{t('actions.awaitingExplain')}</p> : null}
      {a.status === 'cancelled' ? <p className="alert info">{t('actions.closed.cancelled')}</p> : null}
      {a.status === 'done' ? <p className="alert ok">{t('actions.closed.done')}</p> : null}

      {permissions.update ? (
        <section aria-labelledby="update-title" className="card actions-card">
          <h2 id="update-title">{t('actions.update.title')}</h2>
          <p className="muted small">{t('actions.update.intro')}</p>
          {conflict && updateReply ? <ConflictNotice conflict={conflict} /> : null}
          <FormErrors errors={replyErrors(updateReply, '')} />
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="revision" value={revision} />
            <Field
              id="update-status"
              label={t('actions.field.status')}
              errors={replyErrors(updateReply, 'status')}
            >
              {(ids) => (
                <select
                  id={ids.id}
                  name="status"
                  defaultValue={
                    replyValue(updateReply, 'status') ??
                    (a.status === 'not_started' ? 'in_progress' : a.status)
                  }
                  aria-describedby={ids.describedBy}
                >
                  {REPORT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`actions.status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="update-progress"
              label={t('actions.field.progressPercent')}
              hint={t('actions.update.progressHint')}
              errors={replyErrors(updateReply, 'progress')}
            >
              {(ids) => (
                <input
                  id={ids.id}
                  name="progress"
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  defaultValue={replyValue(updateReply, 'progress') ?? String(a.progress)}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                  required
                />
              )}
            </Field>
            <Field id="update-note" label={t('actions.field.note')} errors={replyErrors(updateReply, 'note')}>
              {(ids) => (
                <textarea
                  id={ids.id}
                  name="note"
                  rows={5}
                  defaultValue={replyValue(updateReply, 'note')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                />
              )}
            </Field>
            <Field
              id="update-evidence"
              label={t('actions.field.evidence')}
              hint={t('actions.update.evidenceHint')}
              errors={replyErrors(updateReply, 'evidence')}
            >
              {(ids) => (
                <select
                  id={ids.id}
                  name="evidence"
                  multiple
                  size={Math.min(6, Math.max(2, evidence.length))}
                  defaultValue={replyValues(updateReply, 'evidence') ?? []}
                  aria-describedby={ids.describedBy}
                >
                  {evidence.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.reference} · {d.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="update-evidence-reference"
              label={t('actions.field.evidenceReference')}
              hint={t('actions.update.referenceHint')}
              errors={replyErrors(updateReply, 'evidenceReference')}
            >
              {(ids) => (
                <input
                  id={ids.id}
                  name="evidenceReference"
                  type="text"
                  defaultValue={replyValue(updateReply, 'evidenceReference')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                />
              )}
            </Field>
            <p className="small">
              <Link to="/documents/new">{t('actions.update.uploadFirst')}</Link>
            </p>
            <div>
              <button type="submit">{t('actions.update.submit')}</button>
            </div>
          </Form>
        </section>
      ) : null}

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

      {permissions.cancel ? (
        <details className="actions-cancel">
          <summary>{t('actions.cancel.title')}</summary>
          {conflict && reply('cancel') ? <ConflictNotice conflict={conflict} /> : null}
          <FormErrors errors={replyErrors(reply('cancel'), '')} />
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="revision" value={revision} />
            <Field
              id="cancel-reason"
              label={t('actions.cancel.reason')}
              errors={replyErrors(reply('cancel'), 'reason')}
            >
              {(ids) => (
                <textarea
                  id={ids.id}
                  name="reason"
                  rows={3}
                  defaultValue={replyValue(reply('cancel'), 'reason')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                  required
                />
              )}
            </Field>
            <div>
              <button type="submit" className="danger">
                {t('actions.cancel.submit')}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </>
  )
}
