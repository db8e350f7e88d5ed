import type { Submission } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConflictNotice } from '~/components/action-conflict'
import { ActionForm } from '~/components/action-form'
import { ActionHistory } from '~/components/action-history'
import { ActionOwnersProgress } from '~/components/action-owners-progress'
import { ActionReportForm } from '~/components/action-report-form'
import { ActionStatusBadge, DueDay, Progress } from '~/components/actions'
import { replyErrors, replyValue, type Reply } from '~/components/form-reply'
import { Field, FormErrors } from '~/components/forms'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getActionDetails } from '~/modules/actions/details.server'
import { actionFormOptions, actionFormValues, evidenceOptions } from '~/modules/actions/form-options.server'
import { postUpdate, validateUpdate } from '~/modules/actions/reports.server'
import { evidenceDocument, readReportDraft, saveReportDraft } from '~/modules/actions/report-drafts.server'
import {
  ActionFormSchema,
  CancelFormSchema,
  UpdateFormSchema,
  ValidationFormSchema,
} from '~/modules/actions/schemas'
import type { ActionSnapshot } from '~/modules/actions/views'
import { cancelAction, editAction } from '~/modules/actions/writing.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { formFailure, NO_STORE, notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${data?.details.action.title ?? t('actions.title')} · ${t('app.name')}`,
)

// One action: details, owners, the full history of reports with their evidence; the report form for the
// owners' people; validate or send back for the secretariat; edit (?edit=1) and cancel for the
// secretariat. Hidden and missing actions are both 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const details = getActionDetails(viewer, params.id ?? '', lang)
  if (!details) throw notFoundResponse()
  const search = new URL(request.url).searchParams
  const editing = search.get('edit') === '1' && details.permissions.edit
  // back from "upload a document first": the report as it was left, the new document chosen
  const draft = details.permissions.update
    ? readReportDraft(viewer, details.action.id, search.get('draft'))
    : null
  const uploaded = draft ? evidenceDocument(viewer, search.get('evidence'), lang) : null
  const options = details.permissions.update
    ? evidenceOptions(viewer, details.origin.restricted ? null : (details.origin.meeting?.id ?? null), lang)
    : []
  return {
    details,
    draft: draft
      ? {
          ...draft,
          evidence: [
            ...(Array.isArray(draft.evidence) ? draft.evidence : []),
            ...(uploaded ? [uploaded.id] : []),
          ],
        }
      : null,
    evidence: uploaded && !options.some((o) => o.id === uploaded.id) ? [uploaded, ...options] : options,
    edit: editing ? { options: actionFormOptions(lang), values: actionFormValues(details.action.id)! } : null,
  }
}

// Every form of the page posts here with its `intent`; each answer says which form it is for.
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const id = params.id ?? ''
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  switch (intent) {
    case 'upload-first': {
      // what was typed is kept on the server; the upload page comes back here with the new document
      const details = getActionDetails(viewer, id, 'es')
      if (!details) throw notFoundResponse()
      if (!details.permissions.update) {
        return change('update', parseForm(formData, UpdateFormSchema), (input) => {
          postUpdate(viewer, id, input)
          return `/actions/${id}`
        })
      }
      const draftId = saveReportDraft(viewer, id, formData)
      const back = `/actions/${id}?draft=${draftId}#update-title`
      return redirect(`/documents/new?returnTo=${encodeURIComponent(back)}`)
    }
    case 'update':
      return change(intent, parseForm(formData, UpdateFormSchema), (input) => {
        const created = postUpdate(viewer, id, input)
        return `/actions/${id}#update-${created.id}`
      })
    case 'validate':
    case 'return':
      return change(intent, parseForm(formData, ValidationFormSchema), (input) => {
        validateUpdate(viewer, id, input)
        return `/actions/${id}#update-${input.updateId}`
      })
    case 'cancel':
      return change(intent, parseForm(formData, CancelFormSchema), (input) => {
        cancelAction(viewer, id, input)
        return `/actions/${id}`
      })
    case 'edit':
      return change(intent, parseForm(formData, ActionFormSchema), (input) => {
        editAction(viewer, id, input)
        return `/actions/${id}`
      })
    default:
      return data({ intent, result: null, conflict: null }, { status: 400, headers: NO_STORE })
  }
}

/** One form's change: the form again with its field messages when it does not parse (400), with the
 * refusal when the change is refused (`formFailure`: 403, 409 with the current state...), else a
 * redirect to where `apply` says. */
function change<Value>(
  intent: string,
  submission: Submission<unknown, string[], Value>,
  apply: (value: Value) => string,
) {
  if (submission.status !== 'success') {
    return invalidForm(submission, intent)
  }
  try {
    return redirect(apply(submission.value))
  } catch (error) {
    return formFailure(error, submission, intent)
  }
}

export default function ActionPage() {
  const { details, evidence, edit, draft } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t, date } = useT()
  const { action: a, origin, owners, supporters, updates, permissions, pendingUpdateId } = details
  const reply = (intent: string | string[]): Reply =>
    answer && (Array.isArray(intent) ? intent.includes(answer.intent) : answer.intent === intent)
      ? answer.result
      : undefined
  // a change refused as stale carries the action as it stands now
  const conflict = (answer?.conflict ?? null) as ActionSnapshot | null
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
          {origin.restricted ? (
            <span className="muted">{t('actions.origin.restricted')}</span>
          ) : (
            <>
              {t(`actions.origin.${origin.type}`)}
              {origin.decision ? (
                <>
                  {': '}
                  <Link
                    to={
                      origin.decision.procedureId
                        ? `/procedures/${origin.decision.procedureId}`
                        : `/meetings/${origin.meeting?.id}/decisions#decision-${origin.decision.id}`
                    }
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
              {origin.planSection ? (
                <>
                  {': '}
                  <Link to={`/plans/${origin.planSection.planId}#s-${origin.planSection.id}`}>
                    {origin.planSection.number ? `${origin.planSection.number} ` : ''}
                    {origin.planSection.title}
                  </Link>{' '}
                  <span className="muted small">({origin.planSection.planTitle})</span>
                </>
              ) : null}
            </>
          )}
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
      {details.ownerParts.length > 1 ? (
        <ActionOwnersProgress parts={details.ownerParts} overall={a.progress} />
      ) : null}

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
        <ActionReportForm
          action={a}
          revision={revision}
          evidence={evidence}
          reply={updateReply}
          conflict={conflict}
          reportFor={details.reportFor}
          draft={draft}
        />
      ) : null}

      <ActionHistory updates={updates} />

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

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
